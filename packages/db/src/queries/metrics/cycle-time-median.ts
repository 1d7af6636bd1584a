import { cycleTime } from "./cycle-time";

/** Median hours from first In progress to last Done, of the tasks finished in the period. */
export const cycleTimeMedian = cycleTime("cycle_time_median", 0.5);
