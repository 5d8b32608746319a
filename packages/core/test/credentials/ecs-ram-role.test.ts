import { afterEach, describe, expect, test } from "vitest";
import { EcsRamRoleCredentialProvider } from "../../src/credentials/ecs-ram-role-provider.js";
import type { LoopbackServer } from "../support/loopback-server.js";
import { FakeClock } from "./support/fake-clock.js";
import { IMDS_TOKEN, type ImdsServerOptions, startImdsServer } from "./support/imds-server.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function startImds(clock: FakeClock, options: Partial<ImdsServerOptions> = {}) {
  server = await startImdsServer({
    roleName: "EcsBackupRole",
    expiration: () => clock.isoAfterMinutes(360),
    ...options,
  });
  return server;
}

function calls(imds: LoopbackServer): string[] {
  return imds.requests.map(
    (request) =>
      `${request.method} ${request.url.pathname} ${request.headers["x-aliyun-ecs-metadata-token"] ?? "-"}`,
  );
}

describe("ecs_ram_role provider", () => {
  test("uses an IMDSv2 token and discovers the role", async () => {
    const clock = new FakeClock();
    const imds = await startImds(clock);
    const provider = new EcsRamRoleCredentialProvider({
      metadataUrl: imds.url,
      now: clock.now,
      env: {},
    });

    const credential = await provider.getCredential();

    expect(credential).toEqual({
      accessKeyId: "STS.ecs-1",
      accessKeySecret: "ecs-secret-1",
      securityToken: "ecs-token-1",
      expiration: new Date(clock.isoAfterMinutes(360)),
      providerName: "ecs_ram_role",
    });
    expect(calls(imds)).toEqual([
      "PUT /latest/api/token -",
      `GET /latest/meta-data/ram/security-credentials/ ${IMDS_TOKEN}`,
      `GET /latest/meta-data/ram/security-credentials/EcsBackupRole ${IMDS_TOKEN}`,
    ]);
    expect(imds.requests[0]?.headers["x-aliyun-ecs-metadata-token-ttl-seconds"]).toBe("21600");
  });

  test("skips discovery for a configured role", async () => {
    const clock = new FakeClock();
    const imds = await startImds(clock);
    const provider = new EcsRamRoleCredentialProvider({
      metadataUrl: imds.url,
      now: clock.now,
      env: { ALIBABA_CLOUD_ECS_METADATA: "EcsBackupRole" },
    });
    await provider.getCredential();
    expect(calls(imds)).toEqual([
      "PUT /latest/api/token -",
      `GET /latest/meta-data/ram/security-credentials/EcsBackupRole ${IMDS_TOKEN}`,
    ]);
  });

  test("falls back to IMDSv1", async () => {
    const clock = new FakeClock();
    const imds = await startImds(clock, { tokenStatus: 404 });
    const provider = new EcsRamRoleCredentialProvider({
      metadataUrl: imds.url,
      now: clock.now,
      env: {},
    });
    await expect(provider.getCredential()).resolves.toMatchObject({ accessKeyId: "STS.ecs-1" });
    expect(calls(imds)).toEqual([
      "PUT /latest/api/token -",
      "GET /latest/meta-data/ram/security-credentials/ -",
      "GET /latest/meta-data/ram/security-credentials/EcsBackupRole -",
    ]);
  });

  test("stops when IMDSv1 is disabled", async () => {
    const clock = new FakeClock();
    const imds = await startImds(clock, { tokenStatus: 403 });
    const provider = new EcsRamRoleCredentialProvider({
      metadataUrl: imds.url,
      now: clock.now,
      env: { ALIBABA_CLOUD_IMDSV1_DISABLED: "true" },
    });
    await expect(provider.getCredential()).rejects.toMatchObject({
      code: "CredentialRequestFailed",
      message: `ecs_ram_role: PUT ${imds.url}/latest/api/token returned HTTP 403`,
    });
    expect(imds.requests).toHaveLength(1);
  });

  test("rejects a document without Success", async () => {
    const clock = new FakeClock();
    const imds = await startImds(clock, { code: "Failed" });
    const provider = new EcsRamRoleCredentialProvider({
      metadataUrl: imds.url,
      now: clock.now,
      env: {},
    });
    const error = (await provider.getCredential().catch((caught: unknown) => caught)) as Error;
    expect(error).toMatchObject({ code: "InvalidCredentialResponse" });
    expect(error.message).toContain('has Code "Failed", expected "Success"');
    expect(error.message).not.toContain("ecs-secret-1");
  });

  test("refreshes one hour before expiry", async () => {
    const clock = new FakeClock();
    const imds = await startImds(clock);
    const provider = new EcsRamRoleCredentialProvider({
      metadataUrl: imds.url,
      roleName: "EcsBackupRole",
      now: clock.now,
      env: {},
    });
    await provider.getCredential();
    clock.advanceMinutes(299);
    expect((await provider.getCredential()).accessKeyId).toBe("STS.ecs-1");
    clock.advanceMinutes(2);
    expect((await provider.getCredential()).accessKeyId).toBe("STS.ecs-2");
  });

  test("honours the disable switch", () => {
    expect(
      () =>
        new EcsRamRoleCredentialProvider({
          metadataUrl: "http://127.0.0.1:9",
          env: { ALIBABA_CLOUD_ECS_METADATA_DISABLED: "TRUE" },
        }),
    ).toThrow(expect.objectContaining({ code: "CredentialSourceNotConfigured" }));
  });
});
