// Public entry point. Hand-written: regeneration rewrites only src/generated/.
export type * from "./generated/models.gen.ts";
export type { components, operations, paths } from "./generated/schema.gen.ts";
