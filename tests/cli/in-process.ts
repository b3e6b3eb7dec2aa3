import { runCli } from "../../packages/cli/src/cli";

/** A stream that keeps what the command writes; isTTY and columns as a terminal would report them. */
export class Capture {
  text = "";
  constructor(
    public isTTY = false,
    public columns = 80,
  ) {}
  write(t: string): boolean {
    this.text += t;
    return true;
  }
}

/** The real command in this process, with no environment: its exit status and what it printed. */
export async function runInProcess(argv: readonly string[], opts: { ttyErr?: boolean } = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdout = new Capture();
  const stderr = new Capture(opts.ttyErr ?? false);
  const status = await runCli(argv, { stdout, stderr, env: {} });
  return { status, stdout: stdout.text, stderr: stderr.text };
}
