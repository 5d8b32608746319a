/**
 * Hand-written conveniences for AddCrossAccount. The API takes the relationship type as a plain
 * string next to parameters that only one type needs. These functions take exactly what each
 * type needs, fill `CrossAccountType` and reject combinations that the API would reject too.
 */
import type { AcsClient, CallOptions, ValidationIssue, WithMetadata } from "@acs-sdk/core";
import { ValidationError } from "@acs-sdk/core/errors";
import type { AddCrossAccountRequest, AddCrossAccountResponse } from "@acs-sdk/hbr-types";
import { addCrossAccount } from "../generated/operations/add-cross-account.gen.js";

/** The account whose resources Cloud Backup may back up, by its numeric ID (UID). */
type AccountId = number | bigint;

/** Input of {@link addCrossAccountByRole}. */
export interface CrossAccountByRole {
  /** ID (UID) of the other account. */
  readonly accountId: AccountId;
  /** RAM role in the other account that Cloud Backup assumes. */
  readonly roleName: string;
  /** Display name of the other account; at most 32 characters. */
  readonly alias?: string;
}

/** Input of {@link addCrossAccountByResourceDirectory}. */
export interface CrossAccountByResourceDirectory {
  /** ID (UID) of a member account of the same resource directory. */
  readonly accountId: AccountId;
}

function missingAccountId(accountId: unknown): ValidationIssue[] {
  if (typeof accountId === "bigint" || Number.isSafeInteger(accountId)) {
    return [];
  }
  return [
    {
      path: "accountId",
      constraint: "type",
      message: `accountId must be the numeric ID (UID) of the other account (got ${String(accountId)}).`,
    },
  ];
}

/**
 * Registers another account by assuming a RAM role in it (`CrossAccountType` =
 * `CROSS_ACCOUNT`).
 *
 * @param client - The client that sends the request.
 * @param input - The account, the role to assume and an optional alias.
 * @param options - Per-call overrides: abort signal, timeouts, retries and extra headers.
 * @returns The parsed response body, with `$metadata` about the exchange.
 * @throws ValidationError (from \@acs-sdk/core) before sending, when the account ID is not an
 *   integer or the role name is empty. The generated validator then checks the request itself.
 */
export function addCrossAccountByRole(
  client: AcsClient,
  input: CrossAccountByRole,
  options?: CallOptions,
): Promise<WithMetadata<AddCrossAccountResponse>> {
  const issues = missingAccountId(input.accountId);
  if (typeof input.roleName !== "string" || input.roleName.trim() === "") {
    issues.push({
      path: "roleName",
      constraint: "required",
      message: "roleName is required to establish the relationship by assuming a RAM role.",
    });
  }
  if (issues.length > 0) {
    return Promise.reject(new ValidationError("AddCrossAccount", issues));
  }
  const request: AddCrossAccountRequest = {
    CrossAccountUserId: input.accountId,
    CrossAccountRoleName: input.roleName,
    CrossAccountType: "CROSS_ACCOUNT",
    ...(input.alias === undefined ? {} : { Alias: input.alias }),
  };
  return addCrossAccount(client, request, options);
}

/**
 * Registers a member account of this account's resource directory (`CrossAccountType` =
 * `CROSS_ACCOUNT_BY_RD`). The directory already grants access, so no role and no alias are sent.
 *
 * @param client - The client that sends the request.
 * @param input - The member account.
 * @param options - Per-call overrides: abort signal, timeouts, retries and extra headers.
 * @returns The parsed response body, with `$metadata` about the exchange.
 * @throws ValidationError (from \@acs-sdk/core) before sending, when the account ID is not an
 *   integer or a role name or alias is passed, which this relationship type does not use.
 */
export function addCrossAccountByResourceDirectory(
  client: AcsClient,
  input: CrossAccountByResourceDirectory,
  options?: CallOptions,
): Promise<WithMetadata<AddCrossAccountResponse>> {
  const issues = missingAccountId(input.accountId);
  // Callers without type checking may pass the role-based fields; the API would ignore or reject them.
  for (const field of ["roleName", "alias"]) {
    if (Object.hasOwn(input, field)) {
      issues.push({
        path: field,
        constraint: "combination",
        message: `${field} does not apply to a relationship through a resource directory; use addCrossAccountByRole to assume a RAM role.`,
      });
    }
  }
  if (issues.length > 0) {
    return Promise.reject(new ValidationError("AddCrossAccount", issues));
  }
  return addCrossAccount(
    client,
    { CrossAccountUserId: input.accountId, CrossAccountType: "CROSS_ACCOUNT_BY_RD" },
    options,
  );
}
