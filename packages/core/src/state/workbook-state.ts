import * as z from "zod/mini";
import type { LocalisedText } from "../i18n/text";
import { profileLibraryProblems } from "../library/index";
import type { AdditionRecord } from "../plan/additions";
import { DEFAULT_PROFILE } from "../profile/default";
import { BUILTIN_PROFILE_IDS, expandProfile, isBuiltinProfileId, resolveBuiltinProfile, type BuiltinProfileId } from "../profile/builtin/index";
import { profileSchema, type ProfileInput, type SuppressionInput } from "../profile/schema";

/**
 * What the add-ins remember in the workbook itself (Excel: document settings; Sheets: document
 * properties; the preview: memory): the profile chosen for it, the findings accepted without a
 * notes column, and what the add-in added (to remove it again). It travels with the file, so
 * whoever opens the workbook next checks it the same way. Read back tolerantly: a damaged or
 * foreign value is dropped, never trusted.
 */

export type ProfileChoice = { kind: "builtin"; id: BuiltinProfileId } | { kind: "file"; name: string; profile: ProfileInput };

export interface WorkbookSettings {
  /** No choice: the default profile. */
  profile?: ProfileChoice;
  /** Accepted findings recorded here because their sheet has no notes column. */
  suppressions?: SuppressionInput[];
}

export interface WorkbookState extends WorkbookSettings {
  additions?: AdditionRecord[];
}

const choiceSchema = z.union([
  z.object({ kind: z.literal("builtin"), id: z.string() }),
  z.object({ kind: z.literal("file"), name: z.string(), profile: profileSchema }),
]);
const suppressionsSchema = z.array(z.object({ rule: z.string(), sheet: z.optional(z.string()), cell: z.optional(z.string()), row: z.optional(z.number()), reason: z.optional(z.string()) }));
const recordSchema = z.object({
  kind: z.enum(["template", "formulas", "draft"]),
  sheets: z.array(z.object({ name: z.string(), digest: z.string() })),
  formulas: z.array(z.object({ sheet: z.string(), ranges: z.array(z.string()) })),
  labels: z.array(z.object({ sheet: z.string(), cell: z.string(), text: z.string() })),
  validations: z.array(z.object({ sheet: z.string(), range: z.string() })),
  rows: z.optional(z.array(z.object({ sheet: z.string(), status: z.number(), digests: z.array(z.string()) }))),
});

/** The state stored in a workbook, from its JSON text (or parsed value); `{}` when absent or unreadable. */
export function readWorkbookState(stored: unknown): WorkbookState {
  let value = stored;
  if (typeof stored === "string") {
    try {
      value = JSON.parse(stored);
    } catch {
      return {};
    }
  }
  if (!value || typeof value !== "object") return {};
  const raw = value as Record<string, unknown>;
  const out: WorkbookState = {};
  const choice = choiceSchema.safeParse(raw.profile);
  if (choice.success) {
    const c = choice.data;
    if (c.kind === "file") out.profile = { kind: "file", name: c.name, profile: c.profile };
    else if (isBuiltinProfileId(c.id)) out.profile = { kind: "builtin", id: c.id };
  }
  const suppressions = suppressionsSchema.safeParse(raw.suppressions);
  if (suppressions.success && suppressions.data.length > 0) out.suppressions = suppressions.data as SuppressionInput[];
  const additions = z.array(recordSchema).safeParse(raw.additions);
  if (additions.success && additions.data.length > 0) out.additions = additions.data;
  return out;
}

/** The profile a check of this workbook uses: the chosen one (default when none) with the workbook's acceptances added. */
export function profileForCheck(settings: WorkbookSettings): ProfileInput | undefined {
  const choice = settings.profile;
  let base: ProfileInput | undefined;
  if (choice?.kind === "builtin") base = resolveBuiltinProfile(choice.id);
  else if (choice?.kind === "file") base = expandProfile(choice.profile);
  const extra = settings.suppressions ?? [];
  if (extra.length === 0) return base;
  const start = base ?? (resolveBuiltinProfile("jisq15001") as ProfileInput);
  return { ...start, suppressions: [...(start.suppressions ?? []), ...extra] };
}

/** The built-in profiles a user can choose, with their names. */
export function builtinChoices(): { id: BuiltinProfileId; name: LocalisedText }[] {
  return BUILTIN_PROFILE_IDS.map((id) => {
    const p = resolveBuiltinProfile(id);
    return { id, name: p?.name ?? { ja: id, en: id } };
  });
}

/** `$.fields.required[0]`: where in a profile file a problem is. */
function pathText(path: readonly PropertyKey[]): string {
  let out = "$";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `.${String(key)}`;
  return out;
}

/**
 * A profile file the user picked, read and validated: the profile, or a message naming the
 * file and the place in it that is wrong. `extends` must name a built-in profile.
 */
export function parseProfileFile(name: string, text: string): { ok: true; profile: ProfileInput } | { ok: false; message: LocalisedText } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, message: { ja: `${name}: JSON として読めません(${why})。`, en: `${name}: not valid JSON (${why}).` } };
  }
  const parsed = profileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = pathText(issue?.path ?? []);
    const what = issue?.message ?? "";
    return { ok: false, message: { ja: `${name}: ${where} がプロファイルの形式に合いません(${what})。`, en: `${name}: ${where} does not fit the profile format (${what}).` } };
  }
  const profile = parsed.data as ProfileInput;
  if (profile.extends !== undefined && !isBuiltinProfileId(profile.extends)) {
    const ids = BUILTIN_PROFILE_IDS.join(", ");
    return { ok: false, message: { ja: `${name}: $.extends「${profile.extends}」は組み込みプロファイルではありません(${ids})。`, en: `${name}: $.extends "${profile.extends}" is not a built-in profile (${ids}).` } };
  }
  const phases = (expandProfile(profile).phases ?? DEFAULT_PROFILE.phases).map((p) => p.id);
  const problem = profileLibraryProblems(profile, phases)[0];
  if (problem) {
    const where = pathText(problem.path);
    return { ok: false, message: { ja: `${name}: ${where}: ${problem.message.ja}。`, en: `${name}: ${where}: ${problem.message.en}.` } };
  }
  return { ok: true, profile };
}
