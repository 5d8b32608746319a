/**
 * Round trips through the mock server: random requests our client sends must pass the server's
 * signature checks, and the server must decode exactly the values we sent. The Records
 * operations have no constraints, so every value reaches the decoder.
 */
import type { AcsClient, OperationDescriptor } from "@acs-sdk/core";
import { type MockServer, startMockServer } from "@acs-sdk/mock-server";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { longList, PROPERTY_RUNS, shortList, wireString } from "./support/arbitraries.js";
import { AK, STS, STS_CREDENTIAL } from "./support/fixtures.js";
import {
  CHANGE_RESOURCE_GROUP,
  DESCRIBE_RECORDS,
  RECORDS_SPEC,
  recordsClient,
  UPDATE_RECORD,
} from "./support/records-product.js";

let server: MockServer;
let client: AcsClient;

beforeAll(async () => {
  server = await startMockServer({
    spec: RECORDS_SPEC,
    credentials: [AK, STS],
    rejectUnknownParameters: true,
  });
  // STS credentials, so that every request also carries the signed token headers.
  client = recordsClient({ endpoint: server.url, credentials: STS_CREDENTIAL });
});
afterAll(async () => {
  client.destroy();
  await server.close();
});

/** JSON object keys; `__proto__` would become the prototype of a parsed object. */
const jsonKey = wireString.filter((key) => key !== "__proto__");

/** int64 values as a `bigint`, and as a `number` where that is exact. */
const int64 = fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.maxSafeInteger());

/** Returns what the server decodes an int64 into: a `number` when exact, else a `bigint`. */
function decodedInt64(value: bigint | number): bigint | number {
  return Number.isSafeInteger(Number(value)) ? Number(value) : BigInt(value);
}

function withoutEmptyLists<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => !(Array.isArray(item) && item.length === 0)),
  ) as Partial<T>;
}

/** Sends `request` and returns what the server decoded. */
async function roundTrip(
  operation: OperationDescriptor,
  request: object,
): Promise<Readonly<Record<string, unknown>> | undefined> {
  server.clearRequests();
  const response = await client.send<{ Success: boolean }>(operation, request);
  expect(response.Success).toBe(true);
  const [entry] = server.requests;
  expect(entry?.verdict).toEqual({ outcome: "answered", status: 200 });
  expect(entry?.unknownParameters).toEqual([]);
  return entry?.parameters;
}

const filter = fc.record(
  { Key: wireString, Values: longList(wireString) },
  { requiredKeys: ["Key"], noNullPrototype: true },
);

const describeRecords = fc.record(
  {
    Text: wireString,
    RecordIds: longList(wireString),
    Filters: shortList(filter),
    Detail: fc.dictionary(jsonKey, wireString, { maxKeys: 4, noNullPrototype: true }),
    OwnerId: int64,
    Verbose: fc.boolean(),
  },
  { requiredKeys: [], noNullPrototype: true },
);

test("query parameters round trip", async () => {
  await fc.assert(
    fc.asyncProperty(describeRecords, async (request) => {
      const { Filters, OwnerId, ...rest } = request;
      const expected = withoutEmptyLists({
        ...rest,
        ...(Filters === undefined ? {} : { Filters: Filters.map(withoutEmptyLists) }),
        ...(OwnerId === undefined ? {} : { OwnerId: decodedInt64(OwnerId) }),
      });
      expect(await roundTrip(DESCRIBE_RECORDS, request)).toEqual(expected);
    }),
    { numRuns: PROPERTY_RUNS },
  );
});

const changeResourceGroup = fc.record(
  {
    NewResourceGroupId: wireString,
    ResourceId: wireString,
    ResourceType: wireString,
    Tags: longList(
      fc.record(
        { Key: wireString, Value: wireString },
        { requiredKeys: ["Key"], noNullPrototype: true },
      ),
    ),
  },
  { requiredKeys: [], noNullPrototype: true },
);

test("form body parameters round trip", async () => {
  await fc.assert(
    fc.asyncProperty(changeResourceGroup, async (request) => {
      expect(await roundTrip(CHANGE_RESOURCE_GROUP, request)).toEqual(withoutEmptyLists(request));
    }),
    { numRuns: PROPERTY_RUNS },
  );
});

const updateRecord = fc.record(
  {
    RecordId: wireString.filter((id) => id !== ""),
    Mode: wireString,
    body: fc.record(
      { Name: wireString, Labels: shortList(wireString), Size: int64 },
      { requiredKeys: [], noNullPrototype: true },
    ),
  },
  { requiredKeys: ["RecordId", "body"], noNullPrototype: true },
);

test("path, query and JSON body round trip", async () => {
  await fc.assert(
    fc.asyncProperty(updateRecord, async (request) => {
      const { Size, ...settings } = request.body;
      const expected = {
        ...request,
        body: { ...settings, ...(Size === undefined ? {} : { Size: decodedInt64(Size) }) },
      };
      expect(await roundTrip(UPDATE_RECORD, request)).toEqual(expected);
    }),
    { numRuns: PROPERTY_RUNS },
  );
});
