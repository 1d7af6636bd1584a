import * as v from "valibot";

import { HEALTHS, PHASES, ROLES, TASK_KINDS, TASK_PRIORITIES, TASK_STATUSES } from "../constants";
import { SIDES, WORKING_SIDES } from "../sides";

// The building blocks of payload schemas.
export const id = v.string();
export const text = v.string();
/** An ISO 8601 timestamp as written into the log. */
export const at = v.string();
/** A YYYY-MM-DD day. */
export const day = v.string();
export const nullable = <S extends v.GenericSchema>(s: S) => v.nullable(s);
export const side = v.picklist(SIDES);
export const workingSide = v.picklist(WORKING_SIDES);
export const role = v.picklist(ROLES);
export const phase = v.picklist(PHASES);
export const health = v.picklist(HEALTHS);
export const taskStatus = v.picklist(TASK_STATUSES);
export const taskPriority = v.picklist(TASK_PRIORITIES);
export const taskKind = v.picklist(TASK_KINDS);
export const none = v.null();
