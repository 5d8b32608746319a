#!/usr/bin/env node
// Committed launcher for the `acs-mock-server` command. pnpm and npm link a package's bins at
// install time, before any build, so the bin must be a file that already exists. It loads the
// compiled CLI when run.
const entry = new URL("../dist/cli/main.js", import.meta.url);
try {
  await import(entry.href);
} catch (error) {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes(entry.pathname)) {
    process.stderr.write(
      "acs-mock-server is not built yet: run `pnpm turbo run build --filter=@acs-sdk/mock-server...` first.\n",
    );
    process.exitCode = 1;
  } else {
    throw error;
  }
}
