import { generateClientPackage } from "@acs-sdk/generator-client";
import { generateTypesPackage } from "@acs-sdk/generator-types";
import { generateValidatorsPackage } from "@acs-sdk/generator-validators";
import { loadSpec, productPackages } from "@acs-sdk/spec-loader";

const dirs = process.argv.slice(2);
for (let round = 0; round < 2; round++) {
  for (const dir of dirs) {
    let t = performance.now();
    const model = await loadSpec(dir);
    const load = performance.now() - t;
    const packages = productPackages(model.service.product);
    const times: string[] = [`load ${load.toFixed(0)}`];
    for (const [name, gen] of [
      ["types", generateTypesPackage],
      ["validators", generateValidatorsPackage],
      ["client", generateClientPackage],
    ] as const) {
      t = performance.now();
      await gen(model, packages);
      times.push(`${name} ${(performance.now() - t).toFixed(0)}`);
    }
    console.log(
      round,
      model.service.product,
      model.operations.length,
      times.join(" "),
      Math.round(process.memoryUsage.rss() / 2 ** 20),
      "MiB",
    );
  }
}
