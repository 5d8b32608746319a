/**
 * Generator of a product's types package: `schema.gen.ts` from openapi-typescript and named
 * request, response and error types in `models.gen.ts`.
 */
export { generateTypesPackage, TYPES_GENERATOR } from "./generate-types-package.js";
export { ERROR_BODY_TYPE, MODELS_FILE } from "./models-file.js";
export { SCHEMA_FILE } from "./schema-file.js";
