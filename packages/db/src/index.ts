export { createDb, type Database, type DbHandle, type Executor, type Transaction } from "./client";
export { runMigrations } from "./migrate";
export * as schema from "./schema";
export { SIDES, ROLES, type Side, type Role } from "./schema";
