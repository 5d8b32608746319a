import { describe, expect, test } from "vitest";
import { CredentialsError } from "../../src/credentials/credentials-error.js";
import { EnvCredentialProvider } from "../../src/credentials/env-provider.js";
import {
  StaticAkCredentialProvider,
  StaticStsCredentialProvider,
} from "../../src/credentials/static-credentials.js";

describe("static providers", () => {
  test("static_ak returns the pair", async () => {
    const provider = new StaticAkCredentialProvider({ accessKeyId: "id", accessKeySecret: "sk" });
    expect(provider.name).toBe("static_ak");
    expect(await provider.getCredential()).toEqual({
      accessKeyId: "id",
      accessKeySecret: "sk",
      providerName: "static_ak",
    });
  });

  test("static_ak rejects an empty secret", () => {
    const build = () => new StaticAkCredentialProvider({ accessKeyId: "id", accessKeySecret: " " });
    expect(build).toThrow(CredentialsError);
    expect(build).toThrow("static_ak: accessKeySecret is empty");
  });

  test("static_sts returns the session", async () => {
    const expiration = new Date("2030-01-01T00:00:00Z");
    const provider = new StaticStsCredentialProvider({
      accessKeyId: "STS.id",
      accessKeySecret: "sk",
      securityToken: "token",
      expiration,
    });
    expect(await provider.getCredential()).toEqual({
      accessKeyId: "STS.id",
      accessKeySecret: "sk",
      securityToken: "token",
      expiration,
      providerName: "static_sts",
    });
  });

  test("static_sts requires a token", () => {
    expect(
      () =>
        new StaticStsCredentialProvider({
          accessKeyId: "id",
          accessKeySecret: "sk",
          securityToken: "",
        }),
    ).toThrow(expect.objectContaining({ code: "InvalidCredentialOptions" }));
  });
});

describe("env provider", () => {
  test("reads an AccessKey pair", async () => {
    const env = { ALIBABA_CLOUD_ACCESS_KEY_ID: "id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "sk" };
    const credential = await new EnvCredentialProvider({ env }).getCredential();
    expect(credential).toEqual({ accessKeyId: "id", accessKeySecret: "sk", providerName: "env" });
  });

  test("reads a security token", async () => {
    const env = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: "STS.id",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "sk",
      ALIBABA_CLOUD_SECURITY_TOKEN: "token",
    };
    const credential = await new EnvCredentialProvider({ env }).getCredential();
    expect(credential.securityToken).toBe("token");
    expect(credential.providerName).toBe("env");
  });

  test("names the missing variable", async () => {
    const provider = new EnvCredentialProvider({ env: { ALIBABA_CLOUD_ACCESS_KEY_ID: "id" } });
    await expect(provider.getCredential()).rejects.toMatchObject({
      code: "CredentialSourceNotConfigured",
      message: "env: ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set",
    });
  });

  test("picks up rotated values", async () => {
    const env: Record<string, string> = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: "id-1",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "sk-1",
    };
    const provider = new EnvCredentialProvider({ env });
    expect((await provider.getCredential()).accessKeyId).toBe("id-1");
    env.ALIBABA_CLOUD_ACCESS_KEY_ID = "id-2";
    expect((await provider.getCredential()).accessKeyId).toBe("id-2");
  });
});
