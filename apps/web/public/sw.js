// Tandem's service worker: keeps the status pages readable offline.
// - Navigations under /status: network first; a good response is kept, the kept copy is served
//   when the network fails (its server-rendered "as of" time tells how old it is).
// - /_next/static/ and /icons/: cache first (their URLs change whenever their content does).
// Everything else goes to the network untouched. Bump VERSION to drop every old cache.
const VERSION = "v1";
const PAGES = `tandem-pages-${VERSION}`;
const STATIC = `tandem-static-${VERSION}`;

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([PAGES, STATIC]);
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith("tandem-") && !keep.has(n)).map((n) => caches.delete(n)));
      await self.clients.claim();
    })(),
  );
});

function isStatusPage(url) {
  return url.origin === self.location.origin && (url.pathname === "/status" || url.pathname.startsWith("/status/"));
}

function isStaticAsset(url) {
  return url.origin === self.location.origin && (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/"));
}

/** Only a real page is worth keeping: not a redirect to sign-in, not an error. */
function keepable(response) {
  return response.ok && !response.redirected && response.type === "basic";
}

const OFFLINE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Offline · Tandem</title></head><body style="font:16px system-ui,sans-serif;margin:0;padding:2rem 1rem;color:#0f172a;background:#f8fafc"><main><h1 style="font-size:1.25rem">You're offline</h1><p>This status page hasn't been opened on this device before, so there's no copy to show. Connect and try again.</p></main></body></html>`;

async function networkFirstPage(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    if (keepable(response)) await cache.put(request.url, response.clone());
    return response;
  } catch {
    const kept = await cache.match(request.url, { ignoreVary: true });
    if (kept) return kept;
    return new Response(OFFLINE_HTML, { status: 503, headers: { "content-type": "text/html; charset=utf-8" } });
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(STATIC);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (request.mode === "navigate" && isStatusPage(url)) {
    event.respondWith(networkFirstPage(request));
  } else if (isStaticAsset(url)) {
    event.respondWith(cacheFirst(request));
  }
});

// The page that registered the worker loaded without it; it sends its own URL and assets so a
// reload offline already has them.
self.addEventListener("message", (event) => {
  const data = event.data;
  if (data?.type !== "cache") return;
  event.waitUntil(
    (async () => {
      const assets = (Array.isArray(data.assets) ? data.assets : []).filter((a) => typeof a === "string" && isStaticAsset(new URL(a)));
      const staticCache = await caches.open(STATIC);
      await Promise.all(
        assets.map(async (a) => {
          if (await staticCache.match(a)) return;
          const response = await fetch(a).catch(() => null);
          if (response?.ok) await staticCache.put(a, response);
        }),
      );
      if (typeof data.page === "string") {
        const url = new URL(data.page, self.location.origin);
        if (!isStatusPage(url)) return;
        const pages = await caches.open(PAGES);
        if (await pages.match(url.href, { ignoreVary: true })) return;
        const response = await fetch(url.href, { credentials: "same-origin" }).catch(() => null);
        if (response && keepable(response)) await pages.put(url.href, response);
      }
    })(),
  );
});
