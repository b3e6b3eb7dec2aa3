import type { CellValue } from "../grid/grid";
import { normaliseValue, nfkc } from "../glossary/normalise";
import { fail, isDashOnly, ok, prepare, readByText, type ReadResult } from "./result";

/** Dropdown choices a template offers for a yes/no column. */
export const YES_NO_CHOICES = { ja: ["有", "無"], en: ["Yes", "No"] } as const;

/** Spellings seen in flag columns (有無, 同意, 要配慮, 一般/機微…), in normalised form. */
const YES_WORDS = [
  "○", "〇", "◯", "●", "◎", "✓", "✔", "☑", "レ",
  "有", "有り", "あり", "アリ", "はい", "yes", "y", "true", "1",
  "済", "済み", "要", "必要", "該当", "対象", "取得済", "取得済み", "同意済", "同意済み", "機微",
];
const NO_WORDS = [
  "×", "✕", "✗", "✖", "☓", "x",
  "無", "無し", "なし", "ナシ", "いいえ", "no", "n", "false", "0",
  "不要", "非該当", "該当なし", "該当無し", "対象外", "非対象", "未", "未取得", "未同意", "一般",
];

const LOOKUP = new Map<string, boolean>([
  ...YES_WORDS.map((w) => [normaliseValue(w), true] as const),
  ...NO_WORDS.map((w) => [normaliseValue(w), false] as const),
]);

/** Where a leading answer ends and its note begins: 「有(書面)」, 「あり:同意書」, 「有り/書面」. */
const NOTE_START = /[\s([{<「『【〔〈《:;/,、・|]/;
const NOTE_SPLIT = /[\s()[\]{}<>「」『』【】〔〕〈〉《》:;/,、・|]+/;

/**
 * Reads a yes/no cell: booleans, 1/0, ○/×, 有/無, あり/なし, 済/未, 要/不要, 該当/非該当,
 * 機微/一般, yes/no (case- and width-insensitive), and a dash for "no". A recognised word
 * followed by a note (「有(書面)」, 「なし(通知のみ)」) reads as that word, hint 「補足付き」.
 * Anything else (「要確認」, 「一部」) is not a yes/no.
 */
export function readYesNo(v: CellValue): ReadResult<boolean> | null {
  return readByText("yesNo", v, readYesNoOnce, undefined);
}

function readYesNoOnce(v: CellValue): ReadResult<boolean> | null {
  const cell = prepare(v);
  switch (cell.kind) {
    case "blank":
      return null;
    case "boolean":
      return ok(cell.value);
    case "number":
      return cell.value === 1 ? ok(true) : cell.value === 0 ? ok(false) : fail();
    case "tooLong":
      return fail();
    case "text": {
      if (isDashOnly(cell.text)) return ok(false);
      const whole = LOOKUP.get(normaliseValue(cell.text));
      if (whole !== undefined) return ok(whole);
      const text = nfkc(cell.text).toLowerCase();
      const cut = text.search(NOTE_START);
      if (cut <= 0) return fail();
      const head = text.slice(0, cut);
      const first = isDashOnly(head) ? false : LOOKUP.get(normaliseValue(head));
      if (first === undefined) return fail();
      // A note that gives the opposite answer (「有/無」 left from a template, 「有(書面)・無(口頭)」) is no answer.
      const contradicted = text
        .slice(cut)
        .split(NOTE_SPLIT)
        .some((note) => LOOKUP.get(normaliseValue(note)) === !first);
      return contradicted ? fail() : ok(first, "補足付き");
    }
  }
}
