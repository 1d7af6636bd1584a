// The to-do list's rules live in @tandem/domain/rules, where the server's queries read them too.
export { compareTasks, isOverdue, positionBetween, type TaskFilter, taskMatchesFilter } from "@tandem/domain/rules";
