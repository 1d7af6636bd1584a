export * from "./workspace";
export * from "./member";
export * from "./invitation";
export * from "./health";
export * from "./log";
