import { open, stat } from "node:fs/promises";
import {
  BUILTIN_PROFILE_IDS,
  DEFAULT_PROFILE,
  FIELD_CATALOGUE,
  RECOGNISED_KINDS,
  expandProfile,
  isBuiltinProfileId,
  profileLibraryProblems,
  profileSchema,
  resolveBuiltinProfile,
  type LocalisedText,
  type ProfileInput,
} from "@pmark/core";
import { decodeText } from "./load/csv";
import { errorText } from "./load/failure";
import { M } from "./messages";
import { ruleIds } from "./rule-ids";
import { closest } from "./suggest";

/**
 * Built-in profile ids (core's `BUILTIN_PROFILE_IDS`) and what `--profile ID` passes to core:
 * the default one means "pass no profile to core".
 */
export const BUILTIN_PROFILES: ReadonlyMap<string, ProfileInput | undefined> = new Map(
  BUILTIN_PROFILE_IDS.map((id) => [id, id === DEFAULT_PROFILE.id ? undefined : resolveBuiltinProfile(id)]),
);

export type ProfileResult = { ok: true; profile?: ProfileInput } | { ok: false; message: LocalisedText };

interface Issue {
  code?: string;
  path?: readonly PropertyKey[];
  message?: string;
  expected?: string;
  values?: readonly unknown[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
  keys?: readonly string[];
}

/** `$.fields.required[0]`, `$.rules["risk/phase-missing"]`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "$";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function describeIssue(issue: Issue): LocalisedText {
  const where = jsonPath(issue.path ?? []);
  const say = (ja: string, en: string): LocalisedText => ({ ja: `${where}: ${ja}`, en: `${where}: ${en}` });
  switch (issue.code) {
    case "invalid_type":
      return say(`${issue.expected ?? "別の型"} が必要です`, `expected ${issue.expected ?? "another type"}`);
    case "invalid_value": {
      const list = (issue.values ?? []).map((v) => JSON.stringify(v)).join(", ");
      return say(`次のいずれかにしてください: ${list}`, `must be one of ${list}`);
    }
    case "too_small": {
      const op = issue.inclusive ? ">=" : ">";
      return issue.origin === "string" || issue.origin === "array"
        ? say(`短すぎます (${op} ${String(issue.minimum)})`, `too short (${op} ${String(issue.minimum)})`)
        : say(`${op} ${String(issue.minimum)} にしてください`, `must be ${op} ${String(issue.minimum)}`);
    }
    case "too_big": {
      const op = issue.inclusive ? "<=" : "<";
      return say(`${op} ${String(issue.maximum)} にしてください`, `must be ${op} ${String(issue.maximum)}`);
    }
    case "unrecognized_keys": {
      const keys = (issue.keys ?? []).join(", ");
      return say(`不明なキーです: ${keys}`, `unknown keys: ${keys}`);
    }
    case "invalid_format":
      return say("形式が正しくありません", "invalid format");
    default:
      return say(issue.message ?? "不正な値です", issue.message ?? "invalid value");
  }
}

/** A profile is a few kilobytes; a larger file is not one (and is not read into memory). */
export const PROFILE_MAX_BYTES = 1024 * 1024;

/** A key or a value the profile schema does not know, with the closest known one. */
interface Unknown {
  path: readonly PropertyKey[];
  what: "key" | "rule" | "rule-selector" | "kind" | "field";
  value: string;
  suggestion?: string;
}

function describeUnknown(u: Unknown): LocalisedText {
  const where = jsonPath(u.path);
  const v = JSON.stringify(u.value.length > 80 ? `${u.value.slice(0, 77)}...` : u.value);
  const mean = u.suggestion === undefined ? { ja: "", en: "" } : { ja: ` (${JSON.stringify(u.suggestion)} のことですか?)`, en: ` (did you mean ${JSON.stringify(u.suggestion)}?)` };
  const what: Record<Unknown["what"], LocalisedText> = {
    key: { ja: "不明なキーです", en: "unknown key" },
    rule: { ja: "不明なルール ID です", en: "unknown rule id" },
    "rule-selector": { ja: "不明なルール ID です (ID・\"領域/\"・\"*\" のいずれか)", en: "unknown rule id (an id, an \"area/\" or \"*\")" },
    kind: { ja: "不明なシートの種類です", en: "unknown sheet kind" },
    field: { ja: "不明な項目 ID です", en: "unknown field id" },
  };
  return { ja: `${where}: ${what[u.what].ja}: ${v}${mean.ja}`, en: `${where}: ${what[u.what].en}: ${v}${mean.en}` };
}

interface ZodDef {
  type: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  element?: unknown;
  valueType?: unknown;
  options?: unknown[];
  discriminator?: string;
  values?: unknown[];
}

/** A schema's definition (zod 4's `_zod.def`, the documented surface for libraries that read schemas). */
function defOf(schema: unknown): ZodDef {
  return (schema as { _zod: { def: ZodDef } })._zod.def;
}

function unwrap(schema: unknown): ZodDef {
  let def = defOf(schema);
  for (let i = 0; i < 8 && def.innerType !== undefined && (def.type === "optional" || def.type === "nullable" || def.type === "default"); i++) {
    def = defOf(def.innerType);
  }
  return def;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Keys the schema does not define, found by walking the JSON along the schema (never deeper
 * than the schema goes): zod drops such keys silently, so a misspelt "rule" or "synonym" would
 * do nothing without a word.
 */
function unknownKeys(schema: unknown, value: unknown, path: PropertyKey[], out: Unknown[]): void {
  const def = unwrap(schema);
  if (def.type === "object" && def.shape && isPlainObject(value)) {
    const known = Object.keys(def.shape);
    for (const [key, v] of Object.entries(value)) {
      const inner = def.shape[key];
      if (inner === undefined) {
        const u: Unknown = { path, what: "key", value: key };
        const s = closest(key, known);
        if (s !== undefined) u.suggestion = s;
        out.push(u);
      } else unknownKeys(inner, v, [...path, key], out);
    }
  } else if (def.type === "array" && def.element !== undefined && Array.isArray(value)) {
    value.forEach((v, i) => unknownKeys(def.element, v, [...path, i], out));
  } else if (def.type === "record" && def.valueType !== undefined && isPlainObject(value)) {
    for (const [key, v] of Object.entries(value)) unknownKeys(def.valueType, v, [...path, key], out);
  } else if (def.type === "union" && def.options && isPlainObject(value)) {
    // A discriminated union (the risk model's "kind"): the option the value names.
    const tag = def.discriminator;
    const chosen = def.options.find((o) => {
      const d = unwrap(o);
      const lit = tag !== undefined && d.shape?.[tag] !== undefined ? unwrap(d.shape[tag]) : undefined;
      return lit?.values?.includes(value[tag ?? ""]) ?? false;
    });
    if (chosen !== undefined) unknownKeys(chosen, value, path, out);
  }
}

/** Rule ids, sheet kinds and field ids the profile names that core does not have. */
function unknownNames(json: unknown, out: Unknown[]): void {
  if (!isPlainObject(json)) return;
  const ids = ruleIds();
  const areas = new Set(ids.map((id) => id.slice(0, id.indexOf("/") + 1)));
  const push = (u: Unknown, candidates: Iterable<string>) => {
    const s = closest(u.value, candidates);
    if (s !== undefined) u.suggestion = s;
    out.push(u);
  };
  if (isPlainObject(json.rules)) {
    for (const key of Object.keys(json.rules)) {
      if (!ids.includes(key)) push({ path: ["rules"], what: "rule", value: key }, ids);
    }
  }
  if (Array.isArray(json.suppressions)) {
    json.suppressions.forEach((s, i) => {
      const rule = isPlainObject(s) ? s.rule : undefined;
      if (typeof rule !== "string") return;
      const area = rule.endsWith("/*") ? rule.slice(0, -1) : rule;
      if (rule !== "*" && !ids.includes(rule) && !areas.has(area)) {
        push({ path: ["suppressions", i, "rule"], what: "rule-selector", value: rule }, [...ids, ...areas]);
      }
    });
  }
  const fields = isPlainObject(json.fields) ? json.fields : undefined;
  if (fields && isPlainObject(fields.synonyms)) {
    for (const [kind, byField] of Object.entries(fields.synonyms)) {
      if (!(RECOGNISED_KINDS as readonly string[]).includes(kind)) {
        push({ path: ["fields", "synonyms"], what: "kind", value: kind }, RECOGNISED_KINDS);
        continue;
      }
      if (!isPlainObject(byField)) continue;
      const known = Object.keys(FIELD_CATALOGUE[kind as (typeof RECOGNISED_KINDS)[number]]);
      for (const field of Object.keys(byField)) {
        if (!known.includes(field)) push({ path: ["fields", "synonyms", kind], what: "field", value: field }, known);
      }
    }
  }
  const ledgerFields = Object.keys(FIELD_CATALOGUE.ledger);
  for (const list of ["required", "expected"] as const) {
    const entries = fields?.[list];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry, i) => {
      if (typeof entry !== "string") return;
      for (const alt of entry.split("|").map((a) => a.trim())) {
        if (alt !== "" && !ledgerFields.includes(alt)) push({ path: ["fields", list, i], what: "field", value: alt }, ledgerFields);
      }
    });
  }
}

/** The line (1-based) of a character offset, to point at a bad byte. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/**
 * A profile file's text, decoded as CSV files are (UTF-8 with or without BOM, UTF-16 with BOM,
 * Shift_JIS as Japanese Windows saves it). A file with bytes that fit none of them is refused
 * rather than read with replaced characters: a synonym with a broken character would silently
 * match nothing.
 */
async function readProfileText(value: string): Promise<{ ok: true; text: string } | { ok: false; message: LocalisedText }> {
  let bytes: Buffer;
  try {
    // Checked before opening: opening a FIFO would wait for a writer.
    if (!(await stat(value)).isFile()) return { ok: false, message: M.profileUnreadable(value, "not a regular file") };
    const handle = await open(value, "r");
    try {
      const st = await handle.stat();
      if (!st.isFile()) return { ok: false, message: M.profileUnreadable(value, "not a regular file") };
      if (st.size > PROFILE_MAX_BYTES) return { ok: false, message: M.profileTooLarge(value, PROFILE_MAX_BYTES) };
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (e) {
    const code = (e as { code?: string } | null)?.code;
    if (code === "ENOENT") return { ok: false, message: M.profileNotFound(value) };
    return { ok: false, message: M.profileUnreadable(value, code ?? errorText(e)) };
  }
  const decoded = decodeText(bytes);
  if (decoded.replaced > 0) return { ok: false, message: M.profileBadBytes(value, lineAt(decoded.text, decoded.firstReplaced)) };
  return { ok: true, text: decoded.text };
}

/** The profile refused with its first three problems and the count of the others. */
function invalid(value: string, problems: readonly LocalisedText[]): ProfileResult {
  const shown = problems.slice(0, 3);
  const joined = { ja: shown.map((s) => s.ja).join("; "), en: shown.map((s) => s.en).join("; ") };
  return { ok: false, message: M.profileInvalid(value, joined, problems.length - shown.length) };
}

function looksLikeFile(value: string): boolean {
  return /\.json$/i.test(value) || value.includes("/") || value.includes("\\");
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * `--profile ID|P.json`: a built-in id, or a JSON file validated with core's profile schema. A
 * file's `extends` must name a built-in id (core merges the file over it when it resolves the
 * profile); any other value is reported at `$.extends`. Keys the schema does not define, rule
 * ids the rule catalogue does not have, and sheet kinds or field ids the glossary does not
 * have are errors too, each with the closest known one ("did you mean …?").
 */
export async function resolveProfile(value: string | undefined): Promise<ProfileResult> {
  if (value === undefined) return { ok: true };
  if (BUILTIN_PROFILES.has(value) && !looksLikeFile(value)) {
    const builtin = BUILTIN_PROFILES.get(value);
    return builtin === undefined ? { ok: true } : { ok: true, profile: builtin };
  }
  if (!looksLikeFile(value) && !(await isFile(value))) return { ok: false, message: M.unknownProfile(value, BUILTIN_PROFILE_IDS) };

  const read = await readProfileText(value);
  if (!read.ok) return read;
  let json: unknown;
  try {
    json = JSON.parse(read.text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { ok: false, message: M.profileNotJson(value, errorText(e)) };
  }
  const unknown: Unknown[] = [];
  unknownKeys(profileSchema, json, [], unknown);
  unknownNames(json, unknown);
  if (unknown.length > 0) {
    return invalid(value, unknown.map(describeUnknown));
  }
  const parsed = profileSchema.safeParse(json);
  if (parsed.success) {
    const base = parsed.data.extends;
    if (base !== undefined && !isBuiltinProfileId(base)) {
      const ids = BUILTIN_PROFILE_IDS.join(", ");
      const issue = { ja: `$.extends: 組み込みプロファイルではありません: ${JSON.stringify(base)} (組み込み: ${ids})`, en: `$.extends: not a built-in profile: ${JSON.stringify(base)} (built-in: ${ids})` };
      return { ok: false, message: M.profileInvalid(value, issue, 0) };
    }
    // The risk library is checked like the rest of the profile: ids, phases, both languages.
    const phases = (expandProfile(parsed.data).phases ?? DEFAULT_PROFILE.phases).map((p) => p.id);
    const problems = profileLibraryProblems(parsed.data, phases);
    if (problems.length > 0) {
      return invalid(value, problems.map((p) => ({ ja: `${jsonPath(p.path)}: ${p.message.ja}`, en: `${jsonPath(p.path)}: ${p.message.en}` })));
    }
    return { ok: true, profile: parsed.data };
  }
  return invalid(value, (parsed.error.issues as readonly Issue[]).map(describeIssue));
}
