/**
 * Entry point of a corpus worker process: runs the products the command sends, one at a time,
 * and replies to each with its result. The type checker lives as long as the process, so the files
 * it shares between products are parsed once per worker.
 */
import { rm } from "node:fs/promises";
import { runProductPipeline } from "./product-pipeline.js";
import { TypeChecker } from "./type-check.js";
import type { CommandMessage, WorkerMessage } from "./worker-protocol.js";

let checker: TypeChecker | undefined;

async function handle(message: CommandMessage): Promise<void> {
  if (message.type === "stop") {
    process.disconnect();
    return;
  }
  if (message.typecheck) {
    checker ??= new TypeChecker();
  }
  const result = await runProductPipeline(message.job, message.typecheck ? checker : undefined);
  if (!message.keep) {
    await rm(message.job.workDir, { recursive: true, force: true });
  }
  const reply: WorkerMessage = {
    type: "result",
    result,
    rssBytes: process.memoryUsage.rss(),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  process.send?.(reply);
}

process.on("message", (message: CommandMessage) => {
  handle(message).catch((error: unknown) => {
    // A failure outside the pipeline (the work folder cannot be removed, the channel closed)
    // ends the worker, and the command reports the product it was running as failed.
    process.stderr.write(`corpus worker: ${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  });
});
