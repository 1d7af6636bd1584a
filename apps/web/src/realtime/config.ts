/** Where the browser finds the realtime server; decided per request on the server, never at build time. */
export interface RealtimeConfig {
  /** A full public URL (behind a proxy or on another host), when configured. */
  url: string | null;
  /** Otherwise: this port on the host the page was loaded from (works from a phone on the LAN too). */
  port: number;
}

export function resolveRealtimeUrl(config: RealtimeConfig): string {
  if (config.url) return config.url;
  return `${window.location.protocol}//${window.location.hostname}:${config.port}`;
}
