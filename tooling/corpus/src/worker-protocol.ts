/** Messages between the corpus command and its worker processes. */
import type { ProductJob, ProductResult } from "./product-pipeline.js";

/** From the command to a worker. */
export type CommandMessage =
  | {
      readonly type: "run";
      readonly job: ProductJob;
      readonly typecheck: boolean;
      /** Keep the product's work folder after the run. */
      readonly keep: boolean;
    }
  | { readonly type: "stop" };

/** From a worker to the command, one per `run` message. */
export interface WorkerMessage {
  readonly type: "result";
  readonly result: ProductResult;
  /** Resident memory of the worker after the product. */
  readonly rssBytes: number;
  /** Peak resident memory of the worker so far. */
  readonly maxRssBytes: number;
}
