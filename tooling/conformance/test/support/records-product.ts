/**
 * The made-up Records product of `test/fixtures/records`, described twice: as our generated
 * clients describe operations (`OperationDescriptor`), and as Alibaba's generated SDKs call the
 * official runtime (`Params` plus an `OpenApiRequest` built with `OpenApiUtil`).
 */
import { fileURLToPath } from "node:url";
import {
  AcsClient,
  type ClientConfig,
  type OperationDescriptor,
  type ServiceDescriptor,
  serializeRequest,
} from "@acs-sdk/core";
import type {
  OfficialParams,
  OfficialRequest,
  OfficialRequestHelpers,
} from "./official-runtime.js";
import { darabonbaPercentEncode } from "./official-runtime.js";

/** Spec directory of the Records product. */
export const RECORDS_SPEC = fileURLToPath(
  new URL("../fixtures/records/2024-01-01", import.meta.url),
);

/** Product facts of Records. */
export const recordsService: ServiceDescriptor = {
  product: "records",
  apiVersion: "2024-01-01",
  endpoint: { rule: "regional", productId: "records", map: {} },
};

/** A read operation with every query parameter shape. */
export const DESCRIBE_RECORDS: OperationDescriptor = {
  action: "DescribeRecords",
  method: "POST",
  pathname: "/",
  style: "RPC",
  readOnly: true,
  parameters: [
    { name: "Detail", in: "query", style: "json" },
    { name: "Filters", in: "query", style: "repeatList" },
    { name: "OwnerId", in: "query" },
    { name: "RecordIds", in: "query", style: "repeatList" },
    { name: "Text", in: "query" },
    { name: "Verbose", in: "query" },
  ],
  // `Detail` uses the json style, which the query serializer does not write.
  serialize: serializeRequest,
};

/** A write operation that takes a `ClientToken`. */
export const CREATE_RECORD: OperationDescriptor = {
  action: "CreateRecord",
  method: "POST",
  pathname: "/",
  style: "RPC",
  readOnly: false,
  parameters: [
    { name: "ClientToken", in: "query" },
    { name: "Name", in: "query" },
  ],
};

/** A write operation whose parameters travel in a form body, like HBR ChangeResourceGroup. */
export const CHANGE_RESOURCE_GROUP: OperationDescriptor = {
  action: "ChangeResourceGroup",
  method: "POST",
  pathname: "/",
  style: "RPC",
  readOnly: false,
  parameters: [
    { name: "NewResourceGroupId", in: "formData" },
    { name: "ResourceId", in: "formData" },
    { name: "ResourceType", in: "formData" },
    { name: "Tags", in: "formData", style: "repeatList" },
  ],
  serialize: serializeRequest,
};

/** A ROA write operation with a path parameter, a query parameter and a whole JSON body. */
export const UPDATE_RECORD: OperationDescriptor = {
  action: "UpdateRecord",
  method: "PUT",
  pathname: "/records/{RecordId}",
  style: "ROA",
  readOnly: false,
  parameters: [
    { name: "Mode", in: "query" },
    { name: "RecordId", in: "path" },
    { name: "body", in: "body", wholeBody: true },
  ],
  serialize: serializeRequest,
};

/** Creates a Records client with retries off unless `config` says otherwise. */
export function recordsClient(config: ClientConfig): AcsClient {
  return new AcsClient(recordsService, { retry: { maxAttempts: 1 }, ...config });
}

/** A Records or HBR call as an official generated SDK makes it. */
export interface OfficialCall {
  readonly params: Omit<OfficialParams, "protocol" | "authType" | "bodyType">;
  readonly request: OfficialRequest;
}

/** A request object keyed by wire names, as our generated clients take it. */
export type WireRequest = object;

/** Copies the defined values, as generated code does with `if (!$dara.isNull(x)) query[k] = x`. */
function defined(values: WireRequest): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null) {
      out[name] = value;
    }
  }
  return out;
}

function rpcParams(action: string, version: string, method = "POST"): OfficialCall["params"] {
  return { action, version, pathname: "/", method, style: "RPC", reqBodyType: "formData" };
}

/**
 * Builds the official call for an operation from a request keyed by wire names, following the
 * code Alibaba's generator emits for each parameter position and style.
 */
export const officialCalls = {
  AddCrossAccount(util: OfficialRequestHelpers, request: WireRequest): OfficialCall {
    return {
      params: rpcParams("AddCrossAccount", "2017-09-08"),
      request: { query: util.query(defined(request)) },
    };
  },

  DescribeRecords(util: OfficialRequestHelpers, request: WireRequest): OfficialCall {
    // `json`-style fields become a `…Shrink` string before they reach `query()`.
    const { Detail } = request as { Detail?: unknown };
    const detail =
      Detail === undefined
        ? undefined
        : util.arrayToStringWithSpecifiedStyle(Detail, "Detail", "json");
    return {
      params: rpcParams("DescribeRecords", "2024-01-01"),
      request: { query: util.query(defined({ ...request, Detail: detail })) },
    };
  },

  CreateRecord(util: OfficialRequestHelpers, request: WireRequest): OfficialCall {
    return {
      params: rpcParams("CreateRecord", "2024-01-01"),
      request: { query: util.query(defined(request)) },
    };
  },

  ChangeResourceGroup(_util: OfficialRequestHelpers, request: WireRequest): OfficialCall {
    // Body parameters go to `body` as a map; the runtime form-encodes it (`toForm`).
    return {
      params: rpcParams("ChangeResourceGroup", "2024-01-01"),
      request: { body: defined(request) },
    };
  },

  UpdateRecord(util: OfficialRequestHelpers, request: WireRequest): OfficialCall {
    const { RecordId, Mode, body } = request as Record<string, unknown>;
    return {
      params: {
        action: "UpdateRecord",
        version: "2024-01-01",
        pathname: `/records/${darabonbaPercentEncode(String(RecordId))}`,
        method: "PUT",
        style: "ROA",
        reqBodyType: "json",
      },
      request: { query: util.query(defined({ Mode })), body },
    };
  },
} satisfies Record<string, (util: OfficialRequestHelpers, request: WireRequest) => OfficialCall>;
