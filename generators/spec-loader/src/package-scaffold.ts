/**
 * The files that make a directory under `packages/` a workspace package. Generators write them
 * only when missing, so version bumps, extra scripts and README edits survive regeneration.
 */
import type { GeneratedFile, PackageName } from "./generated-output.js";

/** Facts the scaffold of one generated package is built from. */
export interface ScaffoldOptions {
  readonly package: PackageName;
  /** One sentence for package.json and the README. */
  readonly description: string;
  /** Runtime dependencies, by name, with their version range. */
  readonly dependencies?: Readonly<Record<string, string>>;
  /** Text of `src/index.ts`, the hand-owned entry point. */
  readonly index: string;
  /** Extra README paragraphs (usage). */
  readonly readme?: string;
}

const DIST_EXPORTS = { types: "./dist/index.d.ts", default: "./dist/index.js" };

function manifest(options: ScaffoldOptions): string {
  const content = {
    name: options.package.name,
    version: "0.1.0",
    description: options.description,
    license: "Apache-2.0",
    type: "module",
    sideEffects: false,
    exports: { ".": { "@acs-sdk/source": "./src/index.ts", ...DIST_EXPORTS } },
    publishConfig: { access: "public", exports: { ".": DIST_EXPORTS } },
    files: ["dist", "src"],
    engines: { node: ">=20.19.0" },
    scripts: {
      build: "tsc -p tsconfig.build.json",
      typecheck: "tsc -p tsconfig.json --noEmit",
    },
    ...(options.dependencies === undefined ? {} : { dependencies: options.dependencies }),
    devDependencies: {
      "@acs-sdk/tsconfig": "workspace:*",
      "@types/node": "20.19.43",
      typescript: "5.9.3",
    },
  };
  return `${JSON.stringify(content, null, 2)}\n`;
}

// Written as Biome formats them, so that `pnpm lint` passes on a fresh package.
const TSCONFIG = `{
  "extends": "@acs-sdk/tsconfig/base.json",
  "compilerOptions": {
    "rootDir": ".",
    "noEmit": true
  },
  "include": ["src", "test"]
}
`;

const TSCONFIG_BUILD = `{
  "extends": "@acs-sdk/tsconfig/base.json",
  "compilerOptions": {
    "rootDir": "src",
    "outDir": "dist",
    "customConditions": []
  },
  "include": ["src"]
}
`;

/** Builds the scaffold files of a generated package, relative to its directory. */
export function packageScaffold(options: ScaffoldOptions): GeneratedFile[] {
  const readme = [
    `# ${options.package.name}`,
    "",
    options.description,
    "",
    "Everything under `src/generated/` is generated from the spec and rewritten by `pnpm generate`;",
    "edit the spec or the generator instead. The rest of the package is written by hand.",
    ...(options.readme === undefined ? [] : ["", options.readme]),
    "",
  ].join("\n");
  return [
    { path: "package.json", content: manifest(options) },
    { path: "tsconfig.json", content: TSCONFIG },
    { path: "tsconfig.build.json", content: TSCONFIG_BUILD },
    { path: "README.md", content: readme },
    { path: "src/index.ts", content: options.index },
  ];
}
