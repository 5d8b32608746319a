// Bundles an application entry with esbuild the way a Node.js application would be shipped
// (ESM, minified, node:* external) and measures gzipped bytes.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { scratchDir } from "./scratch.ts";

/** Minified bytes that each source module (path relative to the working directory) adds. */
export type ModuleBytes = ReadonlyMap<string, number>;

/** Sizes of one bundled application. */
export interface BundleSizes {
  /** One file with everything, lazily imported modules included. */
  readonly singleFile: {
    readonly bytes: number;
    readonly gzipBytes: number;
    readonly path: string;
  };
  /**
   * With code splitting: the entry and the chunks it imports statically, which is what the
   * application loads at start-up. Chunks it imports with `import()` are counted separately.
   */
  readonly initialLoad: {
    readonly files: number;
    readonly bytes: number;
    readonly gzipBytes: number;
    readonly path: string;
    readonly modules: ModuleBytes;
  };
  readonly lazyChunks: {
    readonly files: number;
    readonly bytes: number;
    readonly gzipBytes: number;
    readonly modules: ModuleBytes;
  };
}

const gzip = (data: Uint8Array): number => gzipSync(data, { level: 9 }).length;

/**
 * Lets CommonJS dependencies `require` Node.js built-ins from an ESM bundle, which esbuild's own
 * `require` shim cannot do. Applications that bundle CommonJS packages into ESM add it; only the
 * official client needs it here.
 */
export const CREATE_REQUIRE_BANNER =
  'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);';

async function bundle(entry: string, outdir: string, splitting: boolean, banner: string) {
  return build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    minify: true,
    external: ["node:*"],
    conditions: ["@acs-sdk/source"],
    splitting,
    outdir,
    metafile: true,
    write: false,
    logLevel: "error",
    banner: { js: banner },
  });
}

/**
 * Bundles `entry` twice (single file, code-split) into a temporary folder and measures both.
 *
 * @param banner - Code put first in every output file, such as {@link CREATE_REQUIRE_BANNER}.
 */
export async function measureBundle(entry: string, banner = ""): Promise<BundleSizes> {
  const single = await bundle(entry, scratchDir("bundle"), false, banner);
  const singleOutput = single.outputFiles[0];
  if (singleOutput === undefined) {
    throw new Error(`esbuild produced no output for ${entry}`);
  }
  writeFileSync(singleOutput.path, singleOutput.contents);

  const split = await bundle(entry, scratchDir("split"), true, banner);
  const contents = new Map<string, Uint8Array>();
  for (const file of split.outputFiles) {
    writeFileSync(file.path, file.contents);
    contents.set(file.path, file.contents);
  }
  const entryOutput = Object.entries(split.metafile.outputs).find(
    ([, output]) => output.entryPoint !== undefined,
  );
  if (entryOutput === undefined) {
    throw new Error(`esbuild produced no entry chunk for ${entry}`);
  }
  const entryPath = join(process.cwd(), entryOutput[0]);
  const initial = staticClosure(split.metafile, entryPath);
  const initialModules = new Map<string, number>();
  const lazyModules = new Map<string, number>();
  for (const [relative, output] of Object.entries(split.metafile.outputs)) {
    const modules = initial.has(join(process.cwd(), relative)) ? initialModules : lazyModules;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput > 0) {
        modules.set(input, (modules.get(input) ?? 0) + bytesInOutput);
      }
    }
  }
  let initialBytes = 0;
  let lazyBytes = 0;
  let lazyGzip = 0;
  for (const [path, data] of contents) {
    if (initial.has(path)) {
      initialBytes += data.length;
    } else {
      lazyBytes += data.length;
      lazyGzip += gzip(data);
    }
  }
  // Gzip of the initial files concatenated: the files load together, so this is the fair figure.
  const initialGzip = gzip(
    Buffer.concat([...initial].map((path) => contents.get(path) as Uint8Array)),
  );
  return {
    singleFile: {
      bytes: singleOutput.contents.length,
      gzipBytes: gzip(singleOutput.contents),
      path: singleOutput.path,
    },
    initialLoad: {
      files: initial.size,
      bytes: initialBytes,
      gzipBytes: initialGzip,
      path: entryPath,
      modules: initialModules,
    },
    lazyChunks: {
      files: contents.size - initial.size,
      bytes: lazyBytes,
      gzipBytes: lazyGzip,
      modules: lazyModules,
    },
  };
}

/** Output files the entry loads through static imports, as absolute paths. */
function staticClosure(metafile: Metafile, entryPath: string): Set<string> {
  const byAbsolute = new Map<string, Metafile["outputs"][string]>();
  for (const [relative, output] of Object.entries(metafile.outputs)) {
    byAbsolute.set(join(process.cwd(), relative), output);
  }
  const closure = new Set<string>();
  const visit = (path: string): void => {
    if (closure.has(path)) {
      return;
    }
    closure.add(path);
    for (const imported of byAbsolute.get(path)?.imports ?? []) {
      if (imported.kind === "import-statement" && !imported.external) {
        visit(join(process.cwd(), imported.path));
      }
    }
  };
  visit(entryPath);
  return closure;
}
