// Rules both ends apply: one definition, imported by the API and the web app.
export * from "./tasks";
export * from "./today";
