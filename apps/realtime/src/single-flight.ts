/**
 * Runs `work(key)` at most once at a time per key. A request made while a run is in flight is
 * folded into one more run after it, so a burst of requests costs two runs, and the last run
 * always starts after the last request.
 */
export function createSingleFlight(work: (key: string) => Promise<void>, onError: (err: unknown, key: string) => void) {
  const running = new Map<string, Promise<void>>();
  const dirty = new Set<string>();

  async function drain(key: string) {
    try {
      while (dirty.delete(key)) {
        try {
          await work(key);
        } catch (err) {
          onError(err, key);
        }
      }
    } finally {
      running.delete(key);
    }
  }

  return {
    /** Resolves once a run that started after this call has finished. */
    run(key: string): Promise<void> {
      dirty.add(key);
      const current = running.get(key);
      if (current) return current;
      const run = drain(key);
      running.set(key, run);
      return run;
    },
    isRunning: (key: string) => running.has(key),
    /** Resolves when every run started so far has finished. */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}
