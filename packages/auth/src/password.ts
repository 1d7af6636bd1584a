import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's recommended minimum: m=19 MiB, t=2, p=1.
// (2 = Algorithm.Argon2id; the const enum can't be imported under isolatedModules.)
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword({ hash: hashed, password }: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}
