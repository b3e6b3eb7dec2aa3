import type { ExtraSynonyms } from "../glossary/match";
import type { RiskLibraryInput } from "../library/schema";
import type { RuleSeverities } from "../rules/ids";
import type { RiskModelDef } from "../scoring/schema";
import { expandProfile } from "./builtin/index";
import { DEFAULT_PROFILE } from "./default";
import type { PhaseDef, ProfileInput, SuppressionInput } from "./schema";

/** A profile with every default filled in: what the recogniser and the rules read. */
export interface ResolvedProfile {
  id: string;
  version: string;
  synonyms: ExtraSynonyms;
  /** Each entry lists alternative fields, any one of which satisfies it. */
  required: string[][];
  expected: string[][];
  phases: readonly PhaseDef[];
  reviewMonths: { ledger: number; risk: number; contractors: number; laws: number; training: number; audit: number; review: number };
  /** Each rule's severity or "off", by id (ids outside the catalogue are left out of the type). */
  rules: Readonly<RuleSeverities>;
  /**
   * The risk model (scoring/): the profile's, else the default profile's; null = read the model
   * from each risk sheet's columns. A model with `fallback: "infer"` (the default profile's)
   * also gives way to the columns when a sheet does not fit it: see scoring/infer.ts.
   */
  riskModel: RiskModelDef | null;
  /** Accepted findings (report/suppress.ts); none by default. */
  suppressions: readonly SuppressionInput[];
  /**
   * The profile's changes to the risk library drafts take their rows from (library/ resolves
   * them: only drafting loads the library, not every check).
   */
  riskLibrary: RiskLibraryInput | undefined;
  /** Values for a drafted row's scoring inputs, by risk field id; none by default. */
  draftScores: Readonly<Record<string, number | string>>;
}

function alternatives(list: readonly string[]): string[][] {
  return list.map((entry) => entry.split("|").map((s) => s.trim()).filter(Boolean));
}

/** One object for "no extra spellings": what recognition builds from them is kept per object. */
const NO_SYNONYMS: ExtraSynonyms = Object.freeze({});

/**
 * Fills a (possibly partial) profile: a profile whose `extends` names a built-in id is first
 * merged over that built-in (builtin/index.ts `expandProfile`); whatever is still missing comes
 * from the default profile.
 */
export function resolveProfile(input: ProfileInput = DEFAULT_PROFILE): ResolvedProfile {
  const d = DEFAULT_PROFILE;
  const p = expandProfile(input);
  const resolved: ResolvedProfile = {
    id: p.id,
    version: p.version,
    synonyms: p.fields?.synonyms ?? NO_SYNONYMS,
    required: alternatives(p.fields?.required ?? d.fields.required),
    expected: alternatives(p.fields?.expected ?? d.fields.expected),
    phases: p.phases ?? d.phases,
    reviewMonths: { ...d.reviewIntervalMonths, ...(p.reviewIntervalMonths ?? {}) },
    rules: p.rules ?? {},
    riskModel: p.riskModel === undefined ? d.riskModel : p.riskModel,
    suppressions: p.suppressions ?? [],
    riskLibrary: p.riskLibrary,
    draftScores: p.draft?.scores ?? {},
  };
  return resolved;
}
