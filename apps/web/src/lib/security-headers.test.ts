import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, HSTS } from "./security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));

describe("the content security policy", () => {
  it("runs only scripts with this response's nonce, and allows no framing, plugins or foreign forms", () => {
    const csp = directives(
      contentSecurityPolicy({ nonce: "abc123", host: "tandem.example", https: true, realtime: { url: "https://rt.tandem.example", port: 3001 } }),
    );
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'", "https://rt.tandem.example", "wss://rt.tandem.example"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(true);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("reaches realtime on the page's own host and port when no public URL is set (a phone on the LAN)", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "n", host: "192.168.1.20:3000", https: false, realtime: { url: null, port: 3001 } }));
    expect(csp.get("connect-src")).toEqual(["'self'", "http://192.168.1.20:3001", "ws://192.168.1.20:3001"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval in development only", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", host: "localhost:3000", https: false, realtime: { url: null, port: 3001 }, dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
  });

  it("asks browsers to remember HTTPS for at least a year", () => {
    expect(Number(/^max-age=(\d+)/.exec(HSTS.value)?.[1])).toBeGreaterThanOrEqual(365 * 24 * 3600);
  });
});
