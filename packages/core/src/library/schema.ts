import * as z from "zod/mini";

/**
 * The risk library as data: for a lifecycle phase, a medium and the traits a ledger item can
 * have, a typical risk and the measure examiners expect for it, each citing the clause it
 * answers. A profile may add entries or replace built-in ones by id (`riskLibrary` in the
 * profile), so the entries a profile file writes are validated by this same schema.
 */

/** What a ledger item can have that brings its own risks (library/traits.ts reads them). */
export const ITEM_TRAITS = ["sensitive", "myNumber", "payment", "contractor", "recipient", "abroad", "cloud", "directWritten"] as const;
export type ItemTrait = (typeof ITEM_TRAITS)[number];

/**
 * The kind of harm (JIS Q 15001's 漏えい・滅失・き損, and the improper handling J.3.1.4 allows no
 * residual of: 目的外利用, 不正取得, 同意のない提供, 法令違反).
 */
export const RISK_TYPES = ["leak", "loss", "damage", "improperUse", "improperAcquisition", "unconsentedProvision", "lawBreach"] as const;
export type RiskType = (typeof RISK_TYPES)[number];

/** Risk types a company must treat in full: never an accepted residual (J.3.1.4). */
export const IMPROPER_HANDLING: ReadonlySet<RiskType> = new Set<RiskType>(["improperUse", "improperAcquisition", "unconsentedProvision", "lawBreach"]);

/** The four safety-management measures (安全管理措置) a measure belongs to. */
export const SAFEGUARDS = ["organisational", "human", "physical", "technical"] as const;
export type Safeguard = (typeof SAFEGUARDS)[number];

/** Paper, electronic, or either (an entry for both media). */
export const LIBRARY_MEDIA = ["paper", "electronic", "any"] as const;
export type LibraryMedium = (typeof LIBRARY_MEDIA)[number];

const bilingual = z.object({ ja: z.string().check(z.minLength(1), z.maxLength(400)), en: z.string().check(z.minLength(1), z.maxLength(400)) });

export const libraryEntrySchema = z.object({
  /** Stable id ("store.paper.theft"): a profile entry with a built-in id replaces that entry. */
  id: z.string().check(z.minLength(1), z.maxLength(80), z.regex(/^[a-z0-9][a-z0-9.-]*$/)),
  /** A phase id of the profile (acquire, transfer, use, store, entrust, dispose, or a profile's own). */
  phase: z.string().check(z.minLength(1)),
  media: z.enum(LIBRARY_MEDIA),
  /** Traits the item must all have for the entry to apply; none: every item of the phase and medium. */
  when: z.optional(z.array(z.enum(ITEM_TRAITS))),
  type: z.enum(RISK_TYPES),
  risk: bilingual,
  measure: bilingual,
  safeguard: z.enum(SAFEGUARDS),
  /** The clause the entry answers, as a consultant cites it (「構築・運用指針 J.3.1.3 / 個人情報保護法 第23条」). */
  clause: z.string().check(z.minLength(1), z.maxLength(200)),
});

export type LibraryEntry = z.infer<typeof libraryEntrySchema>;

/** What a profile says about the library: entries to add (or to replace by id), built-in ids to leave out, or no built-in entries at all. */
export const riskLibrarySchema = z.object({
  /** false: only the profile's own entries. */
  builtin: z.optional(z.boolean()),
  entries: z.optional(z.array(libraryEntrySchema)),
  exclude: z.optional(z.array(z.string())),
});

export type RiskLibraryInput = z.infer<typeof riskLibrarySchema>;
