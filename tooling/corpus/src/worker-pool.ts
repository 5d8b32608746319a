/**
 * Runs product jobs in worker processes, one product at a time per worker. A worker whose
 * resident memory grows past a limit is replaced after its product, and a worker that dies takes
 * only its current product with it: that product fails and a fresh worker goes on with the rest.
 */
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { MemorySampler } from "./memory-sampler.js";
import type { ProductJob, ProductResult } from "./product-pipeline.js";
import type { CommandMessage, WorkerMessage } from "./worker-protocol.js";

/** Options of the worker pool. */
export interface WorkerPoolOptions {
  /** Worker processes running at once. */
  readonly workers: number;
  readonly typecheck: boolean;
  readonly keep: boolean;
  /** A worker whose resident memory exceeds this after a product is replaced by a fresh one. */
  readonly recycleRssBytes: number;
  /** V8 old-space limit of each worker, in MiB. */
  readonly maxOldSpaceMb: number;
  /** Folder the workers start in; `--import tsx` resolves from it when running from source. */
  readonly cwd: string;
  readonly onResult?: (result: ProductResult) => void;
}

/** Memory and process counts of a pool run. */
export interface WorkerPoolReport {
  readonly results: readonly ProductResult[];
  /** Highest resident memory of the command and its workers together, sampled; 0 off Linux. */
  readonly peakTotalBytes: number;
  /** Highest peak resident memory of one worker. */
  readonly peakWorkerBytes: number;
  readonly workersStarted: number;
}

const FROM_SOURCE = import.meta.url.endsWith(".ts");
const WORKER_SCRIPT = fileURLToPath(
  new URL(FROM_SOURCE ? "./corpus-worker.ts" : "./corpus-worker.js", import.meta.url),
);

type RunOutcome =
  | { readonly kind: "result"; readonly message: WorkerMessage }
  | { readonly kind: "exit"; readonly reason: string };

/** One worker process and the product it is running. */
class WorkerProcess {
  readonly #child: ChildProcess;
  readonly #exited: Promise<string>;
  #pending: ((outcome: RunOutcome) => void) | undefined;

  constructor(options: WorkerPoolOptions) {
    const loader = FROM_SOURCE ? ["--conditions=@acs-sdk/source", "--import", "tsx"] : [];
    this.#child = fork(WORKER_SCRIPT, [], {
      cwd: options.cwd,
      execArgv: [...loader, `--max-old-space-size=${options.maxOldSpaceMb}`],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.#child.on("message", (message: WorkerMessage) => {
      const pending = this.#pending;
      this.#pending = undefined;
      pending?.({ kind: "result", message });
    });
    this.#exited = new Promise((resolve) => {
      this.#child.once("exit", (code, signal) => {
        const reason = signal === null ? `exit code ${code}` : `signal ${signal}`;
        const pending = this.#pending;
        this.#pending = undefined;
        pending?.({ kind: "exit", reason });
        resolve(reason);
      });
    });
  }

  get pid(): number {
    return this.#child.pid ?? 0;
  }

  run(message: CommandMessage): Promise<RunOutcome> {
    return new Promise((resolve) => {
      this.#pending = resolve;
      this.#child.send(message);
    });
  }

  async stop(): Promise<void> {
    if (this.#child.connected) {
      this.#child.send({ type: "stop" } satisfies CommandMessage);
    }
    await this.#exited;
  }
}

function crashedResult(job: ProductJob, reason: string): ProductResult {
  return {
    product: job.metadata.product,
    version: job.metadata.version,
    style: "?",
    operations: 0,
    warnings: 0,
    milliseconds: 0,
    phases: {},
    generatedFiles: 0,
    generatedBytes: 0,
    failure: {
      phase: "generate",
      message: `The worker process ended (${reason}) while processing this product; an out-of-memory end shows as signal SIGABRT or exit code 134.`,
    },
  };
}

/** Runs every job; results come back in completion order. */
export async function runInWorkers(
  jobs: readonly ProductJob[],
  options: WorkerPoolOptions,
): Promise<WorkerPoolReport> {
  const queue = [...jobs];
  const results: ProductResult[] = [];
  const sampler = new MemorySampler();
  let peakWorkerBytes = 0;
  let workersStarted = 0;
  const record = (result: ProductResult) => {
    results.push(result);
    options.onResult?.(result);
  };

  const lane = async (): Promise<void> => {
    while (queue.length > 0) {
      const worker = new WorkerProcess(options);
      workersStarted += 1;
      sampler.watch(worker.pid);
      let replace = false;
      while (!replace) {
        const job = queue.shift();
        if (job === undefined) {
          break;
        }
        const outcome = await worker.run({
          type: "run",
          job,
          typecheck: options.typecheck,
          keep: options.keep,
        });
        if (outcome.kind === "exit") {
          record(crashedResult(job, outcome.reason));
          replace = true;
        } else {
          peakWorkerBytes = Math.max(peakWorkerBytes, outcome.message.maxRssBytes);
          record(outcome.message.result);
          replace = outcome.message.rssBytes > options.recycleRssBytes;
        }
      }
      await worker.stop();
      sampler.forget(worker.pid);
    }
  };

  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.workers, jobs.length)) }, lane),
  );
  return { results, peakTotalBytes: await sampler.stop(), peakWorkerBytes, workersStarted };
}
