/** Temporary copies of spec directories that a test may break without touching specs/. */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";

/** The committed HBR spec directory. */
export const HBR_SPEC_DIR = fileURLToPath(
  new URL("../../../specs/hbr/2017-09-08", import.meta.url),
);

/** The fixture product that covers every parameter position, style and schema shape. */
export const WIDGETS_SPEC_DIR = fileURLToPath(
  new URL("./fixtures/widgets/2024-01-01", import.meta.url),
);

/** A spec directory copied into a fresh temporary directory. */
export interface SpecCopy {
  readonly dir: string;
  /** Rewrites one file of the copy through `edit`. */
  edit(file: string, edit: (text: string) => string): Promise<void>;
  remove(): Promise<void>;
}

/** Copies `source` to a new temporary directory. */
export async function copySpec(source: string): Promise<SpecCopy> {
  const root = await mkdtemp(join(tmpdir(), "acs-spec-"));
  const dir = join(root, "spec");
  await cp(source, dir, { recursive: true });
  return {
    dir,
    async edit(file, edit) {
      const path = join(dir, file);
      await writeFile(path, edit(await readFile(path, "utf8")));
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** Reverses the key order of every object, so that nothing stays in its written order. */
export function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(reverseKeys);
  }
  if (value === null || typeof value !== "object") {
    return value;
  }
  const entries = Object.entries(value).reverse();
  return Object.fromEntries(entries.map(([key, item]) => [key, reverseKeys(item)]));
}

/** Copies `source` with every key of its base document in reverse order. */
export async function copySpecWithReversedKeys(source: string): Promise<SpecCopy> {
  const copy = await copySpec(source);
  await copy.edit("openapi.yaml", (text) =>
    stringify(reverseKeys(parse(text, { intAsBigInt: true }))),
  );
  return copy;
}

/** Returns the content of one generated file, failing the test when it is missing. */
export function generatedFileContent(
  generated: {
    readonly name: string;
    readonly files: readonly { path: string; content: string }[];
  },
  path: string,
): string {
  const file = generated.files.find((item) => item.path === path);
  if (file === undefined) {
    throw new Error(`${generated.name} has no ${path}`);
  }
  return file.content;
}
