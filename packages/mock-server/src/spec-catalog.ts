import type { ParameterLocation, ParameterStyle } from "@acs-sdk/core";
import { MockServerError } from "./errors.js";

/**
 * The part of a JSON Schema (OpenAPI 3.1 dialect) that decoding and constraint checks read.
 * References are resolved before a schema reaches the server.
 */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
}

/** One request parameter as the server decodes it. */
export interface MockParameter {
  /** Wire name (`CrossAccountUserId`). */
  readonly name: string;
  readonly in: ParameterLocation;
  /** Flattening style; arrays default to `repeatList`, objects to `flat`. */
  readonly style?: ParameterStyle;
  readonly required: boolean;
  readonly schema: JsonSchema;
  /** For `in: "body"`: the parameter is the whole JSON body rather than one property of it. */
  readonly wholeBody?: boolean;
}

/** One operation the server serves, with the facts routing, decoding and responding need. */
export interface MockOperation {
  /** Product code (`hbr`). */
  readonly product: string;
  /** API version the operation belongs to (`2017-09-08`). */
  readonly apiVersion: string;
  /** API name (`AddCrossAccount`), equal to the `x-acs-action` value. */
  readonly name: string;
  readonly style: "RPC" | "ROA";
  /** Upper-case methods the gateway accepts for the operation. */
  readonly methods: readonly string[];
  /** Wire path: `/` for RPC, the path template for ROA. */
  readonly pathname: string;
  readonly parameters: readonly MockParameter[];
  /** The `200` response example; the server answers with it. */
  readonly successExample?: unknown;
}

/** A product API version in the form the server uses. */
export interface MockService {
  readonly product: string;
  readonly apiVersion: string;
  readonly operations: readonly MockOperation[];
}

/** The result of routing a request to an operation. */
export interface RouteMatch {
  readonly operation: MockOperation;
  /** Decoded values of the ROA path template's variables. */
  readonly pathParameters: Readonly<Record<string, string>>;
}

interface RoaRoute {
  readonly operation: MockOperation;
  readonly pattern: RegExp;
  readonly variables: readonly string[];
}

/**
 * Every operation of the loaded services, indexed for routing. Several products and versions may
 * be served at once; `x-acs-version` decides between operations that share a name or a path.
 */
export class SpecCatalog {
  /** The services in the order they were given. */
  readonly services: readonly MockService[];
  private readonly rpcByAction = new Map<string, MockOperation[]>();
  private readonly roaRoutes: RoaRoute[] = [];

  constructor(services: readonly MockService[]) {
    if (services.length === 0) {
      throw new MockServerError(
        "invalid-option",
        "No spec was given; pass at least one spec directory or loaded spec as `spec`.",
      );
    }
    this.services = services;
    for (const operation of services.flatMap((service) => service.operations)) {
      if (operation.style === "RPC") {
        const sameName = this.rpcByAction.get(operation.name) ?? [];
        sameName.push(operation);
        this.rpcByAction.set(operation.name, sameName);
      } else {
        this.roaRoutes.push(compileRoaRoute(operation));
      }
    }
  }

  /** Every version that declares an RPC operation with this name. */
  rpcCandidates(action: string): readonly MockOperation[] {
    return this.rpcByAction.get(action) ?? [];
  }

  /** Whether any loaded service has this API version. */
  hasVersion(apiVersion: string): boolean {
    return this.services.some((service) => service.apiVersion === apiVersion);
  }

  /**
   * ROA operations whose path template matches `pathname` (raw, still percent-encoded), in spec
   * order, with their decoded path variables. The caller picks by method, version and action.
   */
  roaCandidates(pathname: string): RouteMatch[] {
    const matches: RouteMatch[] = [];
    for (const route of this.roaRoutes) {
      const match = route.pattern.exec(pathname);
      if (match === null) {
        continue;
      }
      const pathParameters: Record<string, string> = {};
      route.variables.forEach((variable, index) => {
        pathParameters[variable] = decodePathSegment(match[index + 1] ?? "");
      });
      matches.push({ operation: route.operation, pathParameters });
    }
    return matches;
  }
}

function compileRoaRoute(operation: MockOperation): RoaRoute {
  const variables: string[] = [];
  const source = operation.pathname
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const variable = /^\{([^}]+)\}$/.exec(part);
      if (variable?.[1] !== undefined) {
        variables.push(variable[1]);
        return "([^/]+)";
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return { operation, pattern: new RegExp(`^${source}$`), variables };
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape is kept as sent; parameter checks then report the odd value.
    return segment;
  }
}
