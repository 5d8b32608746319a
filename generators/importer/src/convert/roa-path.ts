/**
 * Turns an ROA operation's metadata path into an OpenAPI path template. Most paths already are
 * one; a few use `[Name]` for a parameter or a bare `*` segment for a path parameter that may
 * contain slashes.
 */
import { appendPointer } from "../json/json-pointer.js";
import type { ConversionContext } from "./context.js";

const TEMPLATE_NAME = /\{([^}]+)\}/g;

function templateNames(path: string): Set<string> {
  return new Set([...path.matchAll(TEMPLATE_NAME)].map((match) => match[1] as string));
}

/**
 * Returns the path template for `path`, given the names of the operation's `in: path`
 * parameters. Rewrites are reported as `path-rewritten`; names that the template and the
 * parameters do not share are reported as `path-parameter-mismatch`.
 */
export function normalizeRoaPath(
  path: string,
  pathParameters: readonly string[],
  pointer: string,
  context: ConversionContext,
): string {
  const at = appendPointer(pointer, "path");
  let template = path.startsWith("/") ? path : `/${path}`;
  template = template.replace(/\[([A-Za-z0-9_.-]+)\]/g, (whole, name: string) =>
    pathParameters.includes(name) ? `{${name}}` : whole,
  );
  const unmatched = pathParameters.filter((name) => !templateNames(template).has(name));
  const wildcard = /\/\*(?=$|[/?])/;
  const [onlyUnmatched] = unmatched;
  if (unmatched.length === 1 && onlyUnmatched !== undefined && wildcard.test(template)) {
    template = template.replace(wildcard, `/{${onlyUnmatched}}`);
  }
  if (template !== path) {
    context.report("path-rewritten", at, `path ${path} is filed as ${template}`);
  }
  const names = templateNames(template);
  for (const name of pathParameters.filter((parameter) => !names.has(parameter))) {
    context.report("path-parameter-mismatch", at, `path parameter ${name} is not in ${template}`);
  }
  for (const name of [...names].filter((parameter) => !pathParameters.includes(parameter))) {
    context.report(
      "path-parameter-mismatch",
      at,
      `${template} names {${name}}, which no path parameter declares`,
    );
  }
  return template;
}
