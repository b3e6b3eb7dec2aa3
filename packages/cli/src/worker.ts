import { isMainThread, parentPort, workerData } from "node:worker_threads";
import type { CheckOptions } from "@pmark/core";
import { checkFile, type FileResult } from "./check-file";
import { errorText } from "./load/failure";

/** Marks the bundle's own worker threads (main.ts starts one with `new Worker(__filename, …)`). */
export const WORKER_ROLE = "pmark-check-worker";

export interface WorkerInit {
  role: typeof WORKER_ROLE;
  options: CheckOptions;
  /** Also take each workbook's snapshot for `pmark diff`. */
  snapshot?: boolean;
}

export interface WorkerRequest {
  index: number;
  file: string;
}

export interface WorkerReply {
  index: number;
  result: FileResult;
}

export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerInit> | null)?.role === WORKER_ROLE;
}

/** The worker side: load + check each file the main thread sends, post the result back. */
export function runWorker(): void {
  const port = parentPort;
  if (!port) return;
  const { options, snapshot } = workerData as WorkerInit;
  port.on("message", (req: WorkerRequest) => {
    void checkFile(req.file, options, snapshot === true).then((result) => {
      try {
        port.postMessage({ index: req.index, result } satisfies WorkerReply);
      } catch (e) {
        const failed: FileResult = { file: req.file, ok: false, failure: { code: "internal-error", detail: errorText(e) } };
        port.postMessage({ index: req.index, result: failed } satisfies WorkerReply);
      }
    });
  });
}
