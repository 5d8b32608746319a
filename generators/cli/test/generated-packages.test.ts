import { execFile } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { GENERATED_DIR } from "@acs-sdk/spec-loader";
import { afterEach, describe, expect, test } from "vitest";
import { generateProducts } from "../src/index.js";
import { createWorkspace, REPOSITORY_ROOT, readTree, type Workspace } from "./support/workspace.js";

const workspaces: Workspace[] = [];

async function generatedWorkspace(): Promise<Workspace> {
  const workspace = await createWorkspace();
  workspaces.push(workspace);
  const outcome = await generateProducts({
    specsRoot: workspace.specs,
    packagesRoot: workspace.packages,
  });
  expect(outcome.ok).toBe(true);
  return workspace;
}

afterEach(async () => {
  await Promise.all(workspaces.splice(0).map((workspace) => workspace.remove()));
});

/** Runs the repository's TypeScript compiler on a project; resolves with its output. */
function typeCheck(project: string): Promise<{ exitCode: number; output: string }> {
  const tsc = join(REPOSITORY_ROOT, "node_modules/typescript/bin/tsc");
  return new Promise((resolve) => {
    execFile(process.execPath, [tsc, "-p", project, "--noEmit"], (error, stdout, stderr) => {
      resolve({ exitCode: error === null ? 0 : 1, output: `${stdout}${stderr}` });
    });
  });
}

describe("generated packages", () => {
  test("committed hbr packages match a fresh generation", async () => {
    const workspace = await createWorkspace();
    workspaces.push(workspace);
    const outcome = await generateProducts({
      specsRoot: join(REPOSITORY_ROOT, "specs"),
      packagesRoot: workspace.packages,
      products: ["hbr"],
    });
    expect(outcome.ok).toBe(true);
    for (const kind of ["types", "validators", "client"]) {
      const fresh = await readTree(join(workspace.packages, `hbr-${kind}`, GENERATED_DIR));
      const committed = await readTree(
        join(REPOSITORY_ROOT, "packages", `hbr-${kind}`, GENERATED_DIR),
      );
      expect(committed, `packages/hbr-${kind} is stale: run pnpm generate`).toEqual(fresh);
    }
  });

  test("committed hbr packages type-check", async () => {
    for (const kind of ["types", "validators", "client"]) {
      const result = await typeCheck(
        join(REPOSITORY_ROOT, "packages", `hbr-${kind}`, "tsconfig.json"),
      );
      expect(result.output).toBe("");
      expect(result.exitCode).toBe(0);
    }
  });

  test("fixture packages type-check", async () => {
    const workspace = await generatedWorkspace();
    const paths: Record<string, string[]> = {};
    for (const product of ["hbr", "widgets"]) {
      for (const kind of ["types", "validators", "client"]) {
        paths[`@acs-sdk/${product}-${kind}`] = [`./packages/${product}-${kind}/src/index.ts`];
      }
    }
    const tsconfig = {
      extends: join(REPOSITORY_ROOT, "tooling/tsconfig/base.json"),
      compilerOptions: { noEmit: true, rootDir: ".", paths },
      include: ["packages/*/src"],
    };
    await writeFile(join(workspace.root, "tsconfig.json"), JSON.stringify(tsconfig));
    const result = await typeCheck(join(workspace.root, "tsconfig.json"));
    expect(result.output).toBe("");
    expect(result.exitCode).toBe(0);
  });

  test("scaffold files are written once", async () => {
    const workspace = await generatedWorkspace();
    const readme = join(workspace.packages, "widgets-types/README.md");
    const stale = join(workspace.packages, "widgets-types", GENERATED_DIR, "stale.gen.ts");
    await writeFile(readme, "# Edited by hand\n");
    await writeFile(stale, "export {};\n");
    await rm(join(workspace.packages, "widgets-types/tsconfig.build.json"));
    const outcome = await generateProducts({
      specsRoot: workspace.specs,
      packagesRoot: workspace.packages,
      products: ["widgets"],
    });
    expect(outcome.ok).toBe(true);
    expect(await readFile(readme, "utf8")).toBe("# Edited by hand\n");
    const tree = await readTree(join(workspace.packages, "widgets-types"));
    expect([...tree.keys()]).toContain("tsconfig.build.json");
    expect([...tree.keys()]).not.toContain(join(GENERATED_DIR, "stale.gen.ts"));
  });

  test("cwd other than the process directory", async () => {
    const workspace = await createWorkspace();
    workspaces.push(workspace);
    const spec = join(workspace.specs, "widgets/2024-01-01/openapi.yaml");
    await writeFile(
      spec,
      (await readFile(spec, "utf8")).replace("openapi: 3.1.0", "openapi: 3.0.3"),
    );
    const outcome = await generateProducts({
      specsRoot: workspace.specs,
      packagesRoot: workspace.packages,
      cwd: workspace.root,
    });
    expect(outcome.ok).toBe(false);
    const diagnostics = outcome.ok ? [] : outcome.diagnostics;
    expect(diagnostics.map(({ code, file }) => ({ code, file }))).toContainEqual({
      code: "openapi-version",
      file: join("specs", "widgets/2024-01-01/openapi.yaml"),
    });
  });

  test("a failed write leaves every package as it was", async () => {
    const workspace = await generatedWorkspace();
    const spec = join(workspace.specs, "widgets/2024-01-01/openapi.yaml");
    await writeFile(spec, (await readFile(spec, "utf8")).replace("Lists widgets", "Lists gadgets"));
    // The client package directory becomes a file, so staging the client package fails.
    const client = join(workspace.packages, "widgets-client");
    await rm(client, { recursive: true });
    await writeFile(client, "not a directory\n");
    const before = await readTree(workspace.packages);
    await expect(
      generateProducts({ specsRoot: workspace.specs, packagesRoot: workspace.packages }),
    ).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(await readTree(workspace.packages)).toEqual(before);
  });
});
