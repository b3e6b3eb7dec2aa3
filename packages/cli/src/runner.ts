import { availableParallelism, totalmem } from "node:os";
import { Worker } from "node:worker_threads";
import type { CheckOptions } from "@pmark/core";
import { checkFile, type FileResult } from "./check-file";
import type { Input } from "./inputs";
import { errorText } from "./load/failure";
import { WORKER_ROLE, type WorkerInit, type WorkerReply, type WorkerRequest } from "./worker";

export interface RunOptions {
  /** Script a worker thread runs (the bundle itself); no workers without it. */
  workerScript?: string;
  /** Worker threads to use; default: the cores available. */
  workers?: number;
  /** Use workers from this many files on (default 1: every file, so each check has the heap cap). */
  minFilesForWorkers?: number;
  /** The heap cap of each check, MB (default CHECK_HEAP_MB, less when the machine has little memory). */
  heapMb?: number;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Also take each workbook's snapshot (what `pmark diff` compares). */
  snapshot?: boolean;
}

/** One worker thread that checks one file at a time. */
class CheckWorker {
  private readonly worker: Worker;
  private pending: { resolve: (r: FileResult) => void; reject: (e: Error) => void } | null = null;
  private dead: Error | null = null;

  constructor(script: string, init: WorkerInit, heapMb: number) {
    this.worker = new Worker(script, {
      workerData: init,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
      stdout: false,
      stderr: false,
    });
    this.worker.on("message", (reply: WorkerReply) => {
      const p = this.pending;
      this.pending = null;
      p?.resolve(reply.result);
    });
    this.worker.on("error", (err: Error) => this.die(err));
    this.worker.on("exit", (code) => this.die(new Error(`worker stopped (exit code ${code})`)));
  }

  private die(err: Error): void {
    this.dead ??= err;
    const p = this.pending;
    this.pending = null;
    p?.reject(err);
  }

  get alive(): boolean {
    return this.dead === null;
  }

  check(index: number, file: string): Promise<FileResult> {
    if (this.dead) return Promise.reject(this.dead);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage({ index, file } satisfies WorkerRequest);
    });
  }

  async stop(): Promise<void> {
    if (this.alive) await this.worker.terminate();
  }
}

/**
 * The old-generation heap one check may use (a worker's resource limit). The read budget keeps
 * what a file can bring in far below it; the cap bounds what the check then makes of it, so one
 * hostile or huge workbook ends in a one-line failure for that file, never in the machine's
 * memory filling up or the process crashing.
 */
export const CHECK_HEAP_MB = 1536;

function workerFailure(file: string, err: Error, heapMb: number): FileResult {
  const oom = (err as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY";
  return {
    file,
    ok: false,
    failure: oom ? { code: "too-large", limit: "memory", max: heapMb * 1024 * 1024 } : { code: "internal-error", detail: errorText(err) },
  };
}

/**
 * Checks every input on worker threads (one per core, each with the heap cap) and returns the
 * results in input order. One bad file never stops the others. Without a worker script (tests
 * that call the CLI in-process) the files are checked in this thread, one after another.
 */
export async function checkInputs(inputs: readonly Input[], options: CheckOptions, run: RunOptions = {}): Promise<FileResult[]> {
  const results: (FileResult | undefined)[] = new Array(inputs.length);
  const todo: number[] = [];
  let done = 0;
  const report = (i: number) => {
    done++;
    run.onProgress?.(done, inputs.length, inputs[i]?.file ?? "");
  };
  inputs.forEach((input, i) => {
    if (input.failure) results[i] = { file: input.file, ok: false, failure: input.failure };
    else todo.push(i);
  });
  for (const i of inputs.keys()) if (results[i]) report(i);

  const cores = Math.max(1, run.workers ?? availableParallelism());
  const useWorkers = run.workerScript !== undefined && todo.length > 0 && todo.length >= (run.minFilesForWorkers ?? 1);

  if (!useWorkers) {
    for (const i of todo) {
      const file = (inputs[i] as Input).file;
      results[i] = await checkFile(file, options, run.snapshot === true);
      report(i);
    }
  } else {
    const script = run.workerScript as string;
    const count = Math.min(cores, todo.length);
    const heapMb = run.heapMb ?? Math.max(256, Math.min(CHECK_HEAP_MB, Math.floor(totalmem() / (1024 * 1024) / (count + 1))));
    const init: WorkerInit = run.snapshot ? { role: WORKER_ROLE, options, snapshot: true } : { role: WORKER_ROLE, options };
    let next = 0;
    const lane = async () => {
      let worker = new CheckWorker(script, init, heapMb);
      try {
        while (next < todo.length) {
          const i = todo[next++] as number;
          const file = (inputs[i] as Input).file;
          try {
            results[i] = await worker.check(i, file);
          } catch (e) {
            results[i] = workerFailure(file, e as Error, heapMb);
            await worker.stop();
            worker = new CheckWorker(script, init, heapMb);
          }
          report(i);
        }
      } finally {
        await worker.stop();
      }
    };
    await Promise.all(Array.from({ length: count }, lane));
  }
  return results.map(
    (r, i) => r ?? { file: inputs[i]?.file ?? "", ok: false, failure: { code: "internal-error", detail: "no result" } },
  );
}
