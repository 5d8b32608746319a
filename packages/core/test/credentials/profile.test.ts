import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { parseIni } from "../../src/credentials/ini-file.js";
import { ProfileCredentialProvider } from "../../src/credentials/profile-provider.js";
import type { LoopbackServer } from "../support/loopback-server.js";
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

const CREDENTIALS = `
; shared credentials
[default]
type = access_key
access_key_id = LTAI-default
access_key_secret = "default-secret"

[project]
type = access_key
access_key_id = LTAI-project
access_key_secret = project-secret
`;

describe("ini parser", () => {
  test("reads sections, comments and quotes", () => {
    const sections = parseIni("top = ignored\n[a]\n# note\nk1 = 'v 1'\nk2=v=2\r\n[ b ]\nk3 =\n");
    expect(Object.fromEntries(sections)).toEqual({ a: { k1: "v 1", k2: "v=2" }, b: { k3: "" } });
  });

  test("strips inline comments like the ini package", () => {
    const sections = parseIni(
      '[s]\nplain = abc ; note\nescaped = a\\;b\\#c # note\njson = "x\\ty;z"\n[s]\nplain = last\n',
    );
    expect(sections.get("s")).toEqual({ plain: "last", escaped: "a;b#c", json: "x\ty;z" });
  });
});

describe("profile provider", () => {
  test("reads the default section", async () => {
    await home.write(".alibabacloud/credentials", CREDENTIALS);
    const provider = new ProfileCredentialProvider({ env: { HOME: home.path } });
    await expect(provider.getCredential()).resolves.toEqual({
      accessKeyId: "LTAI-default",
      accessKeySecret: "default-secret",
      providerName: "profile/static_ak",
    });
  });

  test("selects a section and a file from the environment", async () => {
    const file = await home.write("elsewhere.ini", CREDENTIALS);
    const provider = new ProfileCredentialProvider({
      env: { ALIBABA_CLOUD_CREDENTIALS_FILE: file, ALIBABA_CLOUD_PROFILE: "project" },
    });
    expect((await provider.getCredential()).accessKeyId).toBe("LTAI-project");
  });

  test("assumes a ram_role_arn section", async () => {
    const clock = new FakeClock();
    const sts = await startStsServer({
      secrets: { "LTAI-role": "role-secret" },
      expiration: () => clock.isoAfterMinutes(60),
    });
    servers.push(sts);
    await home.write(
      ".alibabacloud/credentials",
      '[default]\ntype = ram_role_arn\naccess_key_id = LTAI-role\naccess_key_secret = role-secret\nrole_arn = acs:ram::1:role/r\nrole_session_name = ini\npolicy = {"Version":"1"}\n',
    );
    const provider = new ProfileCredentialProvider({
      homeDir: home.path,
      stsEndpoint: sts.url,
      now: clock.now,
      env: {},
    });
    await expect(provider.getCredential()).resolves.toMatchObject({
      accessKeyId: "STS.session-1",
      providerName: "profile/ram_role_arn/static_ak",
    });
    expect(sts.parameters(0)).toMatchObject({
      RoleArn: "acs:ram::1:role/r",
      RoleSessionName: "ini",
      Policy: '{"Version":"1"}',
    });
  });

  test("reads an ecs_ram_role section", async () => {
    const clock = new FakeClock();
    const imds = await startImdsServer({
      roleName: "R",
      expiration: () => clock.isoAfterMinutes(360),
    });
    servers.push(imds);
    await home.write(
      ".alibabacloud/credentials",
      "[default]\ntype = ecs_ram_role\nrole_name = R\n",
    );
    const provider = new ProfileCredentialProvider({
      homeDir: home.path,
      ecsMetadataUrl: imds.url,
      now: clock.now,
      env: {},
    });
    await expect(provider.getCredential()).resolves.toMatchObject({
      providerName: "profile/ecs_ram_role",
    });
    expect(imds.requests.map((request) => request.url.pathname)).not.toContain(
      "/latest/meta-data/ram/security-credentials/",
    );
  });

  test("rejects an unknown type", async () => {
    await home.write(".alibabacloud/credentials", "[default]\ntype = rsa_key_pair\n");
    const provider = new ProfileCredentialProvider({ homeDir: home.path, env: {} });
    await expect(provider.getCredential()).rejects.toMatchObject({
      code: "UnsupportedProfileMode",
      message: expect.stringContaining(
        'has type "rsa_key_pair"; supported types: access_key, ecs_ram_role, ram_role_arn',
      ),
    });
  });

  test("names a missing section and key", async () => {
    await home.write(
      ".alibabacloud/credentials",
      "[other]\ntype = access_key\naccess_key_id = x\n",
    );
    const missingSection = new ProfileCredentialProvider({ homeDir: home.path, env: {} });
    await expect(missingSection.getCredential()).rejects.toThrow(
      "has no [default] section; add it or set ALIBABA_CLOUD_PROFILE to one of: other",
    );
    const missingKey = new ProfileCredentialProvider({
      homeDir: home.path,
      profileName: "other",
      env: {},
    });
    await expect(missingKey.getCredential()).rejects.toThrow(
      "section [other] of", // followed by the path
    );
    await expect(missingKey.getCredential()).rejects.toThrow(
      "(type access_key) has no access_key_secret",
    );
  });

  test("reports a missing file", async () => {
    const provider = new ProfileCredentialProvider({ homeDir: home.path, env: {} });
    await expect(provider.getCredential()).rejects.toThrow(
      `profile: ${join(home.path, ".alibabacloud", "credentials")} not found`,
    );
  });
});
