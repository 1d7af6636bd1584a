export * from "./auth";
export * from "./workspace";
export * from "./member";
export * from "./invitation";
export * from "./log";
