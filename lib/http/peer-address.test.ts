import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { installPeerAddressHeader, PEER_ADDRESS_HEADER } from "./peer-address";

describe("installPeerAddressHeader", () => {
  it("gives every request the socket's address, replacing what the client claimed", async () => {
    installPeerAddressHeader();
    const server = http.createServer((request, response) => {
      response.end(JSON.stringify({ peer: request.headers[PEER_ADDRESS_HEADER], forwarded: request.headers["x-forwarded-for"] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [PEER_ADDRESS_HEADER]: "203.0.113.66", "X-Forwarded-For": "203.0.113.9" },
      });
      expect(await response.json()).toEqual({ peer: "127.0.0.1", forwarded: "203.0.113.9" });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
