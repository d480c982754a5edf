import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { briefError, createLogger } from "./logger";

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { log: createLogger(sink), lines };
}

describe("the server log", () => {
  it("writes one JSON object a line, with user input escaped inside its field and secrets redacted", () => {
    const { log, lines } = capture();
    const forged = 'x\n[gloss] GET /admin failed: all fine\r\n{"level":"info"}';
    log.warn({ callbackUrl: forged, password: "hunter2" }, "sign-in refused");
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: "warn", app: "gloss", msg: "sign-in refused", callbackUrl: forged, password: "[redacted]" });
    expect(lines[0]).not.toContain("hunter2");
  });

  it("keeps the stack of a fault, and leaves it out of an expected refusal", () => {
    const { log, lines } = capture();
    log.error({ err: new Error("database down") }, "request failed");
    log.info({ reason: briefError(new Error("session ended")) }, "refused");
    const [fault, refusal] = lines.map((line) => JSON.parse(line) as { err?: { stack?: string }; reason?: unknown });
    expect(fault!.err?.stack).toContain("database down");
    expect(refusal!.reason).toEqual({ name: "Error", message: "session ended" });
  });
});
