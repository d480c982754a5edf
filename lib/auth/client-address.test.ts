import { describe, expect, it } from "vitest";
import { clientAddressFrom, UNKNOWN_CLIENT_ADDRESS } from "./client-address";

describe("clientAddressFrom", () => {
  it("ignores X-Forwarded-For unless a proxy is trusted to set it", () => {
    expect(clientAddressFrom({ "x-forwarded-for": "203.0.113.9" }, false)).toBe(UNKNOWN_CLIENT_ADDRESS);
  });

  it("without a proxy, takes the TCP peer's address the server recorded, whatever X-Forwarded-For says", () => {
    expect(clientAddressFrom({ "x-gloss-peer-address": "198.51.100.7", "x-forwarded-for": "203.0.113.9" }, false)).toBe("198.51.100.7");
  });

  it("behind a trusted proxy, takes the address the proxy appended (the last one)", () => {
    expect(clientAddressFrom({ "x-forwarded-for": "198.51.100.1, 203.0.113.9" }, true)).toBe("203.0.113.9");
    expect(clientAddressFrom({ "x-forwarded-for": ["198.51.100.1", " 2001:db8::1 "] }, true)).toBe("2001:db8::1");
  });

  it("falls back to the shared bucket when a trusted proxy sent nothing", () => {
    expect(clientAddressFrom({}, true)).toBe(UNKNOWN_CLIENT_ADDRESS);
    expect(clientAddressFrom({ "x-forwarded-for": " , " }, true)).toBe(UNKNOWN_CLIENT_ADDRESS);
  });
});
