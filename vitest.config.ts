import { defineConfig } from "vitest/config";

// Workspace packages export their TypeScript sources under this condition, so tests run
// against `src/` without a build step.
const sourceConditions = ["@acs-sdk/source", "import", "module", "node", "default"];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: ["@acs-sdk/source"] } },
  test: {
    include: ["{packages,generators,tooling}/*/test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
