/**
 * Checks of the `x-acs-*` conventions (specs/README.md) that a standard OpenAPI parser cannot
 * know about. Runs on the merged document after every `$ref` was found to resolve.
 */
import type { Diagnostic } from "./diagnostics.js";
import { Findings } from "./findings.js";
import { encodePointer, type PathSegment } from "./json-pointer.js";
import { isJsonObject, type JsonObject } from "./json-value.js";
import { resolveRef } from "./refs.js";
import type { YamlSource } from "./yaml-source.js";

/** Method keys of an OpenAPI path item that hold operations. */
export const OPERATION_METHOD_KEYS = [
  "delete",
  "get",
  "head",
  "options",
  "patch",
  "post",
  "put",
  "trace",
] as const;

function checkDocument(document: JsonObject, findings: Findings): void {
  const version = document.openapi;
  if (typeof version !== "string" || !version.startsWith("3.1.")) {
    findings.add("openapi-version", ["openapi"], { found: JSON.stringify(version) });
  }
  findings.expectString(document, [], "x-acs-product");
  const product = document["x-acs-product"];
  if (typeof product === "string" && !/^[a-z][a-z0-9-]*$/.test(product)) {
    findings.add("extension-invalid", ["x-acs-product"], {
      extension: "x-acs-product",
      found: JSON.stringify(product),
      expected: "it must be a lowercase product code",
    });
  }
  findings.expectString(document, [], "x-acs-api-version");
  const info = isJsonObject(document.info) ? document.info : {};
  const apiVersion = document["x-acs-api-version"];
  if (typeof apiVersion === "string" && apiVersion !== info.version) {
    findings.add("extension-invalid", ["x-acs-api-version"], {
      extension: "x-acs-api-version",
      found: JSON.stringify(apiVersion),
      expected: `it must equal info.version (${JSON.stringify(info.version)})`,
    });
  }
  findings.expectString(document, [], "x-acs-style", ["RPC", "ROA"]);
  checkEndpoint(document, findings);
}

function checkEndpoint(document: JsonObject, findings: Findings): void {
  const endpoint = document["x-acs-endpoint"];
  const segments = ["x-acs-endpoint"];
  if (endpoint === undefined) {
    findings.add("extension-missing", [], { extension: "x-acs-endpoint" });
    return;
  }
  if (!isJsonObject(endpoint)) {
    findings.add("extension-invalid", segments, {
      extension: "x-acs-endpoint",
      found: JSON.stringify(endpoint),
      expected: "it must be an object with rule, productId and map",
    });
    return;
  }
  findings.expectString(endpoint, segments, "rule", ["regional", "central"]);
  findings.expectString(endpoint, segments, "productId");
  const map = endpoint.map ?? {};
  if (!isJsonObject(map) || Object.values(map).some((host) => typeof host !== "string")) {
    findings.add("extension-invalid", [...segments, "map"], {
      extension: "x-acs-endpoint.map",
      found: JSON.stringify(map),
      expected: "it must map region IDs to host names",
    });
  }
}

function checkParameters(
  document: JsonObject,
  operation: JsonObject,
  segments: PathSegment[],
  findings: Findings,
): void {
  const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
  parameters.forEach((entry: unknown, index) => {
    const parameter =
      isJsonObject(entry) && typeof entry.$ref === "string"
        ? resolveRef(document, entry.$ref)
        : entry;
    if (isJsonObject(parameter) && !isJsonObject(parameter.schema)) {
      findings.add("parameter-schema-missing", [...segments, "parameters", index], {
        name: String(parameter.name),
      });
    }
  });
}

function checkOperation(
  document: JsonObject,
  operation: JsonObject,
  method: string,
  segments: PathSegment[],
  findings: Findings,
): void {
  findings.expectString(operation, segments, "operationId");
  findings.expectString(operation, segments, "x-acs-action");
  if (
    typeof operation["x-acs-action"] === "string" &&
    operation["x-acs-action"] !== operation.operationId
  ) {
    findings.add("extension-invalid", [...segments, "x-acs-action"], {
      extension: "x-acs-action",
      found: JSON.stringify(operation["x-acs-action"]),
      expected: `it must equal operationId (${JSON.stringify(operation.operationId)})`,
    });
  }
  findings.expectString(operation, segments, "x-acs-method");
  const declared = operation["x-acs-method"];
  if (typeof declared === "string" && declared !== method.toUpperCase()) {
    findings.add("operation-method-mismatch", [...segments, "x-acs-method"], {
      found: declared,
      expected: method,
    });
  }
  if (method === "trace") {
    findings.add("operation-method-unsupported", segments, { method: method.toUpperCase() });
  }
  findings.expectString(operation, segments, "x-acs-pathname");
  findings.expectString(operation, segments, "x-acs-operation-type", ["read", "write"]);
  findings.expectString(operation, segments, "x-acs-style", ["RPC", "ROA"], false);
  checkParameters(document, operation, segments, findings);
  const responses = isJsonObject(operation.responses) ? operation.responses : {};
  if (responses["200"] === undefined) {
    findings.add("response-missing", [...segments, "responses"], {
      name: String(operation.operationId),
    });
  }
}

/** Checks the document-level extensions and every operation; returns what is wrong. */
export function checkAcsConventions(document: JsonObject, base: YamlSource): Diagnostic[] {
  const findings = new Findings(base);
  checkDocument(document, findings);
  const paths = isJsonObject(document.paths) ? document.paths : {};
  const seen = new Map<string, string>();
  for (const [pathKey, pathItem] of Object.entries(paths)) {
    if (!isJsonObject(pathItem)) {
      continue;
    }
    const methods = OPERATION_METHOD_KEYS.filter((method) => isJsonObject(pathItem[method]));
    if (methods.length !== 1) {
      findings.add("operation-method-count", ["paths", pathKey], {
        path: pathKey,
        count: methods.length,
      });
    }
    for (const method of methods) {
      const segments = ["paths", pathKey, method];
      const operation = pathItem[method] as JsonObject;
      checkOperation(document, operation, method, segments, findings);
      const name = operation.operationId;
      if (typeof name !== "string") {
        continue;
      }
      const other = seen.get(name);
      if (other === undefined) {
        seen.set(name, encodePointer(segments));
      } else {
        findings.add("operation-duplicate", [...segments, "operationId"], { name, other });
      }
    }
  }
  return findings.list;
}
