import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { CliProfileCredentialProvider } from "../../src/credentials/cli-profile-provider.js";
import type { LoopbackServer } from "../support/loopback-server.js";
import { FakeClock } from "./support/fake-clock.js";
import { startImdsServer } from "./support/imds-server.js";
import { startStsServer } from "./support/sts-server.js";
import { createTempDir, type TempDir } from "./support/temp-dir.js";

const ROLE_ARN = "acs:ram::1234567890123456:role/backup-operator";

let home: TempDir;
const servers: LoopbackServer[] = [];
beforeEach(async () => {
  home = await createTempDir();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await home.remove();
});

function writeConfig(current: string, profiles: object[]): Promise<string> {
  return home.write(".aliyun/config.json", JSON.stringify({ current, profiles }, null, 2));
}

const akProfile = (name: string, id: string) => ({
  name,
  mode: "AK",
  access_key_id: id,
  access_key_secret: `${id}-secret`,
  expired_seconds: 0,
});

describe("cli_profile provider", () => {
  test("uses the current profile", async () => {
    await writeConfig("work", [
      akProfile("default", "LTAI-default"),
      akProfile("work", "LTAI-work"),
    ]);
    const provider = new CliProfileCredentialProvider({ env: { HOME: home.path } });
    await expect(provider.getCredential()).resolves.toEqual({
      accessKeyId: "LTAI-work",
      accessKeySecret: "LTAI-work-secret",
      providerName: "cli_profile/static_ak",
    });
  });

  test("selects by option, then environment", async () => {
    await writeConfig("default", [
      akProfile("default", "LTAI-default"),
      akProfile("env", "LTAI-env"),
      akProfile("option", "LTAI-option"),
    ]);
    const env = { ALIBABA_CLOUD_PROFILE: "env" };
    const byEnv = new CliProfileCredentialProvider({ env, homeDir: home.path });
    const byOption = new CliProfileCredentialProvider({
      env,
      homeDir: home.path,
      profileName: "option",
    });
    expect((await byEnv.getCredential()).accessKeyId).toBe("LTAI-env");
    expect((await byOption.getCredential()).accessKeyId).toBe("LTAI-option");
  });

  test("reads StsToken", async () => {
    await writeConfig("sts", [
      {
        name: "sts",
        mode: "StsToken",
        access_key_id: "STS.x",
        access_key_secret: "s",
        sts_token: "t",
      },
    ]);
    const provider = new CliProfileCredentialProvider({ homeDir: home.path, env: {} });
    await expect(provider.getCredential()).resolves.toMatchObject({
      securityToken: "t",
      providerName: "cli_profile/static_sts",
    });
  });

  test("assumes RamRoleArn and chained roles", async () => {
    const clock = new FakeClock();
    const sts = await startStsServer({
      secrets: { "LTAI-base": "LTAI-base-secret", "STS.session-1": "session-secret-1" },
      expiration: () => clock.isoAfterMinutes(60),
    });
    servers.push(sts);
    await writeConfig("chained", [
      {
        ...akProfile("base", "LTAI-base"),
        mode: "RamRoleArn",
        ram_role_arn: ROLE_ARN,
        sts_endpoint: sts.url,
        expired_seconds: 1800,
        ram_session_name: "cli",
      },
      {
        name: "chained",
        mode: "ChainableRamRoleArn",
        source_profile: "base",
        ram_role_arn: `${ROLE_ARN}-2`,
        sts_endpoint: sts.url,
      },
    ]);
    const provider = new CliProfileCredentialProvider({
      homeDir: home.path,
      env: {},
      now: clock.now,
    });

    const credential = await provider.getCredential();

    expect(credential).toMatchObject({
      accessKeyId: "STS.session-2",
      providerName: "cli_profile/ram_role_arn/ram_role_arn/static_ak",
    });
    expect(sts.parameters(0)).toMatchObject({
      AccessKeyId: "LTAI-base",
      RoleArn: ROLE_ARN,
      RoleSessionName: "cli",
      DurationSeconds: "1800",
    });
    expect(sts.parameters(1)).toMatchObject({
      AccessKeyId: "STS.session-1",
      SecurityToken: "session-token-1",
      RoleArn: `${ROLE_ARN}-2`,
      DurationSeconds: "3600",
    });
    expect(sts.requests[1]?.headers["x-acs-credentials-provider"]).toBe("ram_role_arn/static_ak");
  });

  test("detects a source_profile cycle", async () => {
    await writeConfig("a", [
      { name: "a", mode: "ChainableRamRoleArn", source_profile: "b", ram_role_arn: ROLE_ARN },
      { name: "b", mode: "ChainableRamRoleArn", source_profile: "a", ram_role_arn: ROLE_ARN },
    ]);
    const provider = new CliProfileCredentialProvider({ homeDir: home.path, env: {} });
    await expect(provider.getCredential()).rejects.toThrow("source_profile cycle (a -> b -> a)");
  });

  test("reads EcsRamRole from the configured metadata URL", async () => {
    const clock = new FakeClock();
    const imds = await startImdsServer({
      roleName: "EcsBackupRole",
      expiration: () => clock.isoAfterMinutes(360),
    });
    servers.push(imds);
    await writeConfig("ecs", [{ name: "ecs", mode: "EcsRamRole", ram_role_name: "EcsBackupRole" }]);
    const provider = new CliProfileCredentialProvider({
      homeDir: home.path,
      ecsMetadataUrl: imds.url,
      env: {},
      now: clock.now,
    });
    await expect(provider.getCredential()).resolves.toMatchObject({
      accessKeyId: "STS.ecs-1",
      providerName: "cli_profile/ecs_ram_role",
    });
  });

  test("rejects an unsupported mode", async () => {
    await writeConfig("sso", [{ name: "sso", mode: "CloudSSO", cloud_sso_sign_in_url: "x" }]);
    const provider = new CliProfileCredentialProvider({ homeDir: home.path, env: {} });
    await expect(provider.getCredential()).rejects.toMatchObject({
      code: "UnsupportedProfileMode",
      message: expect.stringMatching(
        /profile "sso" \(mode CloudSSO\) in .*config\.json uses a mode this runtime does not support; supported modes: AK, StsToken/,
      ),
    });
  });

  test("names a missing field", async () => {
    await writeConfig("default", [{ name: "default", mode: "AK", access_key_id: "LTAI-x" }]);
    const provider = new CliProfileCredentialProvider({ homeDir: home.path, env: {} });
    await expect(provider.getCredential()).rejects.toThrow(
      "has no access_key_secret; run `aliyun configure --profile default`",
    );
  });

  test("names a missing profile", async () => {
    await writeConfig("default", [akProfile("default", "LTAI-default")]);
    const provider = new CliProfileCredentialProvider({
      homeDir: home.path,
      profileName: "prod",
      env: {},
    });
    await expect(provider.getCredential()).rejects.toThrow(
      'has no profile named "prod" (profiles: default)',
    );
  });

  test("reports a missing file and retries later", async () => {
    const provider = new CliProfileCredentialProvider({ homeDir: home.path, env: {} });
    await expect(provider.getCredential()).rejects.toMatchObject({
      code: "CredentialSourceNotConfigured",
      message: `cli_profile: ${join(home.path, ".aliyun", "config.json")} not found`,
    });
    await writeConfig("default", [akProfile("default", "LTAI-default")]);
    await expect(provider.getCredential()).resolves.toMatchObject({ accessKeyId: "LTAI-default" });
  });

  test("keeps file content out of a JSON error", async () => {
    await home.write(".aliyun/config.json", '{"profiles":[{"access_key_secret":"file-secret"');
    const provider = new CliProfileCredentialProvider({ homeDir: home.path, env: {} });
    const error = (await provider.getCredential().catch((caught: unknown) => caught)) as Error;
    expect(error.message).toContain("is not valid JSON");
    expect(error.message).not.toContain("file-secret");
  });

  test("honours the disable switch", () => {
    expect(
      () =>
        new CliProfileCredentialProvider({
          homeDir: home.path,
          env: { ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true" },
        }),
    ).toThrow("cli_profile: disabled by ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true");
  });
});
