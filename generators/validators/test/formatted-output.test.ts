import { GENERATED_FORMAT_SETTINGS, type GeneratedPackage, loadSpec } from "@acs-sdk/spec-loader";
import { Project, ts } from "ts-morph";
import { expect, test } from "vitest";
import { generateClientPackage } from "../../client/src/index.js";
import { HBR_SPEC_DIR, WIDGETS_SPEC_DIR } from "../../spec-loader/test/spec-copy.js";
import { generateTypesPackage } from "../../types/src/index.js";
import { generateValidatorsPackage } from "../src/index.js";

/** Written by openapi-typescript and re-indented on its own; the types tests compare that. */
const PRINTED_SCHEMA_FILE = "schema.gen.ts";

// The generators re-indent by nesting instead of running TypeScript's formatter, so the
// formatter must find nothing to change in what they write.
test.each([
  ["hbr", HBR_SPEC_DIR],
  ["widgets", WIDGETS_SPEC_DIR],
])("%s files are formatted", async (_product, dir) => {
  const model = await loadSpec(dir);
  const packages: GeneratedPackage[] = [
    await generateTypesPackage(model),
    generateValidatorsPackage(model),
    generateClientPackage(model),
  ];
  const project = new Project({ useInMemoryFileSystem: true });
  const settings = { ...GENERATED_FORMAT_SETTINGS, semicolons: ts.SemicolonPreference.Insert };
  for (const generated of packages) {
    for (const file of generated.files.filter((item) => item.path !== PRINTED_SCHEMA_FILE)) {
      const source = project.createSourceFile(`/${generated.dir}/${file.path}`, file.content);
      source.formatText(settings);
      expect(source.getFullText(), `${generated.dir}/${file.path}`).toBe(file.content);
    }
  }
});
