import type { Lang, LocalisedText } from "@pmark/core";
import { M } from "./messages";
import { isKnownRuleSelector, suggestRuleId } from "./rule-ids";

export type OutputFormat = "text" | "json" | "sarif" | "html";
export type DiffFormat = "text" | "json" | "html";

export interface CheckArgs {
  command: "check";
  inputs: string[];
  profile?: string;
  today?: string;
  format: OutputFormat;
  lang: Lang;
  rules: string[];
  skipRules: string[];
}

/** `pmark template [--profile ID|P.json] [--lang ja|en] --out FILE.xlsx [--force]`. */
export interface TemplateArgs {
  command: "template";
  profile?: string;
  lang: Lang;
  out: string;
  /** Replace an existing --out file. */
  force: boolean;
}

/** `pmark explain FILE... [--profile ID|P.json] [--format text|json] [--lang ja|en]`: how each sheet was read. */
export interface ExplainArgs {
  command: "explain";
  inputs: string[];
  profile?: string;
  format: "text" | "json";
  lang: Lang;
}

/** `pmark draft FILE --out OUT.xlsx [--profile ID|P.json] [--lang ja|en] [--force]`. */
export interface DraftArgs {
  command: "draft";
  input: string;
  profile?: string;
  lang: Lang;
  out: string;
  force: boolean;
}

/** `pmark diff OLD NEW [--profile ID|P.json] [--today YYYY-MM-DD] [--format text|json|html] [--lang ja|en]`. */
export interface DiffArgs {
  command: "diff";
  old: string;
  new: string;
  profile?: string;
  today?: string;
  format: DiffFormat;
  lang: Lang;
}

export type ParsedArgs =
  | CheckArgs
  | ExplainArgs
  | DiffArgs
  | TemplateArgs
  | DraftArgs
  | { command: "help"; lang: Lang }
  | { command: "version" }
  | { command: "usage-error"; lang: Lang; message: LocalisedText };

const VALUE_OPTIONS = ["--profile", "--today", "--format", "--lang", "--rule", "--skip-rule", "--out"] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];
/** Options `template` does not take (`check` and `diff` do); --out is `template`'s; --profile and --lang serve all. */
const CHECK_ONLY: readonly ValueOption[] = ["--today", "--format", "--rule", "--skip-rule"];

function isValueOption(name: string): name is ValueOption {
  return (VALUE_OPTIONS as readonly string[]).includes(name);
}

/** YYYY-MM-DD that names a real calendar day. */
export function isValidDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || mo < 1 || mo > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** The --lang value if it is valid anywhere in argv, so usage errors speak the user's language. */
export function langHint(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") break;
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (v === "ja" || v === "en") return v;
  }
  return "ja";
}

/**
 * Parses `pmark` arguments. Options may come before or after the inputs, as `--opt value` or
 * `--opt=value`; `--rule`/`--skip-rule` repeat and take comma-separated lists; `--` ends options.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const lang = langHint(argv);
  const error = (message: LocalisedText): ParsedArgs => ({ command: "usage-error", lang, message });

  const positionals: string[] = [];
  const values: Partial<Record<ValueOption, string[]>> = {};
  let help = false;
  let version = false;
  let force = false;
  let onlyPositionals = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (onlyPositionals || arg === "-" || !arg.startsWith("-")) {
      positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith("--") && eq > 0 ? arg.slice(eq + 1) : undefined;
    if (name === "--help" || name === "-h" || name === "--version" || name === "-V" || name === "-v") {
      if (inline !== undefined) return error(M.noValueAllowed(name));
      if (name === "--help" || name === "-h") help = true;
      else version = true;
      continue;
    }
    if (name === "--force") {
      if (inline !== undefined) return error(M.noValueAllowed(name));
      force = true;
      continue;
    }
    if (!isValueOption(name)) return error(M.unknownOption(name));
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith("--") && next.length > 2)) return error(M.missingValue(name));
      value = next;
      i++;
    }
    (values[name] ??= []).push(value);
  }

  if (help) return { command: "help", lang };
  if (version) return { command: "version" };

  const [command, ...inputs] = positionals;
  if (command === undefined) return error(M.noCommand);
  if (command !== "check" && command !== "template" && command !== "explain" && command !== "draft" && command !== "diff") return error(M.unknownCommand(command));

  const last = (name: ValueOption): string | undefined => values[name]?.at(-1);
  if (command === "template") return parseTemplate(inputs, last, error, force);
  if (command === "explain") return parseExplain(inputs, last, error, force);
  if (command === "draft") return parseDraft(inputs, last, error, force);
  if (command === "diff") return parseDiff(inputs, last, error, force);
  if (values["--out"]) return error(M.optionNotFor("--out", "check"));
  if (force) return error(M.optionNotFor("--force", "check"));
  if (inputs.length === 0) return error(M.noInputs);

  const format = last("--format") ?? "text";
  if (format !== "text" && format !== "json" && format !== "sarif" && format !== "html") return error(M.badFormat(format));
  const chosenLang = last("--lang") ?? "ja";
  if (chosenLang !== "ja" && chosenLang !== "en") return error(M.badLang(chosenLang));
  const today = last("--today");
  if (today !== undefined && !isValidDate(today)) return error(M.badToday(today));
  const profile = last("--profile");
  if (profile !== undefined && profile.trim() === "") return error(M.missingValue("--profile"));

  const ruleList = (name: "--rule" | "--skip-rule"): string[] | LocalisedText => {
    const out: string[] = [];
    for (const raw of values[name] ?? []) {
      const parts = raw.split(",").map((s) => s.trim());
      if (parts.every((p) => p === "")) return M.emptyRule(name);
      for (const p of parts) {
        if (p === "") continue;
        if (!isKnownRuleSelector(p)) return M.badRule(name, p, suggestRuleId(p));
        if (!out.includes(p)) out.push(p);
      }
    }
    return out;
  };
  const rules = ruleList("--rule");
  if (!Array.isArray(rules)) return error(rules);
  const skipRules = ruleList("--skip-rule");
  if (!Array.isArray(skipRules)) return error(skipRules);

  const result: CheckArgs = { command: "check", inputs, format, lang: chosenLang, rules, skipRules };
  if (today !== undefined) result.today = today;
  if (profile !== undefined) result.profile = profile;
  return result;
}

function parseExplain(
  inputs: string[],
  last: (name: ValueOption) => string | undefined,
  error: (message: LocalisedText) => ParsedArgs,
  force: boolean,
): ParsedArgs {
  const misplaced = (["--today", "--rule", "--skip-rule", "--out"] as const).find((o) => last(o) !== undefined);
  if (misplaced) return error(M.optionNotFor(misplaced, "explain"));
  if (force) return error(M.optionNotFor("--force", "explain"));
  if (inputs.length === 0) return error(M.noInputs);
  const format = last("--format") ?? "text";
  if (format !== "text" && format !== "json") return error(M.badExplainFormat(format));
  const lang = last("--lang") ?? "ja";
  if (lang !== "ja" && lang !== "en") return error(M.badLang(lang));
  const profile = last("--profile");
  if (profile !== undefined && profile.trim() === "") return error(M.missingValue("--profile"));
  const result: ExplainArgs = { command: "explain", inputs, format, lang };
  if (profile !== undefined) result.profile = profile;
  return result;
}

function parseTemplate(
  extra: readonly string[],
  last: (name: ValueOption) => string | undefined,
  error: (message: LocalisedText) => ParsedArgs,
  force: boolean,
): ParsedArgs {
  const misplaced = CHECK_ONLY.find((o) => last(o) !== undefined);
  if (misplaced) return error(M.optionNotFor(misplaced, "template"));
  if (extra.length > 0) return error(M.templateExtra(extra[0] as string));
  const lang = last("--lang") ?? "ja";
  if (lang !== "ja" && lang !== "en") return error(M.badLang(lang));
  const out = last("--out");
  if (out === undefined || out.trim() === "") return error(M.templateNoOut);
  if (!/\.xlsx$/i.test(out)) return error(M.templateNotXlsx(out));
  const profile = last("--profile");
  if (profile !== undefined && profile.trim() === "") return error(M.missingValue("--profile"));
  const result: TemplateArgs = { command: "template", lang, out, force };
  if (profile !== undefined) result.profile = profile;
  return result;
}

function parseDraft(
  inputs: readonly string[],
  last: (name: ValueOption) => string | undefined,
  error: (message: LocalisedText) => ParsedArgs,
  force: boolean,
): ParsedArgs {
  const misplaced = CHECK_ONLY.find((o) => last(o) !== undefined);
  if (misplaced) return error(M.optionNotFor(misplaced, "draft"));
  if (inputs.length === 0) return error(M.draftNoInput);
  if (inputs.length > 1) return error(M.draftOneInput(inputs[1] as string));
  const lang = last("--lang") ?? "ja";
  if (lang !== "ja" && lang !== "en") return error(M.badLang(lang));
  const out = last("--out");
  if (out === undefined || out.trim() === "") return error(M.draftNoOut);
  if (!/\.xls[xm]$/i.test(out)) return error(M.draftNotXlsx(out));
  const profile = last("--profile");
  if (profile !== undefined && profile.trim() === "") return error(M.missingValue("--profile"));
  const result: DraftArgs = { command: "draft", input: inputs[0] as string, lang, out, force };
  if (profile !== undefined) result.profile = profile;
  return result;
}

function parseDiff(
  inputs: readonly string[],
  last: (name: ValueOption) => string | undefined,
  error: (message: LocalisedText) => ParsedArgs,
  force: boolean,
): ParsedArgs {
  const misplaced = (["--out", "--rule", "--skip-rule"] as const).find((o) => last(o) !== undefined);
  if (misplaced) return error(M.optionNotFor(misplaced, "diff"));
  if (force) return error(M.optionNotFor("--force", "diff"));
  if (inputs.length !== 2) return error(M.diffInputs(inputs.length));
  const format = last("--format") ?? "text";
  if (format !== "text" && format !== "json" && format !== "html") return error(M.badDiffFormat(format));
  const lang = last("--lang") ?? "ja";
  if (lang !== "ja" && lang !== "en") return error(M.badLang(lang));
  const today = last("--today");
  if (today !== undefined && !isValidDate(today)) return error(M.badToday(today));
  const profile = last("--profile");
  if (profile !== undefined && profile.trim() === "") return error(M.missingValue("--profile"));
  const result: DiffArgs = { command: "diff", old: inputs[0] as string, new: inputs[1] as string, format, lang };
  if (today !== undefined) result.today = today;
  if (profile !== undefined) result.profile = profile;
  return result;
}
