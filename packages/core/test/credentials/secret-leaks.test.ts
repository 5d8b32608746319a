import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { Logger } from "../../src/config.js";
import { CliProfileCredentialProvider } from "../../src/credentials/cli-profile-provider.js";
import type { CredentialProvider } from "../../src/credentials/credential.js";
import { CredentialsUriProvider } from "../../src/credentials/credentials-uri-provider.js";
import { defaultCredentialChain } from "../../src/credentials/default-chain.js";
import { EcsRamRoleCredentialProvider } from "../../src/credentials/ecs-ram-role-provider.js";
import { OidcRoleArnCredentialProvider } from "../../src/credentials/oidc-role-arn-provider.js";
import { RamRoleArnCredentialProvider } from "../../src/credentials/ram-role-arn-provider.js";
import {
  StaticAkCredentialProvider,
  StaticStsCredentialProvider,
} from "../../src/credentials/static-credentials.js";
import { type LoopbackServer, sendJson, startLoopbackServer } from "../support/loopback-server.js";
import { FakeClock } from "./support/fake-clock.js";
import { startImdsServer } from "./support/imds-server.js";
import { startStsServer } from "./support/sts-server.js";
import { createTempDir, type TempDir } from "./support/temp-dir.js";

const SOURCE_SECRET = "src-secret-7f3a";
const SOURCE_TOKEN = "src-token-9b2c/+=";
const OIDC_TOKEN = "oidc-token-4d1e";
const FILE_SECRET = "file-secret-3e5d";
const SECRETS = [
  SOURCE_SECRET,
  SOURCE_TOKEN,
  encodeURIComponent(SOURCE_TOKEN),
  OIDC_TOKEN,
  FILE_SECRET,
  "session-secret-",
  "session-token-",
  "ecs-secret-",
  "ecs-token-",
  "uri-secret",
];

let home: TempDir;
const servers: LoopbackServer[] = [];
const logLines: string[] = [];
const clock = new FakeClock();
const logger: Logger = {
  debug: (message, fields) => logLines.push(`${message} ${JSON.stringify(fields)}`),
  info: (message, fields) => logLines.push(`${message} ${JSON.stringify(fields)}`),
  warn: (message, fields) => logLines.push(`${message} ${JSON.stringify(fields)}`),
  error: (message, fields) => logLines.push(`${message} ${JSON.stringify(fields)}`),
};
const runtime = { now: clock.now, logger, env: {} };

beforeEach(async () => {
  home = await createTempDir();
  logLines.length = 0;
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await home.remove();
});

async function serve(server: Promise<LoopbackServer>): Promise<LoopbackServer> {
  const started = await server;
  servers.push(started);
  return started;
}

/** Everything a caller could print: message, stack, code, causes and aggregated errors. */
async function failureText(provider: CredentialProvider): Promise<string> {
  const error = await provider.getCredential().then(
    () => {
      throw new Error(`${provider.name} unexpectedly returned a credential`);
    },
    (caught: unknown) => caught,
  );
  return inspect(error, { depth: 8 });
}

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) {
    expect(text).not.toContain(secret);
  }
}

const stsSource = () =>
  new StaticStsCredentialProvider({
    accessKeyId: "STS.source",
    accessKeySecret: SOURCE_SECRET,
    securityToken: SOURCE_TOKEN,
  });

describe("secret leaks", () => {
  test("STS rejections", async () => {
    const wrongSecret = await serve(
      startStsServer({
        secrets: { "STS.source": "other" },
        expiration: () => clock.isoAfterMinutes(60),
      }),
    );
    const echo = await serve(
      startLoopbackServer((request, response) =>
        sendJson(response, 400, {
          Code: "SignatureDoesNotMatch",
          Message: `server string to sign is:POST&%2F&${encodeURIComponent(encodeURIComponent(request.url.search))}`,
        }),
      ),
    );
    const generic = await serve(
      startLoopbackServer((request, response) =>
        sendJson(response, 403, {
          Code: "NoPermission",
          Message: `token ${new URLSearchParams(request.url.search).get("SecurityToken")} denied`,
        }),
      ),
    );
    for (const endpoint of [wrongSecret, echo, generic]) {
      const provider = new RamRoleArnCredentialProvider({
        ...runtime,
        source: stsSource(),
        roleArn: "acs:ram::1:role/r",
        stsEndpoint: endpoint.url,
      });
      expectNoSecret(await failureText(provider));
    }
  });

  test("OIDC rejection", async () => {
    const sts = await serve(
      startStsServer({ secrets: {}, oidcTokens: [], expiration: () => clock.isoAfterMinutes(60) }),
    );
    const provider = new OidcRoleArnCredentialProvider({
      ...runtime,
      roleArn: "acs:ram::1:role/r",
      oidcProviderArn: "acs:ram::1:oidc-provider/p",
      oidcTokenFile: await home.write("token", OIDC_TOKEN),
      stsEndpoint: sts.url,
    });
    expectNoSecret(await failureText(provider));
  });

  test("malformed session responses", async () => {
    const bodies = [
      { Credentials: { AccessKeySecret: "session-secret-x", SecurityToken: "session-token-x" } },
      "not json session-secret-x",
    ];
    for (const body of bodies) {
      const endpoint = await serve(
        startLoopbackServer((_request, response) => {
          if (typeof body === "string") {
            response.end(body);
          } else {
            sendJson(response, 200, body);
          }
        }),
      );
      const role = new RamRoleArnCredentialProvider({
        ...runtime,
        source: stsSource(),
        roleArn: "acs:ram::1:role/r",
        stsEndpoint: endpoint.url,
      });
      const uri = new CredentialsUriProvider({
        ...runtime,
        credentialsUri: `${endpoint.url}/?uri-secret=1`,
      });
      expectNoSecret(await failureText(role));
      expectNoSecret(await failureText(uri));
    }
  });

  test("metadata document without Success", async () => {
    const imds = await serve(
      startImdsServer({
        roleName: "R",
        code: "Failed",
        expiration: () => clock.isoAfterMinutes(60),
      }),
    );
    const provider = new EcsRamRoleCredentialProvider({ ...runtime, metadataUrl: imds.url });
    expectNoSecret(await failureText(provider));
  });

  test("unreadable CLI configuration", async () => {
    await home.write(".aliyun/config.json", `{"profiles":[{"access_key_secret":"${FILE_SECRET}"`);
    const provider = new CliProfileCredentialProvider({ ...runtime, homeDir: home.path });
    expectNoSecret(await failureText(provider));
  });

  test("chain failure and refresh logs", async () => {
    let failing = false;
    const sts = await serve(
      startStsServer({
        secrets: { "LTAI-x": SOURCE_SECRET },
        expiration: () => clock.isoAfterMinutes(60),
        override: (request) =>
          failing
            ? { status: 500, body: { Code: "InternalError", Message: request.body.toString() } }
            : undefined,
      }),
    );
    const provider = new RamRoleArnCredentialProvider({
      ...runtime,
      source: new StaticAkCredentialProvider({
        accessKeyId: "LTAI-x",
        accessKeySecret: SOURCE_SECRET,
      }),
      roleArn: "acs:ram::1:role/r",
      stsEndpoint: sts.url,
    });
    await provider.getCredential();
    failing = true;
    clock.advanceMinutes(50);
    await provider.getCredential();
    clock.advanceMinutes(20);
    expectNoSecret(await failureText(provider));

    await home.write(
      ".aliyun/config.json",
      JSON.stringify({
        current: "p",
        profiles: [
          {
            name: "p",
            mode: "StsToken",
            access_key_id: "STS.x",
            access_key_secret: FILE_SECRET,
            sts_token: "",
          },
        ],
      }),
    );
    const chain = defaultCredentialChain({ ...runtime, env: { HOME: home.path } });
    expectNoSecret(await failureText(chain));

    expect(logLines.some((line) => line.startsWith("credential refresh failed"))).toBe(true);
    expect(logLines.some((line) => line.startsWith("credential provider skipped"))).toBe(true);
    expectNoSecret(logLines.join("\n"));
  });
});
