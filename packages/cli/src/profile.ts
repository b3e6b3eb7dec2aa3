import { readFile, stat } from "node:fs/promises";
import { BUILTIN_PROFILE_IDS, DEFAULT_PROFILE, isBuiltinProfileId, profileSchema, resolveBuiltinProfile, type LocalisedText, type ProfileInput } from "@pmark/core";
import { errorText } from "./load/failure";
import { M } from "./messages";

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
 * profile); any other value is reported at `$.extends`.
 */
export async function resolveProfile(value: string | undefined): Promise<ProfileResult> {
  if (value === undefined) return { ok: true };
  if (BUILTIN_PROFILES.has(value) && !looksLikeFile(value)) {
    const builtin = BUILTIN_PROFILES.get(value);
    return builtin === undefined ? { ok: true } : { ok: true, profile: builtin };
  }
  if (!looksLikeFile(value) && !(await isFile(value))) return { ok: false, message: M.unknownProfile(value, BUILTIN_PROFILE_IDS) };

  let text: string;
  try {
    text = await readFile(value, "utf8");
  } catch (e) {
    const code = (e as { code?: string } | null)?.code;
    if (code === "ENOENT") return { ok: false, message: M.profileNotFound(value) };
    return { ok: false, message: M.profileUnreadable(value, code ?? errorText(e)) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { ok: false, message: M.profileNotJson(value, errorText(e)) };
  }
  const parsed = profileSchema.safeParse(json);
  if (parsed.success) {
    const base = parsed.data.extends;
    if (base !== undefined && !isBuiltinProfileId(base)) {
      const ids = BUILTIN_PROFILE_IDS.join(", ");
      const issue = { ja: `$.extends: 組み込みプロファイルではありません: ${JSON.stringify(base)} (組み込み: ${ids})`, en: `$.extends: not a built-in profile: ${JSON.stringify(base)} (built-in: ${ids})` };
      return { ok: false, message: M.profileInvalid(value, issue, 0) };
    }
    return { ok: true, profile: parsed.data };
  }
  const issues = parsed.error.issues as readonly Issue[];
  const shown = issues.slice(0, 3).map(describeIssue);
  return {
    ok: false,
    message: M.profileInvalid(
      value,
      { ja: shown.map((s) => s.ja).join("; "), en: shown.map((s) => s.en).join("; ") },
      issues.length - shown.length,
    ),
  };
}
