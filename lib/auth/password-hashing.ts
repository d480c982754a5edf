import { hash, verify, type Algorithm, type Options } from "@node-rs/argon2";

// Argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): ~tens of ms per hash here.
// `Algorithm` is an ambient const enum, which isolatedModules cannot reference by name; 2 is Argon2id.
const ARGON2ID: Algorithm = 2;
const HASH_OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, HASH_OPTIONS);
}

/** False for a wrong password and for a malformed hash alike: callers only need yes or no. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash of nothing anyone knows, made with the same parameters, so that
 * checking a password for an unknown email costs as much as for a known one
 * and response times do not tell which emails have accounts.
 */
export function passwordHashForUnknownUser(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}
