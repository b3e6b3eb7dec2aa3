import { basename } from "node:path";
import { TEXT_LIMITS, terminalText } from "./terminal-text";

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  update(done: number, total: number, file: string): void;
  clear(): void;
}

const NO_PROGRESS: Progress = { update() {}, clear() {} };

/** `[3/50] file.xlsx` on one rewritten line of a terminal's stderr; nothing otherwise. */
export function createProgress(stream: ProgressStream, total: number): Progress {
  if (!stream.isTTY || total < 2) return NO_PROGRESS;
  let shown = false;
  return {
    update(done, all, file) {
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      let line = `[${done}/${all}] ${terminalText(basename(file), { max: TEXT_LIMITS.file })}`;
      if (line.length > width) line = `${line.slice(0, width - 1)}…`;
      stream.write(`\r\x1b[2K${line}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write("\r\x1b[2K");
      shown = false;
    },
  };
}
