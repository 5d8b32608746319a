// Compiles contenders.ts, with the acs-sdk sources it imports, into one plain ESM file, so that
// every contender runs as ordinary JavaScript. Loaded straight from TypeScript through tsx, the
// code would carry tsx's per-closure `__name` wrappers, which no published build has.
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { scratchDir } from "./scratch.ts";

/** Builds and imports the contenders module. */
export async function loadContenders(): Promise<typeof import("./contenders.ts")> {
  const outfile = join(scratchDir("contenders"), "contenders.mjs");
  await build({
    entryPoints: [fileURLToPath(new URL("./contenders.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["@acs-sdk/source"],
    // The official client is loaded with require() from the repository at run time.
    external: ["node:*", "@alicloud/*"],
    outfile,
    logLevel: "error",
  });
  return import(pathToFileURL(outfile).href);
}
