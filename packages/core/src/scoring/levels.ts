import type { Lang, LocalisedText } from "../i18n/text";

/** The three risk levels every model ends in (PRODUCT.md §3). */
export type LevelId = "high" | "medium" | "low";

/** Highest first, as reports and dropdowns list them. */
export const LEVEL_IDS: readonly LevelId[] = ["high", "medium", "low"];

const RANK: Record<LevelId, number> = { low: 1, medium: 2, high: 3 };

/** 1 低, 2 中, 3 高: for comparing levels ("at or above the action level"). */
export function levelRank(level: LevelId): number {
  return RANK[level];
}

export function levelOfRank(rank: number): LevelId {
  return rank >= 3 ? "high" : rank >= 2 ? "medium" : "low";
}

const LABELS: Record<Lang, Record<LevelId, string>> = {
  ja: { high: "高", medium: "中", low: "低" },
  en: { high: "High", medium: "Medium", low: "Low" },
};

/** The word a formula writes and a report shows: 高/中/低 or High/Medium/Low. */
export function levelLabel(level: LevelId, lang: Lang = "ja"): string {
  return LABELS[lang][level];
}

export function levelText(level: LevelId): LocalisedText {
  return { ja: LABELS.ja[level], en: LABELS.en[level] };
}

/**
 * What a formula shows when an input is present but unusable (text in a number cell, a value
 * off the scale, a decimal): a text that cannot be mistaken for a level, the same in the score
 * and the level cell. `evaluate` reports the same rows as `{ ok: false, invalid }`.
 */
export const INPUT_ERROR_MARKER: Readonly<Record<Lang, string>> = { ja: "#入力エラー", en: "#INVALID" };

/**
 * The level words a qualitative model reads, exactly as typed (what the emitted formula can
 * compare with `=`): 高/大 high, 中 medium, 低/小 low.
 */
export const LEVEL_WORDS: Readonly<Record<LevelId, readonly string[]>> = {
  high: ["高", "大"],
  medium: ["中"],
  low: ["低", "小"],
};
