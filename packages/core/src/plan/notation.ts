import { cellAt, cellText, type SheetGrid } from "../grid/grid";
import type { Lang } from "../i18n/text";
import { YES_NO_CHOICES } from "../read/yesno";

/**
 * How a sheet already writes things, so that what the add-in adds matches it: the language of
 * its headers, and the yes/no notation of a flag column (○/×, 有/無, あり/なし…).
 */

/** Kana, kanji and the full-width forms Japanese headers use. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/;
const LATIN = /[A-Za-z]/;

/** "ja" when most labelled cells of the given rows are Japanese, "en" when most are Latin, else null. */
export function headerLanguage(grid: SheetGrid, rows: readonly number[]): Lang | null {
  let ja = 0;
  let en = 0;
  for (const r of rows) {
    const row = grid.values[r] ?? [];
    for (const v of row) {
      const t = cellText(v);
      if (JAPANESE.test(t)) ja++;
      else if (LATIN.test(t)) en++;
    }
  }
  if (ja === 0 && en === 0) return null;
  return ja >= en ? "ja" : "en";
}

/** The language most of the given header rows are written in (each sheet one vote, ties to Japanese); `fallback` when none says. */
export function headersLanguage(headers: Iterable<{ grid: SheetGrid; rows: readonly number[] }>, fallback: Lang): Lang {
  const votes = { ja: 0, en: 0 };
  for (const h of headers) {
    const lang = headerLanguage(h.grid, h.rows);
    if (lang) votes[lang]++;
  }
  if (votes.ja === 0 && votes.en === 0) return fallback;
  return votes.ja >= votes.en ? "ja" : "en";
}

/** Spellings of one notation: the yes words and the no words, the first of each its default. */
const FAMILIES: readonly { yes: readonly string[]; no: readonly string[] }[] = [
  { yes: ["○", "〇", "◯"], no: ["×", "✕", "☓"] },
  { yes: ["有"], no: ["無"] },
  { yes: ["有り"], no: ["無し"] },
  { yes: ["あり", "アリ"], no: ["なし", "ナシ"] },
  { yes: ["はい"], no: ["いいえ"] },
  { yes: ["要"], no: ["不要"] },
  { yes: ["該当"], no: ["非該当"] },
  { yes: ["Yes", "yes", "YES", "Y"], no: ["No", "no", "NO", "N"] },
];

/**
 * The dropdown choices for a yes/no column: the notation most of its filled cells use, in the
 * spelling they use (「〇」 stays 「〇」); the default of `lang` when none of its cells is one.
 */
export function yesNoChoices(grid: SheetGrid, col: number, rows: readonly number[], lang: Lang): string[] {
  const counts = FAMILIES.map(() => ({ total: 0, yes: new Map<string, number>(), no: new Map<string, number>() }));
  for (const r of rows) {
    const t = cellText(cellAt(grid, r, col));
    if (t === "") continue;
    FAMILIES.forEach((f, i) => {
      const c = counts[i] as (typeof counts)[number];
      const side = f.yes.includes(t) ? c.yes : f.no.includes(t) ? c.no : null;
      if (!side) return;
      c.total++;
      side.set(t, (side.get(t) ?? 0) + 1);
    });
  }
  let best = -1;
  counts.forEach((c, i) => {
    if (c.total > 0 && (best < 0 || c.total > (counts[best] as (typeof counts)[number]).total)) best = i;
  });
  if (best < 0) return [...YES_NO_CHOICES[lang]];
  const family = FAMILIES[best] as (typeof FAMILIES)[number];
  const c = counts[best] as (typeof counts)[number];
  const mostUsed = (m: Map<string, number>, fallback: string) => [...m].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallback;
  return [mostUsed(c.yes, family.yes[0] as string), mostUsed(c.no, family.no[0] as string)];
}
