import { parseArgs } from "node:util";
import type { MockCredential } from "../credential-store.js";
import { MockServerError } from "../errors.js";

/** The parsed command line. */
export interface CliArguments {
  readonly help: boolean;
  readonly specs: readonly string[];
  readonly credential: MockCredential;
  readonly host: string;
  readonly port: number;
  readonly verbose: boolean;
  readonly rejectUnknownParameters: boolean;
}

/** The `--help` text. */
export const USAGE = `Usage: acs-mock-server --spec <dir> [--spec <dir> ...] [options]

Serves the operations of the given spec directories like Alibaba Cloud's API gateway.

Options:
  --spec <dir>                  Spec directory (openapi.yaml plus overlays); repeatable.
  --access-key-id <id>          AccessKey ID to accept (default: $ALIBABA_CLOUD_ACCESS_KEY_ID).
  --access-key-secret <secret>  Its secret (default: $ALIBABA_CLOUD_ACCESS_KEY_SECRET).
  --security-token <token>      Require this STS token (default: $ALIBABA_CLOUD_SECURITY_TOKEN).
  --host <address>              Address to listen on (default: 127.0.0.1).
  --port <port>                 Port to listen on; 0 picks a free one (default: 0).
  --reject-unknown-parameters   Answer InvalidParameter for keys the operation does not declare.
  --verbose                     Print one line per request to stderr.
  --help                        Print this text.

Prints "acs-mock-server listening on <url>" once ready; stops on SIGINT or SIGTERM.`;

/**
 * Reads the command line. Credentials fall back to the environment variables the official
 * credential chain reads, so a secret need not appear in the process list.
 *
 * @throws MockServerError `invalid-option` for unknown flags or missing values.
 */
export function parseCliArguments(argv: readonly string[], env: NodeJS.ProcessEnv): CliArguments {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (cause) {
    throw new MockServerError("invalid-option", `${(cause as Error).message}. See --help.`, {
      cause,
    });
  }
  const { values } = parsed;
  const help = values.help ?? false;
  const specs = values.spec ?? [];
  const accessKeyId = values["access-key-id"] ?? env.ALIBABA_CLOUD_ACCESS_KEY_ID ?? "";
  const accessKeySecret = values["access-key-secret"] ?? env.ALIBABA_CLOUD_ACCESS_KEY_SECRET ?? "";
  const securityToken = values["security-token"] ?? env.ALIBABA_CLOUD_SECURITY_TOKEN;
  if (!help) {
    if (specs.length === 0) {
      throw new MockServerError(
        "invalid-option",
        "--spec is required, for example --spec specs/hbr/2017-09-08.",
      );
    }
    if (accessKeyId === "" || accessKeySecret === "") {
      throw new MockServerError(
        "invalid-option",
        "An AccessKey pair is required: pass --access-key-id and --access-key-secret, or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET.",
      );
    }
  }
  const portText = values.port ?? "0";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535) {
    throw new MockServerError(
      "invalid-option",
      `--port is "${portText}"; give a number from 0 to 65535.`,
    );
  }
  return {
    help,
    specs,
    credential: {
      accessKeyId,
      accessKeySecret,
      ...(securityToken === undefined || securityToken === "" ? {} : { securityToken }),
    },
    host: values.host ?? "127.0.0.1",
    port,
    verbose: values.verbose ?? false,
    rejectUnknownParameters: values["reject-unknown-parameters"] ?? false,
  };
}

function parseCommandLine(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      spec: { type: "string", multiple: true },
      "access-key-id": { type: "string" },
      "access-key-secret": { type: "string" },
      "security-token": { type: "string" },
      host: { type: "string" },
      port: { type: "string" },
      "reject-unknown-parameters": { type: "boolean" },
      verbose: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
}
