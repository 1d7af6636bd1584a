import type { RouterOutputs } from "@tandem/api";

export type Digest = RouterOutputs["feed"]["digest"];
export type DigestProject = Digest["byHealth"]["on_track"][number];
export type DigestTask = Digest["overdueBySide"]["marketing"][number];
export type MemberNames = Map<string, string>;
