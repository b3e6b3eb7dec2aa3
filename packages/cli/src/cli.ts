import type { CheckOptions, Lang } from "@pmark/core";
import { parseArgs, type CheckArgs, type ExplainArgs } from "./args";
import { explainJson, explainText } from "./format/explain";
import { exitStatus } from "./format/summary";
import { formatJson } from "./format/json";
import { formatSarif } from "./format/sarif";
import { writeText } from "./format/text";
import { expandInputs } from "./inputs";
import { failureMessage, warningMessage } from "./load/failure";
import { USAGE, helpText } from "./messages";
import { resolveProfile } from "./profile";
import { createProgress, type ProgressStream } from "./progress";
import { checkInputs } from "./runner";
import type { FileResult } from "./check-file";
import { runDraft } from "./draft";
import { runTemplate } from "./template";
import { shownName, stderrLine } from "./terminal-text";
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

function line(io: CliIo, text: string, lang: Lang): void {
  stderrLine(io.stderr, text, lang);
}

/** Reads and checks every input (folders searched), with a progress line on a terminal. */
async function checkAll(paths: readonly string[], options: CheckOptions, io: CliIo): Promise<FileResult[]> {
  const inputs = await expandInputs(paths);
  const progress = createProgress(io.stderr, inputs.length);
  const run: Parameters<typeof checkInputs>[2] = { onProgress: (d, t, f) => progress.update(d, t, f) };
  if (io.workerScript !== undefined) run.workerScript = io.workerScript;
  try {
    return await checkInputs(inputs, options, run);
  } finally {
    progress.clear();
  }
}

/** Check options with the profile the arguments name, or null (the reason printed) when it cannot be read. */
async function optionsWithProfile(profileArg: string | undefined, lang: Lang, io: CliIo): Promise<CheckOptions | null> {
  const profile = await resolveProfile(profileArg);
  if (!profile.ok) {
    line(io, profile.message[lang], lang);
    return null;
  }
  return profile.profile === undefined ? {} : { profile: profile.profile };
}

async function runCheck(args: CheckArgs, io: CliIo): Promise<number> {
  const lang: Lang = args.lang;
  const options = await optionsWithProfile(args.profile, lang, io);
  if (options === null) return 2;
  if (args.today !== undefined) options.today = args.today;
  if (args.rules.length > 0) options.rules = args.rules;
  if (args.skipRules.length > 0) options.skipRules = args.skipRules;

  const results = await checkAll(args.inputs, options, io);
  for (const r of results) {
    if (!r.ok) line(io, failureMessage(shownName(r.file, lang), r.failure)[lang], lang);
    else for (const w of r.warnings ?? []) line(io, warningMessage(shownName(r.file, lang), w)[lang], lang);
  }
  if (args.format === "text") {
    writeText(results, lang, (chunk) => io.stdout.write(chunk), { colour: useColour(io.stdout, io.env) });
  } else {
    const out = args.format === "json" ? formatJson(results) : formatSarif(results, lang, VERSION);
    if (out !== "") io.stdout.write(out);
  }
  return exitStatus(results);
}

/**
 * `pmark explain`: the same read and check as `pmark check` (one model, built once), printed as
 * how each sheet was read. Exit 0 when every file was read, 2 when one was not.
 */
async function runExplain(args: ExplainArgs, io: CliIo): Promise<number> {
  const lang: Lang = args.lang;
  const options = await optionsWithProfile(args.profile, lang, io);
  if (options === null) return 2;
  const results = await checkAll(args.inputs, options, io);
  for (const r of results) if (!r.ok) line(io, failureMessage(shownName(r.file, lang), r.failure)[lang], lang);
  const out = args.format === "json" ? explainJson(results) : explainText(results, lang);
  if (out !== "") io.stdout.write(out);
  return results.some((r) => !r.ok) ? 2 : 0;
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
      line(io, args.message[args.lang], args.lang);
      io.stderr.write(`${USAGE[args.lang]}\n`);
      return 2;
    case "check":
      return runCheck(args, io);
    case "explain":
      return runExplain(args, io);
    case "template":
      return runTemplate(args, io);
    case "draft":
      return runDraft(args, io);
  }
}
