/**
 * Loads the parts of this package that only some configurations need (the default credential
 * chain, the legacy signer, the full request serializer) from the installed package, at run time.
 *
 * The specifier is built at run time, so bundlers leave the `import()` alone instead of copying
 * the module into every application bundle: esbuild and Rollup skip non-literal imports, and the
 * comments tell webpack and Vite to. Node.js then resolves `@acs-sdk/core/<entry>` by the package
 * name: a package can import itself through its `exports`, and a bundled application finds the
 * package in its `node_modules`.
 */

import { ConfigurationError } from "./errors.js";

/** The package's own name, the prefix of the specifiers built here. */
const PACKAGE_NAME = "@acs-sdk/core";

/**
 * Imports `@acs-sdk/core/<entry>`.
 *
 * @param neededFor - What needs the entry point, named in the error (`signatureVersion "v1"`).
 * @param alternative - What a bundled application can do instead, ending the error message.
 * @throws ConfigurationError `EntryPointUnavailable` when Node.js cannot load it, which happens
 *   when an application is bundled and shipped without `node_modules`.
 */
export async function loadPackageEntry<T>(
  entry: "credentials" | "protocol",
  neededFor: string,
  alternative = "",
): Promise<T> {
  const specifier = `${PACKAGE_NAME}/${entry}`;
  try {
    return await import(/* webpackIgnore: true */ /* @vite-ignore */ specifier);
  } catch (cause) {
    throw new ConfigurationError(
      "EntryPointUnavailable",
      `${neededFor} needs ${specifier}, which could not be loaded (${(cause as Error).message}); ship ${PACKAGE_NAME} with the application (external when bundling)${alternative}.`,
      { cause },
    );
  }
}
