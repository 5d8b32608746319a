/**
 * A sample of the metadata corpus that runs in CI: every product version below is imported,
 * generated and type-checked by the corpus command's worker pool. The sample covers every
 * `info.style` of the metadata, every parameter position and style, and sizes from none to
 * hundreds of operations:
 *
 * - hbr/2017-09-08: RPC, 80 operations, the first product of this project;
 * - rds/2014-08-15: RPC, 286 operations, the largest product that still runs quickly;
 * - dysmsapi/2017-05-25: RPC, 38 operations with repeatList, flat and json parameters;
 * - cs/2015-12-15: ROA, 117 operations, path parameters and JSON bodies;
 * - elasticsearch/2017-06-13: ROA, 196 operations, the largest ROA product;
 * - tingwu/2022-09-30 and tingwu/2023-09-30: ROA, two versions of one product;
 * - es-serverless/2022-08-22: ROA without a single operation;
 * - fc/2023-03-30: style FC, path, query, header and body parameters;
 * - sls/2020-12-30: style SLS, host parameters (the project name is part of the host);
 * - oss/2019-05-17: style OSS, host and header parameters and xml-style values;
 * - pds/2022-03-01: style PDS, host parameters and JSON bodies;
 * - aligenie/ssp_1.0: style AliGenie, formData parameters and a version that is not a date;
 * - cloudcontrol/2022-08-30: style V3, 11 operations.
 *
 * About 1,300 operations, a twelfth of the corpus; `pnpm corpus` runs all 231 product versions.
 */
import { describe, expect, test } from "vitest";
import { runCorpus, statusText, totalResults } from "../src/index.js";
import { METADATA_ROOT } from "./support/work-dir.js";

const SAMPLE = [
  "hbr/2017-09-08",
  "rds/2014-08-15",
  "dysmsapi/2017-05-25",
  "cs/2015-12-15",
  "elasticsearch/2017-06-13",
  "tingwu",
  "es-serverless/2022-08-22",
  "fc/2023-03-30",
  "sls/2020-12-30",
  "oss/2019-05-17",
  "pds/2022-03-01",
  "aligenie/ssp_1.0",
  "cloudcontrol/2022-08-30",
];

describe("corpus sample", () => {
  test("every product passes", async () => {
    const report = await runCorpus({ root: METADATA_ROOT, only: SAMPLE, jobs: 2 });
    const failures = report.results.flatMap((result) =>
      result.failure === undefined
        ? []
        : [`${result.product}/${result.version} ${statusText(result)}: ${result.failure.message}`],
    );
    expect(failures).toEqual([]);
    expect(report.results).toHaveLength(14);
    expect(totalResults(report.results).operations).toBeGreaterThan(1_250);
    const styles = new Set(report.results.map((result) => result.style));
    expect([...styles].sort()).toEqual(["AliGenie", "FC", "OSS", "PDS", "ROA", "RPC", "SLS", "V3"]);
  }, 600_000);
});
