import { afterEach, describe, expect, test } from "vitest";
import type { Logger } from "../../src/config.js";
import { RamRoleArnCredentialProvider } from "../../src/credentials/ram-role-arn-provider.js";
import {
  StaticAkCredentialProvider,
  StaticStsCredentialProvider,
} from "../../src/credentials/static-credentials.js";
import { resolveStsEndpoint } from "../../src/credentials/sts-request.js";
import { FakeClock } from "./support/fake-clock.js";
import { type StsServer, startStsServer } from "./support/sts-server.js";

const ROLE_ARN = "acs:ram::1234567890123456:role/backup-operator";
const SOURCE_SECRET = "source-secret-Q!(x)*'";
const source = new StaticAkCredentialProvider({
  accessKeyId: "LTAI-source",
  accessKeySecret: SOURCE_SECRET,
});

let server: StsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function startSts(
  clock: FakeClock,
  options: Partial<Parameters<typeof startStsServer>[0]> = {},
) {
  server = await startStsServer({
    secrets: { "LTAI-source": SOURCE_SECRET, "STS.source": "sts-source-secret" },
    expiration: () => clock.isoAfterMinutes(60),
    ...options,
  });
  return server;
}

describe("ram_role_arn provider", () => {
  test("assumes the role with a signed POST", async () => {
    const clock = new FakeClock();
    const sts = await startSts(clock);
    const provider = new RamRoleArnCredentialProvider({
      source,
      roleArn: ROLE_ARN,
      roleSessionName: "nightly-backup",
      stsEndpoint: sts.url,
      now: clock.now,
      env: {},
    });

    const credential = await provider.getCredential();

    expect(credential).toEqual({
      accessKeyId: "STS.session-1",
      accessKeySecret: "session-secret-1",
      securityToken: "session-token-1",
      expiration: new Date(clock.isoAfterMinutes(60)),
      providerName: "ram_role_arn/static_ak",
    });
    const request = sts.requests[0];
    expect(request?.method).toBe("POST");
    expect(request?.url.pathname).toBe("/");
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request?.headers["x-acs-credentials-provider"]).toBe("static_ak");
    expect(Object.fromEntries(request?.url.searchParams ?? [])).toMatchObject({
      Version: "2015-04-01",
      Action: "AssumeRole",
      Format: "JSON",
      Timestamp: "2030-01-01T00:00:00Z",
      SignatureMethod: "HMAC-SHA1",
      SignatureVersion: "1.0",
      AccessKeyId: "LTAI-source",
    });
    expect(Object.fromEntries(new URLSearchParams(request?.body.toString()))).toEqual({
      RoleArn: ROLE_ARN,
      RoleSessionName: "nightly-backup",
      DurationSeconds: "3600",
    });
  });

  test("sends policy, external ID, duration and source token", async () => {
    const clock = new FakeClock();
    const sts = await startSts(clock);
    const provider = new RamRoleArnCredentialProvider({
      source: new StaticStsCredentialProvider({
        accessKeyId: "STS.source",
        accessKeySecret: "sts-source-secret",
        securityToken: "source token/+=",
      }),
      roleArn: ROLE_ARN,
      policy: '{"Statement":[{"Action":"hbr:*","Effect":"Allow","Resource":"*"}],"Version":"1"}',
      externalId: "abc-123",
      durationSeconds: 900,
      stsEndpoint: sts.url,
      now: clock.now,
      env: { ALIBABA_CLOUD_ROLE_SESSION_NAME: "from-env" },
    });

    const credential = await provider.getCredential();

    expect(credential.providerName).toBe("ram_role_arn/static_sts");
    expect(sts.parameters(0)).toMatchObject({
      SecurityToken: "source token/+=",
      Policy: '{"Statement":[{"Action":"hbr:*","Effect":"Allow","Resource":"*"}],"Version":"1"}',
      ExternalId: "abc-123",
      DurationSeconds: "900",
      RoleSessionName: "from-env",
    });
  });

  test("takes the role from the environment", async () => {
    const clock = new FakeClock();
    const sts = await startSts(clock);
    const provider = new RamRoleArnCredentialProvider({
      source,
      stsEndpoint: sts.url,
      now: clock.now,
      env: { ALIBABA_CLOUD_ROLE_ARN: ROLE_ARN },
    });
    await provider.getCredential();
    expect(sts.parameters(0).RoleArn).toBe(ROLE_ARN);
    expect(sts.parameters(0).RoleSessionName).toBe(`credentials-nodejs-${clock.now()}`);
  });

  test("rejects a short duration and a missing role", () => {
    expect(
      () =>
        new RamRoleArnCredentialProvider({
          source,
          roleArn: ROLE_ARN,
          durationSeconds: 899,
          env: {},
        }),
    ).toThrow("ram_role_arn/static_ak: durationSeconds 899 is invalid");
    expect(() => new RamRoleArnCredentialProvider({ source, env: {} })).toThrow(
      expect.objectContaining({ code: "InvalidCredentialOptions" }),
    );
  });

  test("caches the session until the stale window", async () => {
    const clock = new FakeClock();
    const sts = await startSts(clock);
    const provider = new RamRoleArnCredentialProvider({
      source,
      roleArn: ROLE_ARN,
      stsEndpoint: sts.url,
      now: clock.now,
      env: {},
    });

    const first = await provider.getCredential();
    clock.advanceMinutes(44);
    expect(await provider.getCredential()).toBe(first);
    expect(sts.requests).toHaveLength(1);

    clock.advanceMinutes(2);
    const second = await provider.getCredential();
    expect(second.accessKeyId).toBe("STS.session-2");
    expect(sts.requests).toHaveLength(2);
  });

  test("honours a custom stale window", async () => {
    const clock = new FakeClock();
    const sts = await startSts(clock);
    const provider = new RamRoleArnCredentialProvider({
      source,
      roleArn: ROLE_ARN,
      stsEndpoint: sts.url,
      staleWindowMs: 5 * 60_000,
      now: clock.now,
      env: {},
    });
    await provider.getCredential();
    clock.advanceMinutes(54);
    await provider.getCredential();
    expect(sts.requests).toHaveLength(1);
    clock.advanceMinutes(2);
    await provider.getCredential();
    expect(sts.requests).toHaveLength(2);
  });

  test("refreshes a short session at half its lifetime", async () => {
    const clock = new FakeClock();
    const sts = await startSts(clock, { expiration: () => clock.isoAfterMinutes(15) });
    const provider = new RamRoleArnCredentialProvider({
      source,
      roleArn: ROLE_ARN,
      durationSeconds: 900,
      stsEndpoint: sts.url,
      now: clock.now,
      env: {},
    });
    await provider.getCredential();
    clock.advanceMinutes(7);
    await provider.getCredential();
    expect(sts.requests).toHaveLength(1);
    clock.advanceMinutes(1);
    await provider.getCredential();
    expect(sts.requests).toHaveLength(2);
  });

  test("parallel callers share one refresh", async () => {
    const clock = new FakeClock();
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let arrived = () => {};
    const requestArrived = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const sts = await startSts(clock, {
      hold: () => {
        arrived();
        return gate;
      },
    });
    const provider = new RamRoleArnCredentialProvider({
      source,
      roleArn: ROLE_ARN,
      stsEndpoint: sts.url,
      now: clock.now,
      env: {},
    });

    const pending = Array.from({ length: 3 }, () => provider.getCredential());
    await requestArrived;
    pending.push(provider.getCredential(), provider.getCredential());
    release();
    const credentials = await Promise.all(pending);

    expect(sts.requests).toHaveLength(1);
    expect(new Set(credentials.map((credential) => credential.accessKeyId))).toEqual(
      new Set(["STS.session-1"]),
    );

    clock.advanceMinutes(50);
    const refreshed = await Promise.all([provider.getCredential(), provider.getCredential()]);
    expect(sts.requests).toHaveLength(2);
    expect(refreshed[0]).toBe(refreshed[1]);
  });

  test("keeps the cached session while a refresh fails", async () => {
    const clock = new FakeClock();
    let failing = false;
    const sts = await startSts(clock, {
      override: () =>
        failing
          ? { status: 503, body: { Code: "ServiceUnavailable", RequestId: "r-9" } }
          : undefined,
    });
    const warnings: string[] = [];
    const logger: Logger = {
      debug: () => {},
      info: () => {},
      warn: (message, fields) => warnings.push(`${message} ${JSON.stringify(fields)}`),
      error: () => {},
    };
    const provider = new RamRoleArnCredentialProvider({
      source,
      roleArn: ROLE_ARN,
      stsEndpoint: sts.url,
      now: clock.now,
      logger,
      env: {},
    });
    const first = await provider.getCredential();

    failing = true;
    clock.advanceMinutes(50);
    expect(await provider.getCredential()).toBe(first);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("ServiceUnavailable");

    clock.advanceMinutes(11);
    await expect(provider.getCredential()).rejects.toMatchObject({
      code: "CredentialRequestFailed",
      message: expect.stringContaining("returned HTTP 503 ServiceUnavailable"),
    });
  });

  test("reports a wrong secret without revealing it", async () => {
    const clock = new FakeClock();
    const sts = await startSts(clock);
    const provider = new RamRoleArnCredentialProvider({
      source: new StaticAkCredentialProvider({
        accessKeyId: "LTAI-source",
        accessKeySecret: "wrong-secret",
      }),
      roleArn: ROLE_ARN,
      stsEndpoint: sts.url,
      now: clock.now,
      env: {},
    });
    const error = await provider.getCredential().catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: "InvalidAccessKeySecret",
      provider: "ram_role_arn/static_ak",
    });
    expect(String((error as Error).message)).not.toContain("wrong-secret");
    expect(String((error as Error).message)).toContain("RequestId request-1");
  });

  test("omits the echoed string to sign", async () => {
    const clock = new FakeClock();
    // STS echoes a string to sign that differs from the client's and contains the source token.
    const sts = await startSts(clock, {
      override: (request) => ({
        status: 400,
        body: {
          Code: "SignatureDoesNotMatch",
          Message: `Specified signature is not matched with our calculation. server string to sign is:POST&%2F&${encodeURIComponent(request.url.search)}`,
          RequestId: "r-1",
        },
      }),
    });
    const provider = new RamRoleArnCredentialProvider({
      source: new StaticStsCredentialProvider({
        accessKeyId: "STS.source",
        accessKeySecret: "sts-source-secret",
        securityToken: "source-token-value",
      }),
      roleArn: ROLE_ARN,
      stsEndpoint: sts.url,
      now: clock.now,
      env: {},
    });
    const error = (await provider.getCredential().catch((caught: unknown) => caught)) as Error;
    expect(error.message).toContain("SignatureDoesNotMatch");
    expect(error.message).toContain("server string to sign is: <omitted>");
    expect(error.message).not.toContain("source-token-value");
  });
});

describe("sts endpoint", () => {
  test("follows the official rules", () => {
    const resolve = (options: object, env: Record<string, string> = {}) =>
      resolveStsEndpoint("test", options, env).href;
    expect(resolve({})).toBe("https://sts.aliyuncs.com/");
    expect(resolve({ stsRegionId: "cn-hangzhou" })).toBe("https://sts.cn-hangzhou.aliyuncs.com/");
    expect(resolve({ stsRegionId: "cn-hangzhou", enableVpc: true })).toBe(
      "https://sts-vpc.cn-hangzhou.aliyuncs.com/",
    );
    expect(
      resolve(
        {},
        { ALIBABA_CLOUD_STS_REGION: "eu-central-1", ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED: "TRUE" },
      ),
    ).toBe("https://sts-vpc.eu-central-1.aliyuncs.com/");
    expect(resolve({ stsEndpoint: "sts.example.test", stsRegionId: "cn-hangzhou" })).toBe(
      "https://sts.example.test/",
    );
    expect(resolve({ stsEndpoint: "http://127.0.0.1:9000" })).toBe("http://127.0.0.1:9000/");
    expect(() => resolve({ stsEndpoint: "ftp://example.test" })).toThrow(
      expect.objectContaining({ code: "InvalidCredentialOptions" }),
    );
  });
});
