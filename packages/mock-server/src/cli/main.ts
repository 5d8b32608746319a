/**
 * Entry point of the `acs-mock-server` command. Prints the listening URL on stdout once ready,
 * so scripts can read it, and stops cleanly on SIGINT or SIGTERM.
 */
import type { Logger } from "@acs-sdk/core";
import { MockServerError } from "../errors.js";
import { startMockServer } from "../mock-server.js";
import { parseCliArguments, USAGE } from "./arguments.js";

/** Writes request lines to stderr, keeping stdout for the URL. */
const stderrLogger: Logger = {
  debug: () => {},
  info: (message, fields) => console.error(message, JSON.stringify(fields ?? {})),
  warn: (message, fields) => console.error(message, JSON.stringify(fields ?? {})),
  error: (message, fields) => console.error(message, JSON.stringify(fields ?? {})),
};

async function main(): Promise<number> {
  const cli = parseCliArguments(process.argv.slice(2), process.env);
  if (cli.help) {
    console.log(USAGE);
    return 0;
  }
  const server = await startMockServer({
    spec: cli.specs,
    credentials: [cli.credential],
    host: cli.host,
    port: cli.port,
    rejectUnknownParameters: cli.rejectUnknownParameters,
    ...(cli.verbose ? { logger: stderrLogger } : {}),
  });
  console.log(`acs-mock-server listening on ${server.url}`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.close();
  console.error(`acs-mock-server stopped (${signal})`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof MockServerError) {
      console.error(`acs-mock-server: ${error.message}`);
      process.exitCode = error.code === "invalid-option" ? 2 : 1;
      return;
    }
    console.error(error);
    process.exitCode = 1;
  },
);
