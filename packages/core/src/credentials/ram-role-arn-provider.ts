import { formatTimestamp } from "../signing/request-signer.js";
import { computeRpcV1Signature } from "../signing/rpc-v1-signature.js";
import type { Credential, CredentialProvider } from "./credential.js";
import { CredentialsError } from "./credentials-error.js";
import { type ProviderRuntimeOptions, readEnv } from "./provider-options.js";
import { SessionCache } from "./session-cache.js";
import {
  callSts,
  type RoleSessionOptions,
  resolveRoleSession,
  STS_API_VERSION,
} from "./sts-request.js";

/** Options of {@link RamRoleArnCredentialProvider}. */
export interface RamRoleArnOptions extends RoleSessionOptions, ProviderRuntimeOptions {
  /** Credential that signs `AssumeRole`: an AccessKey or another session. */
  readonly source: CredentialProvider;
  /** Role to assume (`acs:ram::<uid>:role/<name>`); defaults to `ALIBABA_CLOUD_ROLE_ARN`. */
  readonly roleArn?: string;
  /** Policy document (JSON text) that further restricts the session. */
  readonly policy?: string;
  /** External ID the role's trust policy requires, if any. */
  readonly externalId?: string;
  /** Refresh when the session expires within this many milliseconds; default 15 minutes. */
  readonly staleWindowMs?: number;
}

/**
 * Assumes a RAM role through STS `AssumeRole`, signed with the legacy RPC HMAC-SHA1 signature
 * from the source credential, and caches the session until it nears expiry. The provider name
 * is `ram_role_arn/<source name>`, as in the official runtime.
 */
export class RamRoleArnCredentialProvider implements CredentialProvider {
  readonly name: string;
  readonly #source: CredentialProvider;
  readonly #endpoint: URL;
  readonly #form: Readonly<Record<string, string>>;
  readonly #options: RamRoleArnOptions;
  readonly #now: () => number;
  readonly #cache: SessionCache;

  /** @throws CredentialsError `InvalidCredentialOptions` for a missing role or a bad duration. */
  constructor(options: RamRoleArnOptions) {
    const env = options.env ?? process.env;
    this.name = `ram_role_arn/${options.source.name}`;
    this.#source = options.source;
    this.#options = options;
    this.#now = options.now ?? Date.now;

    const roleArn = options.roleArn || readEnv(env, "ALIBABA_CLOUD_ROLE_ARN");
    if (!roleArn) {
      throw new CredentialsError(
        "InvalidCredentialOptions",
        this.name,
        "roleArn is empty; pass the ARN of the RAM role to assume or set ALIBABA_CLOUD_ROLE_ARN",
      );
    }
    const session = resolveRoleSession(this.name, options, env, this.#now());
    this.#endpoint = session.endpoint;
    this.#form = {
      RoleArn: roleArn,
      ...(options.policy ? { Policy: options.policy } : {}),
      ...(options.externalId ? { ExternalId: options.externalId } : {}),
      ...session.form,
    };
    this.#cache = new SessionCache(this.name, () => this.#assumeRole(), options);
  }

  getCredential(signal?: AbortSignal): Promise<Credential> {
    return this.#cache.get(signal);
  }

  async #assumeRole(): Promise<Credential> {
    const source = await this.#source.getCredential();
    const query: Record<string, string> = {
      Version: STS_API_VERSION,
      Action: "AssumeRole",
      Format: "JSON",
      Timestamp: formatTimestamp(new Date(this.#now())),
      SignatureMethod: "HMAC-SHA1",
      SignatureVersion: "1.0",
      SignatureNonce: process.getBuiltinModule("node:crypto").randomUUID(),
      AccessKeyId: source.accessKeyId,
      ...(source.securityToken ? { SecurityToken: source.securityToken } : {}),
    };
    const { stringToSign, signature } = computeRpcV1Signature({
      method: "POST",
      parameters: { ...query, ...this.#form },
      accessKeySecret: source.accessKeySecret,
    });
    query.Signature = signature;
    const session = await callSts({
      provider: this.name,
      endpoint: this.#endpoint,
      query,
      form: this.#form,
      headers: { "x-acs-credentials-provider": source.providerName },
      stringToSign,
      secrets: [source.accessKeySecret, source.securityToken],
      connectTimeoutMs: this.#options.connectTimeoutMs,
      readTimeoutMs: this.#options.readTimeoutMs,
    });
    return { ...session, providerName: this.name };
  }
}
