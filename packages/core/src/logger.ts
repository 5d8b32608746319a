import type { Logger } from "./config.js";

function discard(): void {}

/** The default logger: it discards every message. */
export const silentLogger: Logger = {
  debug: discard,
  info: discard,
  warn: discard,
  error: discard,
};
