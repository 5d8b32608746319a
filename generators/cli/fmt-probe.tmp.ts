import { createRequire } from "node:module";
import { generateClientPackage } from "@acs-sdk/generator-client";
import { generateTypesPackage } from "@acs-sdk/generator-types";
import { generateValidatorsPackage } from "@acs-sdk/generator-validators";
import { loadSpec, productPackages } from "@acs-sdk/spec-loader";

const require = createRequire(new URL("../types/package.json", import.meta.url));
const { SourceFile } = require("ts-morph");
const original = SourceFile.prototype.formatText;
let diffs = 0,
  files = 0;
for (const dir of process.argv.slice(2)) {
  const model = await loadSpec(dir);
  const packages = productPackages(model.service.product);
  for (const gen of [generateTypesPackage, generateValidatorsPackage, generateClientPackage]) {
    SourceFile.prototype.formatText = original;
    const a = await gen(model, packages);
    SourceFile.prototype.formatText = () => {};
    const b = await gen(model, packages);
    for (const [i, f] of a.files.entries()) {
      files++;
      const norm = (t: string) =>
        t
          .split("\n")
          .map((l) => l.trim())
          .join("\n");
      if (norm(f.content) !== norm(b.files[i].content)) {
        globalThis.nonIndent = (globalThis.nonIndent ?? 0) + 1;
        if (globalThis.nonIndent < 5) {
          const la = f.content.split("\n"),
            lb = b.files[i].content.split("\n");
          const k = la.findIndex((l, j) => l.trim() !== lb[j]?.trim());
          console.log(
            "NONINDENT",
            a.name,
            f.path,
            JSON.stringify(la.slice(k - 1, k + 3)),
            JSON.stringify(lb.slice(k - 1, k + 3)),
          );
        }
      }
      if (f.content !== b.files[i].content) {
        diffs++;
        (globalThis.by ??= {})[a.name] = (globalThis.by[a.name] ?? 0) + 1;
        if (
          (false && a.name.endsWith("client") && diffs < 400 && !globalThis.shownClient) ||
          (a.name.endsWith("types") && !globalThis.shownTypes)
        ) {
          if (a.name.endsWith("client")) globalThis.shownClient = true;
          if (a.name.endsWith("types")) globalThis.shownTypes = true;
          const la = f.content.split("\n"),
            lb = b.files[i].content.split("\n");
          const k = la.findIndex((l, j) => l !== lb[j]);
          console.log(
            a.name,
            f.path,
            "line",
            k,
            "\n  fmt:",
            JSON.stringify(la.slice(k, k + 3)),
            "\n  raw:",
            JSON.stringify(lb.slice(k, k + 3)),
          );
        }
      }
    }
  }
}
console.log({ files, diffs, nonIndent: globalThis.nonIndent }, globalThis.by);
