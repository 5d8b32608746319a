// Public entry point. Hand-written: regeneration rewrites only src/generated/.
export * from "./generated/index.gen.js";
export {
  addCrossAccountByResourceDirectory,
  addCrossAccountByRole,
  type CrossAccountByResourceDirectory,
  type CrossAccountByRole,
} from "./overlays/cross-account.js";
