import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  createWorkspace,
  readTree,
  runGenerateCommand,
  type Workspace,
} from "./support/workspace.js";

let workspace: Workspace;
let generated: Map<string, string>;

function args(...products: string[]): string[] {
  return [...products, "--specs", workspace.specs, "--out", workspace.packages];
}

async function editSpec(
  file: string,
  edit: (text: string) => string,
): Promise<() => Promise<void>> {
  const path = join(workspace.specs, file);
  const original = await readFile(path, "utf8");
  await writeFile(path, edit(original));
  return () => writeFile(path, original);
}

beforeAll(async () => {
  workspace = await createWorkspace();
  const result = await runGenerateCommand(args());
  expect(result.stderr).toBe("");
  expect(result.exitCode).toBe(0);
  generated = await readTree(workspace.packages);
});

afterAll(async () => {
  await workspace.remove();
});

describe("pnpm generate", () => {
  test("summary lines", async () => {
    const result = await runGenerateCommand(args());
    const lines = result.stdout.trim().split("\n");
    expect(lines.map((line) => line.replace(/\d+ ms$/, "N ms"))).toEqual([
      "@acs-sdk/hbr-types  4 operations  2 files  N ms",
      "@acs-sdk/hbr-validators  4 operations  8 files  N ms",
      "@acs-sdk/hbr-client  4 operations  7 files  N ms",
      "@acs-sdk/widgets-types  4 operations  2 files  N ms",
      "@acs-sdk/widgets-validators  4 operations  8 files  N ms",
      "@acs-sdk/widgets-client  4 operations  7 files  N ms",
    ]);
    expect(await readTree(workspace.packages)).toEqual(generated);
  });

  test("product filter", async () => {
    const result = await runGenerateCommand(args("widgets"));
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("@acs-sdk/widgets-client");
    expect(result.stdout).not.toContain("@acs-sdk/hbr-");
  });

  test.each(["--help", "-h"])("%s prints usage", async (flag) => {
    const result = await runGenerateCommand([flag]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Usage: pnpm generate [product ...] [--specs DIR] [--out DIR]");
    expect(result.stdout).toContain("-h, --help");
  });

  test("unknown option", async () => {
    const result = await runGenerateCommand(["--verbose"]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("[invalid-arguments] Unknown option --verbose");
  });

  test("unknown product", async () => {
    const result = await runGenerateCommand(args("nope"));
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("[product-not-found] No spec of product nope was found");
  });

  test.each([
    [
      "broken yaml",
      "hbr/2017-09-08/openapi.yaml",
      (text: string) => text.replace("x-acs-style: RPC", "x-acs-style: [RPC"),
      [/openapi\.yaml:\d+:\d+ \[yaml-syntax\]/, /fix: Correct the YAML syntax/],
    ],
    [
      "unknown ref",
      "widgets/2024-01-01/openapi.yaml",
      (text: string) =>
        text.replace('$ref: "#/components/schemas/Tag"', '$ref: "#/components/schemas/Tags"'),
      [
        /openapi\.yaml:\d+:\d+ #\/paths\/~1widgets~1\{WidgetId\}\/put\/parameters\/4\/schema\/items\/\$ref \[ref-unresolved\] The reference #\/components\/schemas\/Tags does not resolve\./,
        /fix: Point \$ref at an existing node/,
      ],
    ],
    [
      "parameter without schema",
      "hbr/2017-09-08/openapi.yaml",
      (text: string) =>
        text.replace(
          /( {10}schema:\n {12}type: string\n {12}examples:\n {14}- hbrcrossrole\n)/,
          "",
        ),
      [
        /#\/paths\/~1\?Action=AddCrossAccount\/post\/parameters\/1 \[parameter-schema-missing\] The parameter CrossAccountRoleName has no schema\./,
        /fix: Add a `schema`/,
      ],
    ],
    [
      "overlay action that matches nothing",
      "hbr/2017-09-08/constraints.overlay.yaml",
      (text: string) => text.replace("'Alias'", "'Nickname'"),
      [
        /constraints\.overlay\.yaml:13:\d+ #\/actions\/1\/target \[overlay-target-unmatched\] Action 1 of overlay .*constraints\.overlay\.yaml matches nothing: .*'Nickname'/,
        /fix: Correct the target/,
      ],
    ],
  ])("%s", async (_case, file, edit, patterns) => {
    const restore = await editSpec(file, edit);
    try {
      const result = await runGenerateCommand(args());
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toBe("");
      for (const pattern of patterns) {
        expect(result.stderr).toMatch(pattern);
      }
      expect(result.stderr).toContain("nothing was written");
      expect(await readTree(workspace.packages)).toEqual(generated);
    } finally {
      await restore();
    }
  });
});
