/**
 * The Content-Security-Policy of a page: scripts only with this response's nonce (and what they
 * load, 'strict-dynamic'), no plugins, no framing, forms and the base URL only to Tandem itself,
 * and connections to Tandem and its realtime server (on its public URL, or this host's port).
 */
export function contentSecurityPolicy({
  nonce,
  host,
  https,
  realtime,
  dev = false,
}: {
  nonce: string;
  /** The Host the page was requested at, e.g. "192.168.1.20:3000". */
  host: string;
  https: boolean;
  realtime: { url: string | null; port: number };
  dev?: boolean;
}) {
  const hostname = new URL(`http://${host}`).hostname;
  const realtimeOrigin = realtime.url ? new URL(realtime.url).origin : `${https ? "https" : "http"}://${hostname}:${realtime.port}`;
  // socket.io starts with a WebSocket to the same place: ws(s):// is a separate scheme to allow.
  const realtimeSocket = realtimeOrigin.replace(/^http/, "ws");
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // React needs eval in development only (its call stacks); production never does.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Charts and layout set style attributes; styles cannot run code.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", realtimeOrigin, realtimeSocket, ...(dev ? ["ws:"] : [])],
    ["worker-src", "'self'"],
    ["manifest-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? ([["upgrade-insecure-requests"]] as [string][]) : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** Two years, subdomains too: sent only where Tandem is served over HTTPS in production (src/proxy.ts decides). */
export const HSTS = { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" };
