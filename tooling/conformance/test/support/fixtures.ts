/** Credentials, spec paths and loggers the conformance tests share. */
import { fileURLToPath } from "node:url";
import type { Credential, Logger } from "@acs-sdk/core";

/** The HBR spec of this repository. */
export const HBR_SPEC = fileURLToPath(new URL("../../../../specs/hbr/2017-09-08", import.meta.url));

/** A long-lived AccessKey pair. The secret has characters that percent-encoding changes. */
export const AK = {
  accessKeyId: "LTAI5tConformanceKey",
  accessKeySecret: "ak-secret/Conformance+7Hq=",
} as const;

/** An STS session; the token has characters that percent-encoding changes. */
export const STS = {
  accessKeyId: "STS.NConformanceKey",
  accessKeySecret: "sts-secret/Conformance+3Wd=",
  securityToken: "CAIS-conformance-token/9x+Yz==",
} as const;

/** `AK` as our runtime's credential, named as the official runtime names config AccessKeys. */
export const AK_CREDENTIAL: Credential = { ...AK, providerName: "static_ak" };

/** `STS` as our runtime's credential. */
export const STS_CREDENTIAL: Credential = { ...STS, providerName: "static_sts" };

/** One logger call. */
export interface LogRecord {
  readonly level: keyof Logger;
  readonly message: string;
  readonly fields: Record<string, unknown> | undefined;
}

/** A logger that keeps every call, for tests that inspect what was logged. */
export function recordingLogger(): Logger & { readonly records: LogRecord[] } {
  const records: LogRecord[] = [];
  const log =
    (level: keyof Logger) =>
    (message: string, fields?: Record<string, unknown>): void => {
      records.push({ level, message, fields });
    };
  return {
    records,
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
  };
}
