/**
 * Browsers and feed readers that ask for /favicon.ico without reading the page's <link rel="icon">
 * get the app icon. Without this route the request fell through to the workspace route as a
 * workspace called "favicon.ico": a 404 and a "denied" line in the API's log on every visit.
 */
export function GET() {
  return new Response(null, { status: 308, headers: { Location: "/icons/icon-192.png" } });
}
