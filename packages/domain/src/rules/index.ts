export { sidesDisagree } from "./health";
