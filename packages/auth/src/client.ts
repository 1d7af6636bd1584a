import { createAuthClient } from "better-auth/react";

/** The browser's better-auth client; same-origin, so no baseURL. */
export const authClient = createAuthClient();
