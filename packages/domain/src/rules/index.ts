// Rules both ends apply: one definition, imported by the API and the web app.
export { sidesDisagree } from "./health";
export * from "./tasks";
export * from "./today";
export * from "./periods";
