/**
 * The `pmark` command. esbuild bundles this file (with core and SheetJS) into
 * packages/cli/dist/pmark.cjs; the same bundle also runs as the worker threads that check
 * files in parallel, told apart by their workerData. The template writer (ExcelJS) is bundled
 * apart into pmark-template.cjs beside it (scripts/build-cli.mjs).
 */
import { langHint } from "./args";
import { runCli } from "./cli";
import { stderrLine } from "./terminal-text";
import { errorText } from "./load/failure";
import { M } from "./messages";
import { isCheckWorker, runWorker } from "./worker";

function fatal(e: unknown): never {
  try {
    const lang = langHint(process.argv.slice(2));
    stderrLine(process.stderr, M.internalError(errorText(e))[lang], lang);
  } finally {
    process.exit(2);
  }
}

async function main(): Promise<void> {
  process.on("uncaughtException", fatal);
  process.on("unhandledRejection", fatal);
  // `pmark check … | head`: a closed pipe is not an error worth a message.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    fatal(e);
  });
  try {
    process.exitCode = await runCli(process.argv.slice(2), {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      workerScript: __filename,
    });
  } catch (e) {
    fatal(e);
  }
}

if (isCheckWorker()) runWorker();
else void main();
