import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeSessionToken } from "./decode-session-token";

const secret = "a-test-secret-that-is-long-enough-for-hkdf";
const claims = { sub: "reader-1", name: "Rita Reader", email: "rita@example.test" };

describe("decodeSessionToken", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives the token's claims, again on the second call", async () => {
    const token = await encode({ token: claims, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
    expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
  });

  it("refuses a token made with another secret or tampered with", async () => {
    const token = await encode({ token: claims, secret: "some-other-secret-of-some-other-app", maxAge: 60 });
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
    const mine = await encode({ token: claims, secret, maxAge: 60 });
    await decodeSessionToken({ token: mine, secret });
    const tampered = `${mine.slice(0, -4)}${mine.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    await expect(decodeSessionToken({ token: tampered, secret })).rejects.toThrow();
  });

  it("stops accepting a remembered token once it has expired", async () => {
    const token = await encode({ token: claims, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 10 * 60_000 });
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow(/exp/);
  });

  it("gives null for no token", async () => {
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });
});
