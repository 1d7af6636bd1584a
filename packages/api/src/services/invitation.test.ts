import { describe, expect, it } from "vitest";

import { hashToken, invitationState } from "./invitation";

describe("invitation state", () => {
  const future = new Date(Date.now() + 60_000);
  const past = new Date(Date.now() - 60_000);
  it("is open until accepted, revoked or expired — accepted wins over the others", () => {
    expect(invitationState({ acceptedAt: null, revokedAt: null, expiresAt: future })).toBe("open");
    expect(invitationState({ acceptedAt: null, revokedAt: null, expiresAt: past })).toBe("expired");
    expect(invitationState({ acceptedAt: null, revokedAt: past, expiresAt: future })).toBe("revoked");
    expect(invitationState({ acceptedAt: past, revokedAt: past, expiresAt: past })).toBe("accepted");
  });
  it("hashes tokens with SHA-256, hex encoded", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
