/**
 * Type-checks generated product packages with the project's TypeScript compiler, in process.
 * A corpus run checks hundreds of products against the same runtime, so files outside the checked
 * folder (TypeScript's libs, `@types/node`, the runtime's sources) are parsed once and shared by
 * every later program, as a language service's document registry shares them.
 */
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import ts from "typescript";

/** Name of the tsconfig written into a checked folder; `tsc -p` on it repeats the check. */
export const TYPE_CHECK_CONFIG = "tsconfig.json";

/**
 * Makes generated packages importable by name from inside `root`: links each package directory
 * under `root/node_modules/<name>`. TypeScript and Node.js then resolve `@acs-sdk/<product>-types`
 * through the package's own `exports`, as they resolve workspace packages. Anything else (the
 * runtime, `@types/node`) still resolves from the repository's node_modules above `root`.
 */
export async function linkPackages(
  root: string,
  packages: readonly { readonly name: string; readonly dir: string }[],
): Promise<void> {
  for (const item of packages) {
    const link = join(root, "node_modules", item.name);
    await mkdir(join(link, ".."), { recursive: true });
    await symlink(relative(join(link, ".."), item.dir), link, "dir");
  }
}

/**
 * Writes `root/tsconfig.json`, which extends the repository's shared compiler settings and
 * includes the sources of every package under `root/packages/`.
 */
export async function writeTypeCheckConfig(root: string, baseConfig: string): Promise<string> {
  const path = join(root, TYPE_CHECK_CONFIG);
  const config = {
    extends: relative(root, baseConfig).split(sep).join("/"),
    compilerOptions: { rootDir: ".", noEmit: true },
    include: ["packages/*/src"],
  };
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}

/** Result of one type check. */
export interface TypeCheckResult {
  /** Errors in files under the checked folder, plus configuration and global errors. */
  readonly errors: number;
  /** The errors as `tsc` prints them, with paths relative to the checked folder. */
  readonly text: string;
  /** Source files in the program, shared ones included. */
  readonly files: number;
}

function cacheKey(fileName: string, options: ts.ScriptTarget | ts.CreateSourceFileOptions): string {
  if (typeof options === "number") {
    return `${fileName}|${options}`;
  }
  return `${fileName}|${options.languageVersion}|${options.impliedNodeFormat}|${options.jsDocParsingMode}`;
}

/** Checks folders that {@link writeTypeCheckConfig} prepared, sharing parsed files between them. */
export class TypeChecker {
  readonly #shared = new Map<string, ts.SourceFile>();

  /** Type-checks the project of `configPath`; only errors in files below its folder count. */
  check(configPath: string): TypeCheckResult {
    const root = join(configPath, "..");
    const parsed = ts.getParsedCommandLineOfConfigFile(
      configPath,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: () => {},
      },
    );
    if (parsed === undefined) {
      return { errors: 1, text: `${configPath}: the config file cannot be read.`, files: 0 };
    }
    const host = this.#createHost(parsed.options, root);
    const program = ts.createProgram({
      rootNames: parsed.fileNames,
      options: parsed.options,
      host,
      configFileParsingDiagnostics: parsed.errors,
    });
    const diagnostics: ts.Diagnostic[] = [
      ...parsed.errors,
      ...program.getOptionsDiagnostics(),
      ...program.getGlobalDiagnostics(),
    ];
    const prefix = `${root}${sep}`.split(sep).join("/");
    for (const file of program.getSourceFiles()) {
      if (file.fileName.startsWith(prefix)) {
        diagnostics.push(...program.getSyntacticDiagnostics(file));
        diagnostics.push(...program.getSemanticDiagnostics(file));
      }
    }
    const errors = diagnostics.filter((item) => item.category === ts.DiagnosticCategory.Error);
    const text = ts.formatDiagnostics(errors, {
      getCanonicalFileName: (fileName) => fileName,
      getCurrentDirectory: () => root,
      getNewLine: () => "\n",
    });
    return { errors: errors.length, text, files: program.getSourceFiles().length };
  }

  #createHost(options: ts.CompilerOptions, root: string): ts.CompilerHost {
    const host = ts.createCompilerHost(options, true);
    const readFresh = host.getSourceFile.bind(host);
    const ownPrefix = `${root}${sep}`;
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreateNewSourceFile) => {
      // Generated files change with every product; only files outside the folder are shared.
      if (fileName.startsWith(ownPrefix) || fileName.startsWith(ownPrefix.split(sep).join("/"))) {
        return readFresh(fileName, languageVersion, onError, shouldCreateNewSourceFile);
      }
      const key = cacheKey(fileName, languageVersion);
      const cached = shouldCreateNewSourceFile ? undefined : this.#shared.get(key);
      if (cached !== undefined) {
        return cached;
      }
      const file = readFresh(fileName, languageVersion, onError, shouldCreateNewSourceFile);
      if (file !== undefined) {
        this.#shared.set(key, file);
      }
      return file;
    };
    return host;
  }
}
