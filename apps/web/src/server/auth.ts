import "server-only";

import { createAuth, type Auth } from "@tandem/auth";
import { authEnv } from "@tandem/auth/env";

import { getDb } from "./db";

const cache = globalThis as unknown as { tandemAuth?: Auth };

export function getAuth(): Auth {
  cache.tandemAuth ??= createAuth({ db: getDb(), ...authEnv });
  return cache.tandemAuth;
}
