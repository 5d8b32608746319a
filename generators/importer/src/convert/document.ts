/**
 * Converts a checked api-docs document into an OpenAPI 3.1 document that follows the
 * conventions of specs/README.md.
 */
import type { DiagnosticCollector } from "../diagnostics.js";
import { appendPointer } from "../json/json-pointer.js";
import { setOwnProperty } from "../json/own-property.js";
import { type ApiDocs, asRecord, type MetadataApi } from "../metadata/api-docs.js";
import {
  ACS_ERROR_SCHEMA_NAME,
  createAcsErrorResponse,
  createAcsErrorSchema,
  createSecuritySchemes,
  type SecuritySchemeName,
} from "./acs-components.js";
import { ConversionContext } from "./context.js";
import { collectDirectoryTags } from "./directory-tags.js";
import { convertEndpoints } from "./endpoint.js";
import { type AcsStyle, convertOperation, type OperationScope } from "./operation.js";
import type { SchemaComponents } from "./responses.js";
import { convertSchema } from "./schema.js";

/** Value of `x-acs-origin` in imported documents; the importer only replaces such documents. */
export const IMPORT_ORIGIN = "api-docs";

/** A converted document with the facts callers report. */
export interface ConvertedDocument {
  /** Lower-case product code: `x-acs-product` and the output folder name. */
  readonly product: string;
  readonly version: string;
  readonly document: Record<string, unknown>;
  readonly operationCount: number;
}

const DOCUMENT_KEYS = new Set([
  "version",
  "info",
  "directories",
  "components",
  "apis",
  "endpoints",
]);
const INFO_KEYS = new Set(["style", "product", "version"]);
const COMPONENT_NAME = /^[A-Za-z0-9._-]+$/;

function compareCodeUnits(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function reportDocumentKeys(docs: ApiDocs, diagnostics: DiagnosticCollector): void {
  const report = (keys: Iterable<string>, known: Set<string>, base: string) => {
    for (const key of keys) {
      if (!known.has(key)) {
        diagnostics.report("unknown-key", appendPointer(base, key), `key \`${key}\``);
      }
    }
  };
  report(Object.keys(docs.raw), DOCUMENT_KEYS, "");
  report(Object.keys(docs.raw.info as object), INFO_KEYS, "/info");
  const components = asRecord(docs.raw.components);
  if (components !== undefined) {
    report(Object.keys(components), new Set(["schemas"]), "/components");
  }
}

function chooseStyle(docs: ApiDocs, diagnostics: DiagnosticCollector): AcsStyle {
  if (docs.style === "RPC" || docs.style === "ROA") {
    return docs.style;
  }
  const hasPaths = Object.values(docs.apis).some((api) => typeof api.path === "string");
  const style = hasPaths ? "ROA" : "RPC";
  const message = `style ${docs.style} is described as ${style}; its own signature and body formats are not`;
  diagnostics.report("style-unsupported", "/info/style", message);
  return style;
}

/** Output names for the metadata's components; invalid names and `AcsError` are renamed. */
function nameComponents(
  schemas: Record<string, unknown>,
  diagnostics: DiagnosticCollector,
): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>([
    ACS_ERROR_SCHEMA_NAME,
    ...Object.keys(schemas).filter((name) => COMPONENT_NAME.test(name)),
  ]);
  for (const name of Object.keys(schemas)) {
    if (COMPONENT_NAME.test(name) && name !== ACS_ERROR_SCHEMA_NAME) {
      names.set(name, name);
      continue;
    }
    const base = name.replace(/[^A-Za-z0-9._-]/g, "_");
    let renamed = base === ACS_ERROR_SCHEMA_NAME ? `${base}_` : base;
    for (let suffix = 2; taken.has(renamed); suffix += 1) {
      renamed = `${base}_${suffix}`;
    }
    taken.add(renamed);
    names.set(name, renamed);
    const pointer = appendPointer("/components/schemas", name);
    diagnostics.report(
      "component-renamed",
      pointer,
      `component ${JSON.stringify(name)} is named ${renamed}`,
    );
  }
  return names;
}

/**
 * Files every operation under its own path key. Operations that share an ROA path template get
 * `<template>#<Name>`: each path item contains exactly one operation, and a URL fragment never
 * reaches the wire.
 */
function fileOperations(
  docs: ApiDocs,
  scope: OperationScope,
): Record<string, Record<string, unknown>> {
  const converted = Object.keys(docs.apis)
    .sort(compareCodeUnits)
    .map((name) => ({ name, ...convertOperation(name, docs.apis[name] as MetadataApi, scope) }));
  const sharing = new Map<string, number>();
  for (const { pathKey } of converted) {
    sharing.set(pathKey, (sharing.get(pathKey) ?? 0) + 1);
  }
  const paths = new Map<string, Record<string, unknown>>();
  for (const { name, pathKey, method, operation } of converted) {
    const key = (sharing.get(pathKey) ?? 0) > 1 ? `${pathKey}#${name}` : pathKey;
    paths.set(key, { [method]: operation });
  }
  const sorted: Record<string, Record<string, unknown>> = {};
  for (const key of [...paths.keys()].sort(compareCodeUnits)) {
    setOwnProperty(sorted, key, paths.get(key));
  }
  return sorted;
}

function sortedComponents(components: SchemaComponents): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const name of [...components.keys()].sort(compareCodeUnits)) {
    setOwnProperty(sorted, name, components.get(name));
  }
  return sorted;
}

/**
 * Converts `docs`, reporting into `diagnostics`. Odd metadata becomes warnings, not exceptions;
 * a fuzz test feeds it random values to hold this.
 */
export function convertApiDocs(docs: ApiDocs, diagnostics: DiagnosticCollector): ConvertedDocument {
  const product = docs.product.toLowerCase();
  diagnostics.setProduct(product);
  reportDocumentKeys(docs, diagnostics);
  const style = chooseStyle(docs, diagnostics);
  const rawSchemas = asRecord(asRecord(docs.raw.components)?.schemas) ?? {};
  const componentNames = nameComponents(rawSchemas, diagnostics);
  const context = new ConversionContext(docs, diagnostics, componentNames);
  const components: SchemaComponents = new Map([[ACS_ERROR_SCHEMA_NAME, createAcsErrorSchema()]]);
  for (const [name, schema] of Object.entries(rawSchemas)) {
    const pointer = appendPointer("/components/schemas", name);
    components.set(componentNames.get(name) as string, convertSchema(schema, pointer, context));
  }
  const { endpoint, servers } = convertEndpoints(docs.raw.endpoints, product, diagnostics);
  const { tags, byOperation } = collectDirectoryTags(docs.raw.directories, diagnostics);
  const securitySchemes = new Set<SecuritySchemeName>(["AK"]);
  const scope: OperationScope = {
    style,
    context,
    components,
    directoryTags: byOperation,
    securitySchemes,
  };
  const paths = fileOperations(docs, scope);
  const document: Record<string, unknown> = {
    openapi: "3.1.0",
    info: { title: docs.product, version: docs.version },
    "x-acs-product": product,
    "x-acs-api-version": docs.version,
    "x-acs-style": style,
    "x-acs-endpoint": endpoint,
    "x-acs-origin": IMPORT_ORIGIN,
    servers,
    security: [{ AK: [] }],
    ...(tags.length === 0 ? {} : { tags }),
    paths,
    components: {
      securitySchemes: createSecuritySchemes(securitySchemes),
      schemas: sortedComponents(components),
      responses: { AcsError: createAcsErrorResponse() },
    },
  };
  return {
    product,
    version: docs.version,
    document,
    operationCount: Object.keys(docs.apis).length,
  };
}
