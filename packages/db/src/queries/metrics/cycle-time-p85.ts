import { cycleTime } from "./cycle-time";

/** 85th percentile of the hours from first In progress to last Done, of the tasks finished in the period. */
export const cycleTimeP85 = cycleTime("cycle_time_p85", 0.85);
