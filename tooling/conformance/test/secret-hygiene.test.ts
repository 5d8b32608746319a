/**
 * No AccessKey secret, security token or OIDC token may appear in anything a caller can print
 * when a call fails: error messages, stacks, `JSON.stringify`, `util.inspect` (causes and hidden
 * fields included) and logger output. Each scenario fails a call end to end, against the mock
 * server or a loopback server that echoes what it received, and collects that text.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import {
  type AcsClient,
  type ClientConfig,
  type CredentialProvider,
  percentEncode,
} from "@acs-sdk/core";
import {
  CredentialsUriProvider,
  defaultCredentialChain,
  RamRoleArnCredentialProvider,
  StaticStsCredentialProvider,
} from "@acs-sdk/core/credentials";
import { HbrClient } from "@acs-sdk/hbr-client";
import { requestValidators } from "@acs-sdk/hbr-validators";
import { type MockServer, startMockServer } from "@acs-sdk/mock-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AK, HBR_SPEC, recordingLogger, STS } from "./support/fixtures.js";
import { DESCRIBE_RECORDS, RECORDS_SPEC, recordsClient } from "./support/records-product.js";

const WRONG_SECRET = "wrong-secret/Hygiene+1Ab=";
const WRONG_TOKEN = "CAIS-wrong-token/Hygiene+2Cd==";
const FILE_SECRET = "file-secret/Hygiene+3Ef=";
const CLI_SECRET = "cli-secret/Hygiene+4Gh=";
const OIDC_TOKEN = "oidc-token.Hygiene.5Ij";
const URI_TOKEN = "uri-token-Hygiene-6Kl";

/** Every secret any scenario uses, the mock server's own included. */
const SECRETS = [
  AK.accessKeySecret,
  STS.accessKeySecret,
  STS.securityToken,
  WRONG_SECRET,
  WRONG_TOKEN,
  FILE_SECRET,
  CLI_SECRET,
  OIDC_TOKEN,
  URI_TOKEN,
];

/** Lists the forms a secret may take in text: raw, percent-encoded once or twice, form-encoded. */
function secretForms(secret: string): string[] {
  const once = percentEncode(secret);
  return [
    secret,
    once,
    percentEncode(once),
    encodeURIComponent(secret),
    secret.replaceAll("+", " "),
  ];
}

const logger = recordingLogger();
/** What each scenario exposed, by scenario name. */
const exposed = new Map<string, string[]>();
let server: MockServer;
let echo: EchoServer;
let home: string;
const clients: AcsClient[] = [];

beforeAll(async () => {
  server = await startMockServer({
    spec: [HBR_SPEC, RECORDS_SPEC],
    credentials: [AK, STS],
    validators: requestValidators,
  });
  echo = await startEchoServer();
  home = await mkdtemp(join(tmpdir(), "conformance-home-"));
});
afterAll(async () => {
  for (const client of clients) {
    client.destroy();
  }
  await Promise.all([server.close(), echo.close(), rm(home, { recursive: true, force: true })]);
});

/** Everything a caller could print about an error. */
function printable(error: unknown): string[] {
  const texts = [inspect(error, { depth: null, showHidden: true }), JSON.stringify(error)];
  if (error instanceof Error) {
    texts.push(String(error), error.message, error.stack ?? "");
  }
  return texts;
}

/** Runs a call that must fail, records what it exposes and returns the error. */
async function expose(scenario: string, call: () => Promise<unknown>): Promise<unknown> {
  const error = await call().then(
    () => expect.unreachable(`${scenario}: the call succeeded`),
    (caught: unknown) => caught,
  );
  exposed.set(scenario, printable(error));
  return error;
}

function hbr(config: ClientConfig): HbrClient {
  const client = new HbrClient({ retry: { maxAttempts: 1 }, logger, ...config });
  clients.push(client);
  return client;
}

function addCrossAccount(client: HbrClient) {
  return client.addCrossAccount({ Alias: "hygiene", CrossAccountUserId: 1589753000000625 });
}

describe("failing calls", () => {
  test("SignatureDoesNotMatch with a wrong AccessKey secret", async () => {
    const credentials = {
      accessKeyId: AK.accessKeyId,
      accessKeySecret: WRONG_SECRET,
      providerName: "static_ak",
    };
    const error = await expose("wrong AK secret", () =>
      addCrossAccount(hbr({ endpoint: server.url, credentials })),
    );
    expect(error).toMatchObject({ code: "SignatureDoesNotMatch", httpStatus: 400 });
    // The diagnosis is there, only the secret is not.
    expect((error as Error).message).toContain("Client canonical request:");
  });

  test("SignatureDoesNotMatch with a wrong STS secret", async () => {
    const credentials = new StaticStsCredentialProvider({ ...STS, accessKeySecret: WRONG_SECRET });
    const error = await expose("wrong STS secret", () =>
      addCrossAccount(hbr({ endpoint: server.url, credentials })),
    );
    expect(error).toMatchObject({ code: "SignatureDoesNotMatch" });
    // The canonical request lists x-acs-security-token, with its value removed.
    expect((error as Error).message).toContain("x-acs-security-token:");
  });

  test("security token that does not match", async () => {
    const credentials = new StaticStsCredentialProvider({ ...STS, securityToken: WRONG_TOKEN });
    const error = await expose("wrong STS token", () =>
      addCrossAccount(hbr({ endpoint: server.url, credentials })),
    );
    expect(error).toMatchObject({ code: "InvalidSecurityToken.MismatchWithAccessKey" });
  });

  test("error body that echoes the request", async () => {
    const credentials = new StaticStsCredentialProvider(STS);
    const error = await expose("echoing server", () =>
      addCrossAccount(hbr({ endpoint: echo.url, credentials })),
    );
    expect(error).toMatchObject({ code: "InvalidParameter", httpStatus: 400 });
    // The server echoed the token; the error keeps the body with the token replaced.
    const data = JSON.stringify((error as { data: unknown }).data);
    expect(data).toContain("x-acs-security-token");
    expect(data).toContain("[redacted]");
  });

  test("read timeout after retries", async () => {
    server.addFault({
      action: "DescribeRecords",
      fault: { kind: "delay-headers", delayMs: 5_000 },
    });
    const client = recordsClient({
      endpoint: server.url,
      credentials: new StaticStsCredentialProvider(STS),
      readTimeoutMs: 100,
      retry: { maxAttempts: 2, sleep: async () => {} },
      logger,
    });
    clients.push(client);
    const error = await expose("read timeout", () => client.send(DESCRIBE_RECORDS, {}));
    expect(error).toMatchObject({ code: "ReadTimeout" });
    expect(logger.records.some((record) => record.message === "Retrying request")).toBe(true);
    server.clearFaults();
  });
});

describe("failing credentials", () => {
  test("default chain with every source broken", async () => {
    const tokenFile = join(home, "oidc-token");
    await writeFile(tokenFile, OIDC_TOKEN);
    await mkdir(join(home, ".alibabacloud"), { recursive: true });
    await writeFile(
      join(home, ".alibabacloud", "credentials"),
      `[default]\ntype = unknown_type\naccess_key_id = file-id\naccess_key_secret = ${FILE_SECRET}\n`,
    );
    await mkdir(join(home, ".aliyun"), { recursive: true });
    await writeFile(
      join(home, ".aliyun", "config.json"),
      `{"current": "p", "profiles": [{"name": "p", "mode": "Bogus", "access_key_secret": "${CLI_SECRET}"},`,
    );
    const chain = defaultCredentialChain({
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: "env-id-without-secret",
        ALIBABA_CLOUD_ROLE_ARN: "acs:ram::1:role/hygiene",
        ALIBABA_CLOUD_OIDC_PROVIDER_ARN: "acs:ram::1:oidc-provider/hygiene",
        ALIBABA_CLOUD_OIDC_TOKEN_FILE: tokenFile,
        ALIBABA_CLOUD_CREDENTIALS_URI: `${echo.url}/credentials?token=${URI_TOKEN}`,
      },
      homeDir: home,
      stsEndpoint: echo.url,
      logger,
    });
    const error = await expose("default chain", () =>
      addCrossAccount(hbr({ endpoint: server.url, credentials: chain })),
    );
    expect(error).toMatchObject({ name: "CredentialsError", code: "NoCredentialsInChain" });
    // The OIDC provider reached STS and the URI provider its endpoint, so both failed late.
    expect(echo.paths).toContain("/");
    expect(echo.paths).toContain("/credentials");
  });

  test("AssumeRole error that echoes the string to sign", async () => {
    const source = new StaticStsCredentialProvider(STS);
    const provider: CredentialProvider = new RamRoleArnCredentialProvider({
      source,
      roleArn: "acs:ram::1:role/hygiene",
      stsEndpoint: echo.url,
      logger,
    });
    const error = await expose("AssumeRole", () =>
      addCrossAccount(hbr({ endpoint: server.url, credentials: provider })),
    );
    expect(error).toMatchObject({ name: "CredentialsError" });
  });

  test("credentials URI with a token in its query", async () => {
    const provider = new CredentialsUriProvider({
      credentialsUri: `${echo.url}/credentials?token=${URI_TOKEN}`,
      logger,
    });
    const error = await expose("credentials URI", () =>
      addCrossAccount(hbr({ endpoint: server.url, credentials: provider })),
    );
    expect(error).toMatchObject({ code: "CredentialRequestFailed" });
  });
});

test("no secret in any error or log line", () => {
  expect([...exposed.keys()]).toHaveLength(8);
  exposed.set("logger", [
    JSON.stringify(logger.records),
    inspect(logger.records, { depth: null, showHidden: true }),
  ]);
  const leaks: string[] = [];
  for (const [scenario, texts] of exposed) {
    for (const secret of SECRETS) {
      for (const form of secretForms(secret)) {
        if (texts.some((text) => text.includes(form))) {
          leaks.push(`${scenario}: ${form}`);
        }
      }
    }
  }
  expect(leaks).toEqual([]);
});

/** A loopback server that responds to every request with an error body echoing the request. */
interface EchoServer {
  readonly url: string;
  /** Paths requested so far. */
  readonly paths: string[];
  close(): Promise<void>;
}

async function startEchoServer(): Promise<EchoServer> {
  const paths: string[] = [];
  const answer = (request: IncomingMessage, body: string, response: ServerResponse): void => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    paths.push(url.pathname);
    const received = `${request.method} ${request.url} ${JSON.stringify(request.headers)} ${body}`;
    const params = new URLSearchParams(body);
    // STS-style: a string to sign holding every parameter, tokens included.
    const stringToSign = `POST&%2F&${encodeURIComponent([...url.searchParams, ...params].map(([k, v]) => `${k}=${percentEncode(v)}`).join("&"))}`;
    response.writeHead(400, { "content-type": "application/json;charset=utf-8" });
    response.end(
      JSON.stringify({
        Code: url.searchParams.has("Signature") ? "SignatureDoesNotMatch" : "InvalidParameter",
        Message: `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
        RequestId: "ECHO-1",
        Received: received,
        Token: request.headers["x-acs-security-token"],
      }),
    );
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => answer(request, Buffer.concat(chunks).toString(), response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    paths,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
