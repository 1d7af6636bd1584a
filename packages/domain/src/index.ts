export * from "./constants";
export * from "./sides";
