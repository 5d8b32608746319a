import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { CredentialsError } from "../../src/credentials/credentials-error.js";
import { defaultCredentialChain } from "../../src/credentials/default-chain.js";
import { type LoopbackServer, sendJson, startLoopbackServer } from "../support/loopback-server.js";
import { FakeClock } from "./support/fake-clock.js";
import { startImdsServer } from "./support/imds-server.js";
import { startStsServer } from "./support/sts-server.js";
import { createTempDir, type TempDir } from "./support/temp-dir.js";

let home: TempDir;
const servers: LoopbackServer[] = [];
beforeEach(async () => {
  home = await createTempDir();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await home.remove();
});

const AK_ENV = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI-env",
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: "env-secret",
};

function writeCliConfig(id: string): Promise<string> {
  return home.write(
    ".aliyun/config.json",
    JSON.stringify({
      current: "default",
      profiles: [
        { name: "default", mode: "AK", access_key_id: id, access_key_secret: "cli-secret" },
      ],
    }),
  );
}

function writeIni(id: string): Promise<string> {
  return home.write(
    ".alibabacloud/credentials",
    `[default]\ntype = access_key\naccess_key_id = ${id}\naccess_key_secret = ini-secret\n`,
  );
}

async function startUriServer(clock: FakeClock): Promise<LoopbackServer> {
  const server = await startLoopbackServer((_request, response) =>
    sendJson(response, 200, {
      AccessKeyId: "STS.uri",
      AccessKeySecret: "uri-secret",
      SecurityToken: "uri-token",
      Expiration: clock.isoAfterMinutes(60),
    }),
  );
  servers.push(server);
  return server;
}

describe("default chain", () => {
  test("lists every provider when none works", async () => {
    const chain = defaultCredentialChain({ env: { HOME: home.path } });
    const error = (await chain
      .getCredential()
      .catch((caught: unknown) => caught)) as CredentialsError;

    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.code).toBe("NoCredentialsInChain");
    expect(error.message).toBe(
      [
        "default: no provider in the chain returned credentials: ",
        "env: ALIBABA_CLOUD_ACCESS_KEY_ID is not set; ",
        "oidc_role_arn: ALIBABA_CLOUD_ROLE_ARN is not set (or pass roleArn); ",
        `cli_profile: ${join(home.path, ".aliyun", "config.json")} not found; `,
        `profile: ${join(home.path, ".alibabacloud", "credentials")} not found; `,
        "ecs_ram_role: not enabled; on an ECS instance set ALIBABA_CLOUD_ECS_METADATA to the role name or pass enableEcsRamRole; ",
        "credential_uri: ALIBABA_CLOUD_CREDENTIALS_URI is not set (or pass credentialsUri). ",
        "Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, configure a profile with `aliyun configure`, or pass `credentials` in the client configuration.",
      ].join(""),
    );
    expect((error.cause as AggregateError).errors).toHaveLength(6);
  });

  test("prefers the environment", async () => {
    await writeCliConfig("LTAI-cli");
    const chain = defaultCredentialChain({ env: { ...AK_ENV, HOME: home.path } });
    expect(chain.name).toBe("default");
    await expect(chain.getCredential()).resolves.toEqual({
      accessKeyId: "LTAI-env",
      accessKeySecret: "env-secret",
      providerName: "default/env",
    });
  });

  test("tries OIDC before the CLI profile", async () => {
    const clock = new FakeClock();
    const sts = await startStsServer({
      secrets: {},
      oidcTokens: ["oidc-token"],
      expiration: () => clock.isoAfterMinutes(60),
    });
    servers.push(sts);
    await writeCliConfig("LTAI-cli");
    const chain = defaultCredentialChain({
      env: {
        HOME: home.path,
        ALIBABA_CLOUD_ROLE_ARN: "acs:ram::1:role/r",
        ALIBABA_CLOUD_OIDC_PROVIDER_ARN: "acs:ram::1:oidc-provider/p",
        ALIBABA_CLOUD_OIDC_TOKEN_FILE: await home.write("token", "oidc-token"),
      },
      stsEndpoint: sts.url,
      now: clock.now,
    });
    await expect(chain.getCredential()).resolves.toMatchObject({
      accessKeyId: "STS.session-1",
      providerName: "default/oidc_role_arn",
    });
  });

  test("tries the CLI profile before the INI file", async () => {
    await writeCliConfig("LTAI-cli");
    await writeIni("LTAI-ini");
    const chain = defaultCredentialChain({ env: { HOME: home.path } });
    await expect(chain.getCredential()).resolves.toMatchObject({
      accessKeyId: "LTAI-cli",
      providerName: "default/cli_profile/static_ak",
    });
  });

  test("moves past a broken profile", async () => {
    await home.write(
      ".aliyun/config.json",
      JSON.stringify({ current: "sso", profiles: [{ name: "sso", mode: "CloudSSO" }] }),
    );
    await writeIni("LTAI-ini");
    const chain = defaultCredentialChain({ env: { HOME: home.path } });
    await expect(chain.getCredential()).resolves.toMatchObject({
      accessKeyId: "LTAI-ini",
      providerName: "default/profile/static_ak",
    });
  });

  test("calls the metadata service only when enabled", async () => {
    const clock = new FakeClock();
    const imds = await startImdsServer({
      roleName: "R",
      expiration: () => clock.isoAfterMinutes(360),
    });
    servers.push(imds);
    const options = { ecsMetadataUrl: imds.url, now: clock.now };

    const disabled = defaultCredentialChain({ ...options, env: { HOME: home.path } });
    await expect(disabled.getCredential()).rejects.toThrow("ecs_ram_role: not enabled");
    expect(imds.requests).toHaveLength(0);

    const byOption = defaultCredentialChain({
      ...options,
      env: { HOME: home.path },
      enableEcsRamRole: true,
    });
    await expect(byOption.getCredential()).resolves.toMatchObject({
      providerName: "default/ecs_ram_role",
    });

    const byEnv = defaultCredentialChain({
      ...options,
      env: { HOME: home.path, ALIBABA_CLOUD_ECS_METADATA: "R" },
    });
    await expect(byEnv.getCredential()).resolves.toMatchObject({
      providerName: "default/ecs_ram_role",
    });
  });

  test("ends with the credentials URI", async () => {
    const clock = new FakeClock();
    const uri = await startUriServer(clock);
    const chain = defaultCredentialChain({
      env: { HOME: home.path, ALIBABA_CLOUD_CREDENTIALS_URI: uri.url },
      now: clock.now,
    });
    await expect(chain.getCredential()).resolves.toMatchObject({
      accessKeyId: "STS.uri",
      providerName: "default/credential_uri",
    });
  });

  test("remembers the first success", async () => {
    await writeIni("LTAI-ini");
    const env: Record<string, string> = { HOME: home.path };
    const chain = defaultCredentialChain({ env });
    expect((await chain.getCredential()).providerName).toBe("default/profile/static_ak");

    Object.assign(env, AK_ENV);
    expect((await chain.getCredential()).providerName).toBe("default/profile/static_ak");
    expect((await defaultCredentialChain({ env }).getCredential()).providerName).toBe(
      "default/env",
    );
  });

  test("retries the chain after a failure", async () => {
    const env: Record<string, string> = { HOME: home.path };
    const chain = defaultCredentialChain({ env });
    await expect(chain.getCredential()).rejects.toThrow(CredentialsError);
    Object.assign(env, AK_ENV);
    await expect(chain.getCredential()).resolves.toMatchObject({ providerName: "default/env" });
  });

  test("parallel first calls resolve once", async () => {
    const clock = new FakeClock();
    const uri = await startUriServer(clock);
    const chain = defaultCredentialChain({
      env: { HOME: home.path, ALIBABA_CLOUD_CREDENTIALS_URI: uri.url },
      now: clock.now,
    });
    const credentials = await Promise.all([
      chain.getCredential(),
      chain.getCredential(),
      chain.getCredential(),
    ]);
    expect(uri.requests).toHaveLength(1);
    expect(credentials.map((credential) => credential.providerName)).toEqual([
      "default/credential_uri",
      "default/credential_uri",
      "default/credential_uri",
    ]);
  });
});
