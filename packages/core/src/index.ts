export { AcsClient } from "./client.js";
export type * from "./config.js";
export type * from "./credentials/credential.js";
export type * from "./operation.js";
