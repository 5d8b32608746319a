import { describe, expect, expectTypeOf, test } from "vitest";
import type {
  AcsErrorBody,
  AddCrossAccountRequest,
  AddCrossAccountResponse,
  components,
} from "../src/index.js";
import * as types from "../src/index.js";

describe("hbr types", () => {
  test("the package holds types only", () => {
    // A value export would make every importer load this package at run time.
    expect(Object.keys(types)).toEqual([]);
  });

  test("request properties by wire name", () => {
    expectTypeOf<AddCrossAccountRequest>().toEqualTypeOf<{
      Alias?: string;
      CrossAccountRoleName?: string;
      CrossAccountType?: "CROSS_ACCOUNT" | "CROSS_ACCOUNT_BY_RD";
      CrossAccountUserId?: number | bigint;
    }>();
    const request: AddCrossAccountRequest = { CrossAccountUserId: 9007199254740993n };
    expect(request.CrossAccountUserId).toBe(9007199254740993n);
  });

  test("response and error bodies", () => {
    expectTypeOf<AddCrossAccountResponse>().toEqualTypeOf<
      components["schemas"]["AddCrossAccountResponse"]
    >();
    expectTypeOf<AddCrossAccountResponse["Success"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<AcsErrorBody["Code"]>().toEqualTypeOf<string>();
    expectTypeOf<AcsErrorBody["HostId"]>().toEqualTypeOf<string | undefined>();
  });
});
