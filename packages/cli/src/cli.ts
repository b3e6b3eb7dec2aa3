import { diffWorkbooks, resolveProfile as resolveProfileInput, writeDiffHtml, type CheckOptions, type HtmlReportMeta, type Lang, type ProfileInput } from "@pmark/core";
import { parseArgs, type CheckArgs, type DiffArgs, type ExplainArgs } from "./args";
import { explainJson, explainText } from "./format/explain";
import { exitStatus } from "./format/summary";
import { formatJson } from "./format/json";
import { formatJsonDiff, formatJsonDiffFailure, writeDiffText } from "./format/diff";
import { writeHtml } from "./format/html";
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

/** Today in this machine's clock, YYYY-MM-DD: the check date when --today is not given. */
function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** What a report page says about the run: language, check date, profile (id and version) and pmark's version. */
function htmlMeta(lang: Lang, checkDate: string, profile: ProfileInput | undefined): HtmlReportMeta {
  const p = resolveProfileInput(profile);
  return { lang, checkDate, profile: { id: p.id, version: p.version }, generator: `pmark ${VERSION}` };
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

/** One stderr line for each file that could not be read and for each warning about one that was. */
function readProblems(results: readonly FileResult[], lang: Lang, io: CliIo): void {
  for (const r of results) {
    if (!r.ok) line(io, failureMessage(shownName(r.file, lang), r.failure)[lang], lang);
    else for (const w of r.warnings ?? []) line(io, warningMessage(shownName(r.file, lang), w)[lang], lang);
  }
}

async function runCheck(args: CheckArgs, io: CliIo): Promise<number> {
  const lang: Lang = args.lang;
  const options = await optionsWithProfile(args.profile, lang, io);
  if (options === null) return 2;
  if (args.today !== undefined) options.today = args.today;
  // A report page states its check date: fixed here, so it is the date the rules ran at.
  else if (args.format === "html") options.today = localToday();
  if (args.rules.length > 0) options.rules = args.rules;
  if (args.skipRules.length > 0) options.skipRules = args.skipRules;

  const results = await checkAll(args.inputs, options, io);
  readProblems(results, lang, io);
  if (args.format === "text") {
    writeText(results, lang, (chunk) => io.stdout.write(chunk), { colour: useColour(io.stdout, io.env) });
  } else if (args.format === "html") {
    writeHtml(results, htmlMeta(lang, options.today ?? localToday(), options.profile), (chunk) => io.stdout.write(chunk));
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

/**
 * `pmark diff OLD NEW`: both workbooks checked once each (on worker threads, in parallel), their
 * snapshots compared. 0: no new error since last year; 1: new errors; 2: an input unreadable
 * (one line each on stderr).
 */
async function runDiff(args: DiffArgs, io: CliIo): Promise<number> {
  const lang = args.lang;
  const options = await optionsWithProfile(args.profile, lang, io);
  if (options === null) return 2;
  options.today = args.today ?? localToday();
  const run: Parameters<typeof checkInputs>[2] = { snapshot: true };
  if (io.workerScript !== undefined) run.workerScript = io.workerScript;
  const [old, now] = await checkInputs([{ file: args.old }, { file: args.new }], options, run);
  if (!old || !now) return 2;
  readProblems([old, now], lang, io);
  if (!old.ok || !now.ok || !old.snapshot || !now.snapshot) {
    if (args.format === "json") io.stdout.write(formatJsonDiffFailure(old, now));
    return 2;
  }
  const diff = diffWorkbooks({ report: old.report, snapshot: old.snapshot }, { report: now.report, snapshot: now.snapshot });
  const files = { old: args.old, new: args.new };
  const write = (chunk: string) => io.stdout.write(chunk);
  if (args.format === "json") write(formatJsonDiff(files, diff));
  else if (args.format === "html") writeDiffHtml({ oldFile: args.old, newFile: args.new, diff }, htmlMeta(lang, options.today, options.profile), write);
  else writeDiffText(files, diff, lang, write);
  return diff.summary.findings.newErrors > 0 ? 1 : 0;
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
    case "diff":
      return runDiff(args, io);
    case "template":
      return runTemplate(args, io);
    case "draft":
      return runDraft(args, io);
  }
}
