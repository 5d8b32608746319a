import { MockServerError } from "./errors.js";

/** An AccessKey pair the server accepts; with `securityToken` it stands for STS credentials. */
export interface MockCredential {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** When set, requests signed with this pair must carry exactly this security token. */
  readonly securityToken?: string;
}

/** The configured credentials, looked up by AccessKey ID. */
export class CredentialStore {
  private readonly byId = new Map<string, MockCredential>();

  constructor(credentials: readonly MockCredential[]) {
    if (credentials.length === 0) {
      throw new MockServerError(
        "invalid-option",
        "No credentials were given; pass at least one { accessKeyId, accessKeySecret } as `credentials`.",
      );
    }
    credentials.forEach((credential, index) => {
      if (!credential.accessKeyId || !credential.accessKeySecret) {
        throw new MockServerError(
          "invalid-option",
          `credentials[${index}] needs a non-empty accessKeyId and accessKeySecret.`,
        );
      }
      if (this.byId.has(credential.accessKeyId)) {
        throw new MockServerError(
          "invalid-option",
          `credentials[${index}] repeats the AccessKey ID ${credential.accessKeyId}; give each pair once.`,
        );
      }
      this.byId.set(credential.accessKeyId, credential);
    });
  }

  /** Looks up the credential with this AccessKey ID; `undefined` when none is configured. */
  find(accessKeyId: string): MockCredential | undefined {
    return this.byId.get(accessKeyId);
  }

  /** Security tokens, which must never appear in logs or error messages. */
  secrets(): string[] {
    return [...this.byId.values()].flatMap((credential) =>
      credential.securityToken ? [credential.securityToken] : [],
    );
  }
}
