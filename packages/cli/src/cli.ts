import type { CheckOptions, Lang } from "@pmark/core";
import { parseArgs, type CheckArgs } from "./args";
import { exitStatus } from "./format/summary";
import { formatJson } from "./format/json";
import { formatSarif } from "./format/sarif";
import { formatText } from "./format/text";
import { expandInputs } from "./inputs";
import { failureMessage } from "./load/failure";
import { USAGE, helpText } from "./messages";
import { resolveProfile } from "./profile";
import { createProgress, type ProgressStream } from "./progress";
import { checkInputs } from "./runner";
import { runTemplate } from "./template";
import { VERSION } from "./version";

export interface OutStream extends ProgressStream {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  env: Readonly<Record<string, string | undefined>>;
  /** The script worker threads run (the bundle); without it every file is checked in-process. */
  workerScript?: string;
}

/** NO_COLOR (https://no-color.org): set and not empty disables colour. */
export function useColour(stdout: OutStream, env: CliIo["env"]): boolean {
  const noColour = env.NO_COLOR;
  return stdout.isTTY === true && (noColour === undefined || noColour === "");
}

function line(io: CliIo, text: string): void {
  io.stderr.write(`pmark: ${text}\n`);
}

async function runCheck(args: CheckArgs, io: CliIo): Promise<number> {
  const lang: Lang = args.lang;
  const profile = await resolveProfile(args.profile);
  if (!profile.ok) {
    line(io, profile.message[lang]);
    return 2;
  }
  const options: CheckOptions = {};
  if (args.today !== undefined) options.today = args.today;
  if (profile.profile !== undefined) options.profile = profile.profile;
  if (args.rules.length > 0) options.rules = args.rules;
  if (args.skipRules.length > 0) options.skipRules = args.skipRules;

  const inputs = await expandInputs(args.inputs);
  const progress = createProgress(io.stderr, inputs.length);
  const run: Parameters<typeof checkInputs>[2] = { onProgress: (d, t, f) => progress.update(d, t, f) };
  if (io.workerScript !== undefined) run.workerScript = io.workerScript;
  let results;
  try {
    results = await checkInputs(inputs, options, run);
  } finally {
    progress.clear();
  }

  for (const r of results) if (!r.ok) line(io, failureMessage(r.file, r.failure)[lang]);
  let out: string;
  if (args.format === "json") out = formatJson(results);
  else if (args.format === "sarif") out = formatSarif(results, lang, VERSION);
  else out = formatText(results, lang, { colour: useColour(io.stdout, io.env) });
  if (out !== "") io.stdout.write(out);
  return exitStatus(results);
}

/** Runs `pmark` with the given arguments; resolves to the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case "help":
      io.stdout.write(helpText(args.lang, VERSION));
      return 0;
    case "version":
      io.stdout.write(`${VERSION}\n`);
      return 0;
    case "usage-error":
      io.stderr.write(`pmark: ${args.message[args.lang]}\n${USAGE[args.lang]}\n`);
      return 2;
    case "check":
      return runCheck(args, io);
    case "template":
      return runTemplate(args, io);
  }
}
