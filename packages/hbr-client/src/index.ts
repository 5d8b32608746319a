// Public entry point. Hand-written: regeneration rewrites only src/generated/.
export * from "./generated/index.gen.js";
