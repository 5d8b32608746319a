/** Finds the api-docs files of a metadata folder laid out as `<product>/<version>/api-docs.json`. */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { CorpusError } from "./corpus-error.js";

/** File name of Alibaba's api-docs metadata inside each `<product>/<version>/` folder. */
export const METADATA_FILE = "api-docs.json";

/** One product version of the metadata folder. */
export interface MetadataFile {
  readonly product: string;
  readonly version: string;
  /** Path of the api-docs.json file. */
  readonly path: string;
  /** File size, used to start the largest products first. */
  readonly bytes: number;
}

async function directories(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}

function selects(only: readonly string[], file: Pick<MetadataFile, "product" | "version">) {
  return only.includes(file.product) || only.includes(`${file.product}/${file.version}`);
}

/**
 * Lists every `<product>/<version>/api-docs.json` under `root`, sorted by product and version.
 * `only` keeps the entries whose product (`hbr`) or product and version (`hbr/2017-09-08`) it
 * names; every name in it must match something.
 */
export async function findMetadataFiles(
  root: string,
  only: readonly string[] = [],
): Promise<MetadataFile[]> {
  let products: string[];
  try {
    products = await directories(root);
  } catch (error) {
    throw new CorpusError(
      "no-metadata",
      `Cannot read the metadata folder ${root} (${(error as Error).message}). Pass a folder laid out as <product>/<version>/${METADATA_FILE}.`,
    );
  }
  const files: MetadataFile[] = [];
  for (const product of products) {
    for (const version of await directories(join(root, product))) {
      const path = join(root, product, version, METADATA_FILE);
      const bytes = await fileSize(path);
      if (bytes !== undefined && (only.length === 0 || selects(only, { product, version }))) {
        files.push({ product, version, path, bytes });
      }
    }
  }
  for (const name of only) {
    if (
      !files.some((file) => file.product === name || `${file.product}/${file.version}` === name)
    ) {
      throw new CorpusError(
        "product-not-found",
        `--only names ${name}, but ${root} has no ${name.includes("/") ? name : `${name}/<version>`}/${METADATA_FILE}. Check the spelling against the folder names.`,
      );
    }
  }
  if (files.length === 0) {
    throw new CorpusError(
      "no-metadata",
      `No <product>/<version>/${METADATA_FILE} was found under ${root}. Pass the folder that holds the product folders.`,
    );
  }
  return files;
}
