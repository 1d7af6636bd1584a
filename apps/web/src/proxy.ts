import { NextResponse, type NextRequest } from "next/server";

/**
 * Passes the requested path to server components, so a page that must send a signed-out
 * visitor to /sign-in can bring them back to exactly where they were. No authorisation here:
 * that lives in the API and in each page's own session check.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-tandem-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|icon.svg).*)"],
};
