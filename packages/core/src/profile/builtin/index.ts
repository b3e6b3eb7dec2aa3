import { DEFAULT_PROFILE } from "../default";
import type { ProfileInput } from "../schema";
import { ISMS_ASSET_PROFILE } from "./isms-asset";
import { PPC_DATAMAP_PROFILE } from "./ppc-datamap";
import { QUALITATIVE_PROFILE } from "./qualitative";

/**
 * The built-in profiles, selectable by id (`pmark check --profile isms-asset`, PRODUCT.md §3).
 * Each is a complete profile document; templates/profiles/<id>.json holds the same JSON for
 * consultants to copy and edit (tests/core/profiles/builtin.test.ts keeps them equal).
 *
 * - `jisq15001` (default): JIS Q 15001 / 構築・運用指針 practice, likelihood × impact 1–3.
 * - `ppc-datamap`: the PPC data-mapping toolkit: country and transfer safeguard columns, the
 *   foreign-transfer rule an error.
 * - `isms-asset`: asset value (or max of C・I・A) × threat × vulnerability, 1–27.
 * - `qualitative`: 大/中/小 (高/中/低) ratings, the level being the impact, no arithmetic.
 */
export const BUILTIN_PROFILE_IDS = ["jisq15001", "ppc-datamap", "isms-asset", "qualitative"] as const;
export type BuiltinProfileId = (typeof BUILTIN_PROFILE_IDS)[number];

const BUILTIN: Readonly<Record<BuiltinProfileId, ProfileInput>> = {
  jisq15001: DEFAULT_PROFILE,
  "ppc-datamap": PPC_DATAMAP_PROFILE,
  "isms-asset": ISMS_ASSET_PROFILE,
  qualitative: QUALITATIVE_PROFILE,
};

export function isBuiltinProfileId(id: string): id is BuiltinProfileId {
  return (BUILTIN_PROFILE_IDS as readonly string[]).includes(id);
}

/** The built-in profile with this id (exact spelling), or undefined. */
export function resolveBuiltinProfile(id: string): ProfileInput | undefined {
  return isBuiltinProfileId(id) ? BUILTIN[id] : undefined;
}

function mergeSynonyms(
  base: NonNullable<ProfileInput["fields"]>["synonyms"],
  over: NonNullable<ProfileInput["fields"]>["synonyms"],
): Record<string, Record<string, string[]>> | undefined {
  if (!base && !over) return undefined;
  const out: Record<string, Record<string, string[]>> = {};
  for (const source of [base ?? {}, over ?? {}]) {
    for (const [kind, fields] of Object.entries(source)) {
      const target = (out[kind] ??= {});
      for (const [field, list] of Object.entries(fields)) {
        target[field] = [...new Set([...(target[field] ?? []), ...list])];
      }
    }
  }
  return out;
}

/**
 * A profile whose `extends` names a built-in id, merged over that built-in; any other profile
 * unchanged. What the child gives wins, key by key:
 *
 * - `id`, `version`, `name`, `phases`, `riskModel` (a whole model, or null) replace the base's;
 * - `fields.required` and `fields.expected` replace the base's lists; `fields.synonyms` add to
 *   the base's spellings (per sheet kind and field);
 * - `reviewIntervalMonths` and `rules` are merged per key; `suppressions` are appended;
 * - `riskLibrary`: entries are appended (an entry with an id already there replaces it), `exclude`
 *   lists are joined, `builtin` is the child's if it says; `draft.scores` merge per key.
 *
 * The result has no `extends`. An `extends` that names no built-in profile is ignored here
 * (the profile is then filled from the default profile); hosts that load profile files report
 * it (the CLI exits 2 on `$.extends`).
 */
export function expandProfile(input: ProfileInput): ProfileInput {
  if (input.extends === undefined) return input;
  const { extends: baseId, ...over } = input;
  const base = resolveBuiltinProfile(baseId);
  if (!base) return over;
  const synonyms = mergeSynonyms(base.fields?.synonyms, over.fields?.synonyms);
  const required = over.fields?.required ?? base.fields?.required;
  const expected = over.fields?.expected ?? base.fields?.expected;
  const fields = synonyms || required || expected ? { ...(synonyms ? { synonyms } : {}), ...(required ? { required } : {}), ...(expected ? { expected } : {}) } : undefined;
  const reviewIntervalMonths = base.reviewIntervalMonths || over.reviewIntervalMonths ? { ...base.reviewIntervalMonths, ...over.reviewIntervalMonths } : undefined;
  const rules = base.rules || over.rules ? { ...base.rules, ...over.rules } : undefined;
  const suppressions = base.suppressions || over.suppressions ? [...(base.suppressions ?? []), ...(over.suppressions ?? [])] : undefined;
  const name = over.name ?? base.name;
  const phases = over.phases ?? base.phases;
  const riskModel = over.riskModel !== undefined ? over.riskModel : base.riskModel;
  const riskLibrary = mergeLibrary(base.riskLibrary, over.riskLibrary);
  const scores = base.draft?.scores || over.draft?.scores ? { ...base.draft?.scores, ...over.draft?.scores } : undefined;
  return {
    id: over.id,
    version: over.version,
    ...(name ? { name } : {}),
    ...(fields ? { fields } : {}),
    ...(phases ? { phases } : {}),
    ...(reviewIntervalMonths ? { reviewIntervalMonths } : {}),
    ...(riskModel !== undefined ? { riskModel } : {}),
    ...(rules ? { rules } : {}),
    ...(suppressions ? { suppressions } : {}),
    ...(riskLibrary ? { riskLibrary } : {}),
    ...(scores ? { draft: { scores } } : {}),
  };
}

function mergeLibrary(base: ProfileInput["riskLibrary"], over: ProfileInput["riskLibrary"]): ProfileInput["riskLibrary"] {
  if (!base || !over) return over ?? base;
  const own = over.entries ?? [];
  const ids = new Set(own.map((e) => e.id));
  const entries = [...(base.entries ?? []).filter((e) => !ids.has(e.id)), ...own];
  const exclude = [...new Set([...(base.exclude ?? []), ...(over.exclude ?? [])])];
  const builtin = over.builtin ?? base.builtin;
  return { ...(builtin !== undefined ? { builtin } : {}), ...(entries.length > 0 ? { entries } : {}), ...(exclude.length > 0 ? { exclude } : {}) };
}
