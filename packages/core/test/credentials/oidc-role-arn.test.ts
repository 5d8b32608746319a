import { afterEach, describe, expect, test } from "vitest";
import { OidcRoleArnCredentialProvider } from "../../src/credentials/oidc-role-arn-provider.js";
import { FakeClock } from "./support/fake-clock.js";
import { type StsServer, startStsServer } from "./support/sts-server.js";
import { createTempDir, type TempDir } from "./support/temp-dir.js";

const ROLE_ARN = "acs:ram::1234567890123456:role/k8s-backup";
const PROVIDER_ARN = "acs:ram::1234567890123456:oidc-provider/ack-cluster";

let server: StsServer | undefined;
let home: TempDir | undefined;
afterEach(async () => {
  await server?.close();
  await home?.remove();
  server = undefined;
  home = undefined;
});

async function setUp(token: string, clock: FakeClock) {
  home = await createTempDir();
  const tokenFile = await home.write("token", token);
  server = await startStsServer({
    secrets: {},
    oidcTokens: [token, "oidc-token-2"],
    expiration: () => clock.isoAfterMinutes(60),
  });
  const env = {
    ALIBABA_CLOUD_ROLE_ARN: ROLE_ARN,
    ALIBABA_CLOUD_OIDC_PROVIDER_ARN: PROVIDER_ARN,
    ALIBABA_CLOUD_OIDC_TOKEN_FILE: tokenFile,
    ALIBABA_CLOUD_ROLE_SESSION_NAME: "pod-7",
  };
  return { sts: server, home, env };
}

describe("oidc_role_arn provider", () => {
  test("exchanges the token file from the environment", async () => {
    const clock = new FakeClock();
    const { sts, env } = await setUp("oidc-token-1", clock);
    const provider = new OidcRoleArnCredentialProvider({
      env,
      stsEndpoint: sts.url,
      now: clock.now,
    });

    const credential = await provider.getCredential();

    expect(credential).toMatchObject({
      accessKeyId: "STS.session-1",
      securityToken: "session-token-1",
      providerName: "oidc_role_arn",
    });
    const request = sts.requests[0];
    expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual({
      Version: "2015-04-01",
      Action: "AssumeRoleWithOIDC",
      Format: "JSON",
      Timestamp: "2030-01-01T00:00:00Z",
    });
    expect(Object.fromEntries(new URLSearchParams(request?.body.toString()))).toEqual({
      OIDCProviderArn: PROVIDER_ARN,
      OIDCToken: "oidc-token-1",
      RoleArn: ROLE_ARN,
      RoleSessionName: "pod-7",
      DurationSeconds: "3600",
    });
  });

  test("re-reads a rotated token at refresh", async () => {
    const clock = new FakeClock();
    const { sts, env, home } = await setUp("oidc-token-1", clock);
    const provider = new OidcRoleArnCredentialProvider({
      env,
      stsEndpoint: sts.url,
      now: clock.now,
    });
    await provider.getCredential();

    await home.write("token", "oidc-token-2");
    clock.advanceMinutes(50);
    await expect(provider.getCredential()).resolves.toMatchObject({ accessKeyId: "STS.session-2" });
    expect(sts.parameters(1).OIDCToken).toBe("oidc-token-2");
  });

  test("names the missing variable", () => {
    expect(
      () => new OidcRoleArnCredentialProvider({ env: { ALIBABA_CLOUD_ROLE_ARN: ROLE_ARN } }),
    ).toThrow(
      "oidc_role_arn: ALIBABA_CLOUD_OIDC_PROVIDER_ARN is not set (or pass oidcProviderArn)",
    );
  });

  test("reports an unreadable token file", async () => {
    const clock = new FakeClock();
    const { sts, env } = await setUp("oidc-token-1", clock);
    const provider = new OidcRoleArnCredentialProvider({
      env: {
        ...env,
        ALIBABA_CLOUD_OIDC_TOKEN_FILE: `${env.ALIBABA_CLOUD_OIDC_TOKEN_FILE}.missing`,
      },
      stsEndpoint: sts.url,
      now: clock.now,
    });
    await expect(provider.getCredential()).rejects.toThrow(
      /cannot read the OIDC token file .*\(ENOENT\)/,
    );
    expect(sts.requests).toHaveLength(0);
  });

  test("redacts a rejected token", async () => {
    const clock = new FakeClock();
    const { sts, env, home } = await setUp("oidc-token-1", clock);
    await home.write("token", "stale-oidc-token");
    const provider = new OidcRoleArnCredentialProvider({
      env,
      stsEndpoint: sts.url,
      now: clock.now,
    });
    const error = (await provider.getCredential().catch((caught: unknown) => caught)) as Error;
    expect(error.message).toBe(
      `oidc_role_arn: POST ${sts.url}/ returned HTTP 400 AuthenticationFail.OIDCToken.Invalid: The OIDC token <redacted> is invalid. (RequestId request-1)`,
    );
  });
});
