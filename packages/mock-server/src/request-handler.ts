import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger, RequestValidator, ValidationIssue } from "@acs-sdk/core";
import { verifyAcs3 } from "./acs3-verifier.js";
import type { CredentialStore } from "./credential-store.js";
import { AcsError, invalidParameter, missingParameter } from "./errors.js";
import type { Fault, FaultPlan } from "./faults.js";
import { decodeParameters, type JsonTextParser } from "./parameter-decoder.js";
import {
  decodeFormPairs,
  type ReceivedRequest,
  receiveRequest,
  requestHead,
  uniquePairs,
} from "./received-request.js";
import type { ReplayGuard } from "./replay-guard.js";
import {
  type RequestLogEntry,
  redactBody,
  redactHeaders,
  redactText,
  type Verdict,
} from "./request-log.js";
import { routeRequest } from "./request-router.js";
import {
  errorResponse,
  htmlBadGatewayResponse,
  newRequestId,
  type PreparedResponse,
  successResponse,
  writeResponse,
} from "./responses.js";
import { rpcV1Signed, verifyRpcV1 } from "./rpc-v1-verifier.js";
import type { MockOperation, SpecCatalog } from "./spec-catalog.js";
import { checkSpecConstraints } from "./spec-constraints.js";
import type { VerifiedCaller } from "./verification.js";

/** Everything one server's requests share. */
export interface HandlerContext {
  readonly catalog: SpecCatalog;
  readonly credentials: CredentialStore;
  readonly replayGuard: ReplayGuard;
  readonly faults: FaultPlan;
  readonly validators: Readonly<Record<string, RequestValidator>>;
  readonly rejectUnknownParameters: boolean;
  readonly parseJson: JsonTextParser;
  readonly logger: Logger | undefined;
  /** Schedules a callback that the server cancels when it closes. */
  readonly schedule: (delayMs: number, callback: () => void) => void;
  /** Receives each finished log entry (without its sequence number, which the server assigns). */
  readonly record: (entry: Omit<RequestLogEntry, "sequence">) => void;
  /** Counts one attempt of `action`. */
  readonly countAttempt: (action: string) => void;
}

/** Log fields gathered while a request moves through the pipeline. */
type Draft = { -readonly [K in keyof RequestLogEntry]?: RequestLogEntry[K] } & {
  canonicalRequest?: string;
};

/**
 * Handles one request: fault injection, routing, signature verification, parameter decoding and
 * checks, then the response. Every request ends in exactly one log entry.
 */
export async function handleRequest(
  context: HandlerContext,
  message: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  // A client that gives up mid-response must not crash the server.
  response.on("error", () => {});
  const draft: Draft = { receivedAt: new Date() };
  const head = requestHead(message);
  draft.method = head.method;
  draft.url = head.rawQuery === "" ? head.pathname : `${head.pathname}?${head.rawQuery}`;
  draft.headers = head.headers;
  draft.body = Buffer.alloc(0);
  let product: string | undefined;
  let fault: Fault | undefined;
  try {
    const queryPairs = decodeFormPairs(head.rawQuery);
    let action = head.headers["x-acs-action"] ?? queryPairs.find(([key]) => key === "Action")?.[1];
    if (action !== undefined || !isFormBody(head.headers)) {
      fault = context.faults.next(action);
      if (fault?.kind === "reset-before-body") {
        recordEntry(context, draft, action, { outcome: "fault", fault: fault.kind });
        message.socket.destroy();
        return;
      }
    }
    const request = await receiveRequest(message);
    draft.body = request.body;
    const formPairs = isFormBody(head.headers)
      ? decodeFormPairs(request.body.toString("utf8"))
      : [];
    if (action === undefined && isFormBody(head.headers)) {
      action = formPairs.find(([key]) => key === "Action")?.[1];
      fault = context.faults.next(action);
    }
    draft.action = action;
    if (fault !== undefined && applyFault(context, fault, draft, message, response)) {
      return;
    }
    const query = uniquePairs(queryPairs, "query string");
    const form = uniquePairs(formPairs, "form body");
    const allParameters = new Map([...query, ...form]);
    const route = routeRequest(context.catalog, { ...request, parameters: allParameters });
    const { operation } = route;
    product = operation.product;
    draft.operation = { product, apiVersion: operation.apiVersion, name: operation.name };
    draft.action ??= operation.name;
    const caller = verifySignature(context, request, queryPairs, allParameters, draft);
    draft.signature = caller.signature;
    draft.accessKeyId = caller.accessKeyId;
    const decoded = decodeParameters(
      operation,
      {
        query,
        form,
        json: parseJsonBody(context, request),
        headers: request.headers,
        path: route.pathParameters,
        raw: request.body,
      },
      context.parseJson,
    );
    draft.parameters = decoded.request;
    draft.unknownParameters = decoded.unknownKeys;
    checkParameters(context, operation, decoded.request, decoded.unknownKeys);
    const requestId = newRequestId();
    draft.requestId = requestId;
    // The entry is recorded before the response leaves, so a client that has its response also
    // finds the request in the log.
    recordEntry(context, draft, draft.action, { outcome: "answered", status: 200 });
    await send(context, fault, response, successResponse(operation.successExample, requestId));
  } catch (error) {
    const rejection = asAcsError(context, error);
    const requestId = newRequestId();
    draft.requestId = requestId;
    const hostId = hostIdOf(head.headers);
    recordEntry(context, draft, draft.action, {
      outcome: "rejected",
      status: rejection.status,
      code: rejection.code,
      message: redactText(rejection.message, secretsOf(context, draft)),
      ...(draft.canonicalRequest === undefined ? {} : { canonicalRequest: draft.canonicalRequest }),
    });
    await send(context, fault, response, errorResponse(rejection, requestId, hostId, product));
  }
}

/** Returns the gateway's `HostId`: the host the client addressed, without the port. */
function hostIdOf(headers: Readonly<Record<string, string>>): string {
  return (headers.host ?? "").replace(/:\d+$/, "");
}

function isFormBody(headers: Readonly<Record<string, string>>): boolean {
  return (headers["content-type"] ?? "")
    .toLowerCase()
    .startsWith("application/x-www-form-urlencoded");
}

function verifySignature(
  context: HandlerContext,
  request: ReceivedRequest,
  queryPairs: ReadonlyArray<readonly [string, string]>,
  parameters: ReadonlyMap<string, string>,
  draft: Draft,
): VerifiedCaller {
  if (request.headers.authorization !== undefined) {
    return verifyAcs3(
      request,
      queryPairs,
      context.credentials,
      context.replayGuard,
      (canonical) => {
        draft.canonicalRequest = canonical;
      },
    );
  }
  if (rpcV1Signed(parameters)) {
    return verifyRpcV1(request.method, parameters, context.credentials, context.replayGuard);
  }
  throw AcsError.withDetail(
    "IncompleteSignature",
    "The request is not signed; send an ACS3-HMAC-SHA256 Authorization header or the legacy Signature parameters.",
  );
}

function parseJsonBody(context: HandlerContext, request: ReceivedRequest): unknown {
  const type = (request.headers["content-type"] ?? "").toLowerCase();
  if (!type.startsWith("application/json") || request.body.length === 0) {
    return undefined;
  }
  try {
    return context.parseJson(request.body.toString("utf8"));
  } catch (error) {
    throw invalidParameter("body", `the JSON body cannot be parsed (${(error as Error).message}).`);
  }
}

/** Runs the operation's generated validator, or its spec constraints, and throws on the first issue. */
function checkParameters(
  context: HandlerContext,
  operation: MockOperation,
  request: Readonly<Record<string, unknown>>,
  unknownKeys: readonly string[],
): void {
  const [unknown] = unknownKeys;
  if (context.rejectUnknownParameters && unknown !== undefined) {
    throw invalidParameter(unknown, `${operation.name} declares no such parameter.`);
  }
  const validator = context.validators[operation.name];
  const issues: ValidationIssue[] =
    validator === undefined ? checkSpecConstraints(operation, request) : validator(request);
  const [first] = issues;
  if (first === undefined) {
    return;
  }
  throw first.constraint === "required"
    ? missingParameter(first.path)
    : invalidParameter(first.path, first.message);
}

/**
 * Carries out a fault that replaces the response. Returns false for faults that only delay the
 * normal response, which {@link send} applies later.
 */
function applyFault(
  context: HandlerContext,
  fault: Fault,
  draft: Draft,
  message: IncomingMessage,
  response: ServerResponse,
): boolean {
  const faulted = (): void => {
    recordEntry(context, draft, draft.action, { outcome: "fault", fault: fault.kind });
  };
  switch (fault.kind) {
    case "delay-headers":
    case "stall-body":
      return false;
    case "reset-before-body":
    case "reset-after-body":
      faulted();
      message.socket.destroy();
      return true;
    case "html-502":
      faulted();
      writeResponse(response, htmlBadGatewayResponse());
      return true;
    default: {
      const requestId = newRequestId();
      draft.requestId = requestId;
      const hostId = hostIdOf(draft.headers ?? {});
      faulted();
      writeResponse(response, faultErrorResponse(fault, requestId, hostId));
      return true;
    }
  }
}

function faultErrorResponse(
  fault: Extract<Fault, { kind: "throttle" | "unavailable" | "internal-error" }>,
  requestId: string,
  hostId: string,
): PreparedResponse {
  switch (fault.kind) {
    case "throttle": {
      const retryAfterMs = fault.retryAfterMs === undefined ? 100 : fault.retryAfterMs;
      const headers: Record<string, string> =
        retryAfterMs === null ? {} : { "x-acs-retry-after": String(retryAfterMs) };
      const error = new AcsError("Throttling.User", undefined, fault.status ?? 400);
      return errorResponse(error, requestId, hostId, undefined, headers);
    }
    case "unavailable":
      return errorResponse(new AcsError("ServiceUnavailable"), requestId, hostId, undefined);
    case "internal-error":
      return errorResponse(new AcsError("InternalError"), requestId, hostId, undefined);
  }
}

/** Writes a success or error response, applying a delay fault if one was chosen. */
async function send(
  context: HandlerContext,
  fault: Fault | undefined,
  response: ServerResponse,
  prepared: PreparedResponse,
): Promise<void> {
  const wait = (delayMs: number): Promise<void> =>
    new Promise((resolve) => context.schedule(delayMs, resolve));
  if (fault?.kind === "delay-headers") {
    await wait(fault.delayMs);
  }
  if (fault?.kind !== "stall-body") {
    writeResponse(response, prepared);
    return;
  }
  response.writeHead(prepared.status, {
    ...prepared.headers,
    "content-length": String(prepared.body.length),
  });
  const half = Math.floor(prepared.body.length / 2);
  response.write(prepared.body.subarray(0, half));
  await wait(fault.delayMs);
  response.end(prepared.body.subarray(half));
}

function asAcsError(context: HandlerContext, error: unknown): AcsError {
  if (error instanceof AcsError) {
    return error;
  }
  context.logger?.error("mock server failed while handling a request", {
    error: error instanceof Error ? error.message : String(error),
  });
  return new AcsError("InternalError");
}

/**
 * Returns the security tokens to redact from a request's log entry: the configured ones and any
 * the request carries. A token the server was not configured with may still be a live credential
 * of the caller's, so it is redacted too.
 */
function secretsOf(context: HandlerContext, draft: Draft): string[] {
  const presented = [draft.headers?.["x-acs-security-token"]];
  const query = draft.url?.split("?")[1];
  if (query !== undefined) {
    presented.push(new URLSearchParams(query).get("SecurityToken") ?? undefined);
  }
  // RPC form bodies may carry the legacy signature's SecurityToken parameter.
  const body = draft.body?.toString("latin1");
  if (body?.includes("SecurityToken=")) {
    presented.push(new URLSearchParams(body).get("SecurityToken") ?? undefined);
  }
  const tokens = presented.filter((token): token is string => token !== undefined && token !== "");
  return [...context.credentials.secrets(), ...tokens];
}

/** Counts the attempt, then adds the finished entry to the log, secrets redacted. */
function recordEntry(
  context: HandlerContext,
  draft: Draft,
  action: string | undefined,
  verdict: Verdict,
): void {
  if (action !== undefined) {
    context.countAttempt(action);
  }
  const secrets = secretsOf(context, draft);
  const { canonicalRequest: _canonicalRequest, ...fields } = draft;
  const entry: Omit<RequestLogEntry, "sequence"> = {
    ...fields,
    receivedAt: draft.receivedAt ?? new Date(),
    method: draft.method ?? "",
    url: redactText(draft.url ?? "", secrets),
    headers: redactHeaders(draft.headers ?? {}, secrets),
    body: redactBody(draft.body ?? Buffer.alloc(0), secrets),
    verdict,
  };
  context.record(entry);
  context.logger?.info("mock server request", {
    method: entry.method,
    url: entry.url,
    action,
    ...verdict,
  });
}
