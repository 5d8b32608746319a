// Runs `pnpm corpus` over the whole metadata folder and reads the totals it prints.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

/** The closing lines of one corpus run. */
export interface CorpusRun {
  readonly typecheck: boolean;
  readonly passed: number;
  readonly products: number;
  readonly operations: number;
  readonly files: number;
  readonly megabytes: number;
  /** Run time the command reports, in seconds. */
  readonly seconds: number;
  readonly workers: number;
  /** Peak resident memory of the command and its workers together, MiB. */
  readonly peakTotalMb: number;
  /** Peak resident memory of one worker, MiB. */
  readonly peakWorkerMb: number;
  /** Wall time of the whole process, seconds. */
  readonly wallSeconds: number;
}

function match(text: string, pattern: RegExp): RegExpExecArray {
  const found = pattern.exec(text);
  if (found === null) {
    throw new Error(`The corpus output has no line matching ${pattern}:\n${text.slice(-2000)}`);
  }
  return found;
}

/** Runs the corpus command from `root` over `metadata`, with or without the type check. */
export async function runCorpusCommand(
  root: string,
  metadata: string,
  typecheck: boolean,
): Promise<CorpusRun> {
  const main = join(root, "tooling/corpus/src/main.ts");
  const args = ["--conditions=@acs-sdk/source", "--import", "tsx", main, metadata];
  const started = performance.now();
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      typecheck ? args : [...args, "--no-typecheck"],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      (error, out, err) => {
        if (error !== null) {
          reject(new Error(`pnpm corpus failed:\n${out.slice(-3000)}\n${err.slice(-3000)}`));
        } else {
          resolve(out);
        }
      },
    );
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const passed = match(stdout, /^(\d+) of (\d+) product versions passed.*?, (\d+) operations/m);
  const generated = match(
    stdout,
    /^Generated (\d+) files, (\d+) MiB, in ([\d.]+) s with (\d+) worker/m,
  );
  const memory = match(stdout, /^Peak memory: (\d+) MiB for the command .*?, (\d+) MiB for one/m);
  return {
    typecheck,
    passed: Number(passed[1]),
    products: Number(passed[2]),
    operations: Number(passed[3]),
    files: Number(generated[1]),
    megabytes: Number(generated[2]),
    seconds: Number(generated[3]),
    workers: Number(generated[4]),
    peakTotalMb: Number(memory[1]),
    peakWorkerMb: Number(memory[2]),
    wallSeconds,
  };
}
