import { vi } from "vitest";

/** The levels that report a failure (the loggers write `"level":"error"`, by label). */
const FAILURE_LEVELS = new Set(["error", "fatal"]);

interface Stream {
  write: (chunk: string) => unknown;
}

/** The stream a pino logger writes to; its children share it, so tapping it hears them all. */
function streamOf(logger: object): Stream {
  for (let o: object | null = logger; o; o = Object.getPrototypeOf(o)) {
    const sym = Object.getOwnPropertySymbols(o).find((s) => s.description === "pino.stream");
    if (sym) return (o as Record<symbol, Stream>)[sym]!;
  }
  throw new Error("not a pino logger: no pino.stream");
}

/**
 * What the servers report as a failure while the fuzz runs: every line at error level or above
 * from the given pino loggers (the API's request logs, the realtime server's), and every
 * console.error. Warnings (each refused request logs one, by design) are not printed meanwhile.
 */
export function captureErrorLogs(loggers: { level: string }[]) {
  const errors: string[] = [];
  const undo: (() => void)[] = [];
  for (const logger of loggers) {
    const stream = streamOf(logger);
    const write = stream.write;
    stream.write = function (this: Stream, chunk: string) {
      const level = /"level":"(\w+)"/.exec(chunk)?.[1];
      if (level && FAILURE_LEVELS.has(level)) errors.push(chunk.trim());
      return write.call(this, chunk);
    };
    const level = logger.level;
    logger.level = "error";
    undo.push(() => {
      stream.write = write;
      logger.level = level;
    });
  }
  const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(" ")));
  undo.push(() => spy.mockRestore());
  return {
    errors,
    restore: () => {
      for (const f of undo) f();
    },
  };
}
