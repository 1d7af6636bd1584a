import { createPublicKey } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { env } from "../env";
import { keyIdOf } from "../log";

/** The public half of the key this instance signs checkpoints with, if one is configured. */
export function signingPublicKeyPem(): string | undefined {
  const file = join(env.TANDEM_DATA_DIR, "log-signing-key.pem");
  const pem = process.env.TANDEM_LOG_SIGNING_KEY ?? (existsSync(file) ? readFileSync(file, "utf8") : undefined);
  if (!pem) return undefined;
  return createPublicKey(pem).export({ type: "spki", format: "pem" }).toString();
}

/** Where a restore leaves the public key that signed the restored log's checkpoints. */
export const restoredKeyFile = (keyId: string) => join(env.TANDEM_DATA_DIR, `log-signing-key.${keyId}.pub.pem`);

/** Every key checkpoints may be signed with: this instance's, and those restores brought along. */
export function trustedPublicKeys(): string[] {
  const keys = [signingPublicKeyPem()].filter((k): k is string => !!k);
  if (!existsSync(env.TANDEM_DATA_DIR)) return keys;
  for (const name of readdirSync(env.TANDEM_DATA_DIR).sort()) {
    if (/^log-signing-key\.[0-9a-f]+\.pub\.pem$/.test(name)) keys.push(readFileSync(join(env.TANDEM_DATA_DIR, name), "utf8"));
  }
  return keys;
}

export const keyIdOfPem = (pem: string) => keyIdOf(createPublicKey(pem));
