import { LRUCache } from "lru-cache";
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

/**
 * Session tokens already decrypted, until they expire. next-auth derives the
 * key with HKDF on every decode, a sizeable part of a cached annotation
 * list's cost; a token never changes, so its payload can be remembered.
 * Whether the session it names is still live is checked on every request
 * apart (lib/auth/user-sessions.ts).
 */
const decodedSessions = new LRUCache<string, JWT>({ max: 10_000 });

/** next-auth's `decode`, remembering each token's payload until its `exp`. */
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const known = params.token ? decodedSessions.get(params.token) : undefined;
  if (known && typeof known.exp === "number" && known.exp * 1000 > Date.now()) return known;
  const payload = await decode(params);
  if (payload && params.token) decodedSessions.set(params.token, payload);
  return payload;
}
