/** How long after load (and idle) a page's live connection starts; log.sync on connect covers the gap. */
export const LIVE_SETTLE_MS = 1_500;

/**
 * Runs `fn` after the load event, idle time and then `settleMs` more, so work that is not needed
 * to paint or use the page (a live connection) never competes with it on a slow phone. Returns a
 * cancel function.
 */
export function afterLoadIdle(fn: () => void, settleMs = 0): () => void {
  let cancel = () => {};
  const settle = () => {
    if (settleMs <= 0) return fn();
    const id = setTimeout(fn, settleMs);
    cancel = () => clearTimeout(id);
  };
  const idle = () => {
    if ("requestIdleCallback" in window) {
      const id = window.requestIdleCallback(settle, { timeout: 3_000 });
      cancel = () => window.cancelIdleCallback(id);
    } else {
      const id = setTimeout(settle, 200);
      cancel = () => clearTimeout(id);
    }
  };
  if (document.readyState === "complete") idle();
  else {
    window.addEventListener("load", idle, { once: true });
    cancel = () => window.removeEventListener("load", idle);
  }
  return () => cancel();
}
