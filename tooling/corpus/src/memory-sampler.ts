/**
 * Samples the resident memory of a group of processes and keeps the peak of their sum. Each
 * process's own peak (`maxRSS`) does not show how much memory the group used at once, so the
 * group is sampled. Reads `/proc/<pid>/status`, so it samples only on Linux.
 */
import { readFile } from "node:fs/promises";

/** How often the group is sampled. */
const SAMPLE_INTERVAL_MS = 100;

async function residentBytes(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
    return match === null ? 0 : Number(match[1]) * 1024;
  } catch {
    // The process has exited between listing and reading.
    return 0;
  }
}

/** Peak of the summed resident memory of the processes it was given. */
export class MemorySampler {
  readonly #pids = new Set<number>();
  readonly #timer: NodeJS.Timeout;
  #peakBytes = 0;
  #sampling = false;

  constructor() {
    this.#pids.add(process.pid);
    this.#timer = setInterval(() => void this.#sample(), SAMPLE_INTERVAL_MS);
    this.#timer.unref();
  }

  /** Adds a process to the group. */
  watch(pid: number): void {
    this.#pids.add(pid);
  }

  /** Removes a process that has exited. */
  forget(pid: number): void {
    this.#pids.delete(pid);
  }

  /** The highest summed resident memory seen; 0 where `/proc` is not available. */
  get peakBytes(): number {
    return this.#peakBytes;
  }

  /** Takes a last sample and stops sampling. */
  async stop(): Promise<number> {
    clearInterval(this.#timer);
    await this.#sample();
    return this.#peakBytes;
  }

  async #sample(): Promise<void> {
    if (this.#sampling || process.platform !== "linux") {
      return;
    }
    this.#sampling = true;
    try {
      const sizes = await Promise.all([...this.#pids].map(residentBytes));
      this.#peakBytes = Math.max(
        this.#peakBytes,
        sizes.reduce((sum, size) => sum + size, 0),
      );
    } finally {
      this.#sampling = false;
    }
  }
}
