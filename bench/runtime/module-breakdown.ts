// Breaks a bundle's size down by source module, from esbuild's metafile, for RESULTS.md.
import type { ModuleBytes } from "./bundle-size.ts";

/** Source modules that serve one purpose, matched by path. */
interface ModuleGroup {
  readonly label: string;
  readonly matches: (path: string) => boolean;
}

/** Groups in match order: a module counts in the first group that matches its path. */
const GROUPS: readonly ModuleGroup[] = [
  {
    label: "the generated validator and its validation kit",
    matches: (path) => path.includes("hbr-validators/"),
  },
  {
    label: "the generated service and operation descriptors and the application",
    matches: (path) => path.includes("hbr-client/") || path.includes("bench/runtime/"),
  },
  {
    label: "the failure path: error-response parsing, retry decisions and error messages",
    matches: (path) =>
      /\/(call-failure|response-error|retry|endpoint-error|credential-problem|transport-errors)\.ts$/.test(
        path,
      ),
  },
  {
    label: "error classes",
    matches: (path) => path.includes("/errors/") || path.endsWith("/credentials-error.ts"),
  },
  {
    label: "the default credential chain and its providers",
    matches: (path) => path.includes("/credentials/") && !path.endsWith("/usable-credential.ts"),
  },
  { label: "the legacy V1 signer", matches: (path) => path.endsWith("/rpc-v1-signature.ts") },
  { label: "V3 signing", matches: (path) => path.includes("/signing/") },
  {
    label: "the full request serializer and its parameter styles",
    matches: (path) => /\/(request-serializer|parameter-style|xml-style)\.ts$/.test(path),
  },
  {
    label: "query serialization, percent-encoding and lossless JSON",
    matches: (path) => path.includes("/serialization/") || path.endsWith("/percent-encode.ts"),
  },
  {
    label: "the client, HTTP transport, endpoint, credential check and success-response handling",
    matches: (path) => path.includes("packages/core/src/"),
  },
];

const total = (modules: ModuleBytes): number => [...modules.values()].reduce((a, b) => a + b, 0);

/** Renders one Markdown table row (`| module | bytes | share |`) per module, largest first. */
export function moduleRows(modules: ModuleBytes): string[] {
  const sum = total(modules);
  return [...modules]
    .sort(([, a], [, b]) => b - a)
    .map(([path, bytes]) => `| ${path} | ${bytes} | ${((bytes / sum) * 100).toFixed(1)} % |`);
}

/** Sums the bytes of each group and phrases them as `label: N bytes (S %)`, largest first. */
export function groupPhrases(modules: ModuleBytes): string[] {
  const sums = new Map<string, number>();
  for (const [path, bytes] of modules) {
    const label = GROUPS.find((group) => group.matches(path))?.label ?? "other modules";
    sums.set(label, (sums.get(label) ?? 0) + bytes);
  }
  const sum = total(modules);
  return [...sums]
    .sort(([, a], [, b]) => b - a)
    .map(([label, bytes]) => `${label}: ${bytes} bytes (${((bytes / sum) * 100).toFixed(0)} %)`);
}
