import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import {
  ADD_CROSS_ACCOUNT,
  hasValidSignature,
  sendJson,
  useClientFixture,
} from "./support/loopback-server.js";

const fixture = useClientFixture({ credentials: undefined });
const savedEnv = { ...process.env };
const homes: string[] = [];

/** Replaces this worker's environment for one test; afterEach restores it. */
function useEnv(env: Record<string, string>): void {
  for (const name of Object.keys(process.env)) {
    delete process.env[name];
  }
  Object.assign(process.env, env);
}

afterEach(() => {
  useEnv(savedEnv as Record<string, string>);
  for (const home of homes.splice(0)) {
    rmSync(home, { recursive: true, force: true });
  }
});

async function sendOnce() {
  const { server, client } = await fixture.start((_request, response) =>
    sendJson(response, 200, { RequestId: "r" }),
  );
  await client.send(ADD_CROSS_ACCOUNT, { Alias: "a" });
  const request = server.requests[0];
  if (request === undefined) {
    throw new Error("the server received no request");
  }
  return request;
}

describe("AcsClient without credentials", () => {
  test("environment AccessKey comes first", async () => {
    useEnv({
      ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI5tEnvAccessKeyId",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "EnvSecretValue1234",
      ALIBABA_CLOUD_SECURITY_TOKEN: "EnvTokenValue1234",
    });
    const request = await sendOnce();
    expect(request.headers["x-acs-credentials-provider"]).toBe("default/env");
    expect(request.headers["x-acs-accesskey-id"]).toBe("LTAI5tEnvAccessKeyId");
    expect(request.headers["x-acs-security-token"]).toBe("EnvTokenValue1234");
    expect(hasValidSignature(request, "EnvSecretValue1234")).toBe(true);
  });

  test("default chain reads the INI profile", async () => {
    const home = mkdtempSync(join(tmpdir(), "acs-sdk-home-"));
    homes.push(home);
    mkdirSync(join(home, ".alibabacloud"));
    writeFileSync(
      join(home, ".alibabacloud", "credentials"),
      "[default]\ntype = access_key\naccess_key_id = LTAI5tIniAccessKeyId\naccess_key_secret = IniSecretValue1234\n",
    );
    useEnv({ HOME: home });
    const request = await sendOnce();
    expect(request.headers["x-acs-credentials-provider"]).toMatch(/^default\/profile/);
    expect(String(request.headers.authorization)).toContain("Credential=LTAI5tIniAccessKeyId,");
    expect(hasValidSignature(request, "IniSecretValue1234")).toBe(true);
  });
});
