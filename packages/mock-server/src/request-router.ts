import { AcsError, missingParameter } from "./errors.js";
import type { MockOperation, RouteMatch, SpecCatalog } from "./spec-catalog.js";

/** The parts of a request that routing reads. */
export interface RoutingInput {
  readonly method: string;
  readonly pathname: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Query and form parameters; legacy requests name their action and version there. */
  readonly parameters: ReadonlyMap<string, string>;
}

/**
 * Finds the operation a request calls. ROA requests match by path template and method; RPC
 * requests go to `/` and name their action in `x-acs-action` (or the legacy `Action`
 * parameter). `x-acs-version` (or `Version`) picks between loaded versions.
 */
export function routeRequest(catalog: SpecCatalog, input: RoutingInput): RouteMatch {
  const action = input.headers["x-acs-action"] ?? input.parameters.get("Action");
  const version = input.headers["x-acs-version"] ?? input.parameters.get("Version");
  const roa = catalog
    .roaCandidates(input.pathname)
    .filter(
      (match) =>
        (version === undefined || match.operation.apiVersion === version) &&
        (action === undefined || match.operation.name === action),
    );
  if (roa.length > 0) {
    const accepted = roa.find((match) => match.operation.methods.includes(input.method));
    if (accepted === undefined) {
      throw methodNotAccepted(input, roa[0]?.operation as MockOperation);
    }
    return accepted;
  }
  if (input.pathname !== "/") {
    throw AcsError.withDetail(
      "InvalidAction.NotFound",
      `No operation is served at ${input.method} ${input.pathname}.`,
    );
  }
  const usesHeaders = input.headers["x-acs-action"] !== undefined;
  if (action === undefined || action === "") {
    throw missingParameter(usesHeaders ? "x-acs-action" : "Action");
  }
  if (version === undefined || version === "") {
    throw missingParameter(usesHeaders ? "x-acs-version" : "Version");
  }
  if (!catalog.hasVersion(version)) {
    const served = catalog.services.map((service) => service.apiVersion).join(", ");
    throw AcsError.withDetail(
      "InvalidVersion",
      `${version} is not served here; served: ${served}.`,
    );
  }
  const operation = catalog
    .rpcCandidates(action)
    .find((candidate) => candidate.apiVersion === version);
  if (operation === undefined) {
    throw AcsError.withDetail(
      "InvalidAction.NotFound",
      `${action} is not an operation of API version ${version}.`,
    );
  }
  if (!operation.methods.includes(input.method)) {
    throw methodNotAccepted(input, operation);
  }
  return { operation, pathParameters: {} };
}

function methodNotAccepted(input: RoutingInput, operation: MockOperation): AcsError {
  return AcsError.withDetail(
    "InvalidAction.NotFound",
    `${operation.name} accepts ${operation.methods.join(" or ")}, not ${input.method}.`,
  );
}
