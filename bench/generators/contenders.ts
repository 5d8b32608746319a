// The three generators under test. Each turns one converted spec (openapi.yaml) into files under
// an output folder; the child process times the call and reports its peak memory.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generateProducts } from "@acs-sdk/generate";
import { createClient } from "@hey-api/openapi-ts";
import openapiTS, { astToString } from "openapi-typescript";

/** Names of the contenders, in the order the tables list them. */
export const CONTENDERS = ["acs-sdk", "openapi-typescript", "hey-api"] as const;

export type ContenderName = (typeof CONTENDERS)[number];

/** Input of a contender run. */
export interface ContenderInput {
  /** The specs root that contains `<product>/<version>/openapi.yaml`. */
  readonly specsRoot: string;
  readonly product: string;
  readonly version: string;
  /** An empty folder for the output. */
  readonly outDir: string;
}

function specFile(input: ContenderInput): string {
  return join(input.specsRoot, input.product, input.version, "openapi.yaml");
}

/** Generates with one contender. */
export async function runContender(name: ContenderName, input: ContenderInput): Promise<void> {
  switch (name) {
    case "acs-sdk": {
      // The whole `pnpm generate` pipeline: load and validate the spec, generate the types,
      // validators and client packages, and write them.
      const outcome = await generateProducts({
        specsRoot: input.specsRoot,
        packagesRoot: input.outDir,
        products: [input.product],
      });
      if (!outcome.ok) {
        throw new Error(`acs-sdk rejected ${input.product}: ${outcome.diagnostics[0]?.message}`);
      }
      return;
    }
    case "openapi-typescript": {
      // Types only, as its CLI writes them: one file.
      const nodes = await openapiTS(pathToFileURL(specFile(input)));
      await writeFile(join(input.outDir, "schema.d.ts"), astToString(nodes));
      return;
    }
    case "hey-api": {
      // Types, an SDK function per operation (with its fetch client) and zod schemas.
      await createClient({
        input: specFile(input),
        output: { path: input.outDir },
        plugins: ["@hey-api/typescript", "@hey-api/sdk", "zod"],
        logs: { level: "silent" },
      });
      return;
    }
  }
}
