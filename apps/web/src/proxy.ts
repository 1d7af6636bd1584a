import { NextResponse, type NextRequest } from "next/server";

import { realtimeClientConfig } from "~/env";
import { contentSecurityPolicy, HSTS } from "~/lib/security-headers";

/** HSTS once Tandem is served over HTTPS in production: browsers then never try plain HTTP. */
const SEND_HSTS = process.env.NODE_ENV === "production" && (process.env.BETTER_AUTH_URL ?? "").startsWith("https://");

/**
 * Every page: a fresh CSP nonce (Next.js puts it on its own scripts when it sees the policy on
 * the request), the policy and HSTS on the response, and the requested path for server
 * components, so a page that must send a signed-out visitor to /sign-in can bring them back to
 * exactly where they were. No authorisation here: that lives in the API and in each page's check.
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const https = (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "")) === "https";
  const csp = contentSecurityPolicy({
    nonce,
    host: request.headers.get("host") ?? request.nextUrl.host,
    https,
    realtime: realtimeClientConfig(),
    dev: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(request.headers);
  headers.set("x-tandem-path", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  if (SEND_HSTS) response.headers.set(HSTS.key, HSTS.value);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|icon.svg).*)"],
};
