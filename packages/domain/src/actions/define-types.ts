/** One changed field in words. */
export interface Change {
  /** The whole sentence when this is the only change. */
  alone: string;
  /** A short phrase when several fields changed together. */
  part: string;
}
