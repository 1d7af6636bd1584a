import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";

import canonicalize from "canonicalize";

/** A signed head of one workspace's chain, as stored and as downloaded (JSON). */
export interface SignedCheckpoint {
  workspaceId: string;
  seq: number;
  hash: string;
  createdAt: string;
  keyId: string;
  /** base64 Ed25519 signature over the canonical {v, workspaceId, seq, hash, createdAt}. */
  signature: string;
  /** SPKI PEM of the signing key, so a holder of the file can check it offline. */
  publicKey?: string;
}

export interface LogSigner {
  keyId: string;
  publicKeyPem: string;
  sign(cp: Omit<SignedCheckpoint, "signature" | "keyId" | "publicKey">): SignedCheckpoint;
}

const payload = (cp: { workspaceId: string; seq: number; hash: string; createdAt: string }) =>
  Buffer.from(canonicalize({ v: 1, workspaceId: cp.workspaceId, seq: cp.seq, hash: cp.hash, createdAt: cp.createdAt })!);

export function keyIdOf(publicKey: KeyObject): string {
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex")
    .slice(0, 16);
}

/** Loads an Ed25519 private key from PKCS#8 PEM. */
export function createLogSigner(privateKeyPem: string): LogSigner {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("the log signing key must be Ed25519");
  const publicKey = createPublicKey(privateKey);
  const keyId = keyIdOf(publicKey);
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  return {
    keyId,
    publicKeyPem,
    sign: (cp) => ({ ...cp, keyId, publicKey: publicKeyPem, signature: sign(null, payload(cp), privateKey).toString("base64") }),
  };
}

export function generateLogSigningKeyPem(): string {
  return generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

/** True when the signature is valid for the given public key (PEM). */
export function verifyCheckpointSignature(cp: SignedCheckpoint, publicKeyPem: string): boolean {
  const key = createPublicKey(publicKeyPem);
  if (keyIdOf(key) !== cp.keyId) return false;
  try {
    return verify(null, payload(cp), key, Buffer.from(cp.signature, "base64"));
  } catch {
    return false;
  }
}
