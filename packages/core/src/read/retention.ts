import type { CellValue } from "../grid/grid";
import { nfkc } from "../glossary/normalise";
import { textMemo } from "../memo";
import { INDEFINITE_RETENTION } from "../glossary/retention";
import { prepare } from "./result";

/**
 * A retention period (保管期間) as written in ledgers: 「退職後5年」「7年間」「5年」「1年6か月」
 * 「最終記入日から3年」「永年」, a bare number of years (5), English "7 years". The longest period
 * written wins (「在籍中及び退職後7年」 → 7, 「3〜5年」 → 5). Dates (「2030年3月末」「令和12年3月」)
 * are not periods. `years` is null when no period can be read; `indefinite` is true for 「永年」,
 * 「永久」, 「無期限」 and the like.
 */
export interface Retention {
  years: number | null;
  indefinite: boolean;
}


const KANJI_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 「五」「十」「十二」「二十」 → number; anything else unchanged. */
function kanjiNumber(s: string): string {
  return s.replace(/([一二三四五六七八九]?)(十)?([一二三四五六七八九]?)(?=年|か月|ヶ月|ケ月|カ月|ヵ月|箇月|月|日)/g, (whole, a: string, ten: string | undefined, b: string) => {
    if (whole === "") return whole;
    if (!ten) return a !== "" ? String(KANJI_DIGITS[a]) : whole;
    return String((a !== "" ? (KANJI_DIGITS[a] ?? 1) : 1) * 10 + (b !== "" ? (KANJI_DIGITS[b] ?? 0) : 0));
  });
}

/** A number and its unit; a four-digit or era-prefixed year is a date, not a period. */
const PERIOD = /(令和|平成|昭和|[rhs])?(\d+(?:\.\d+)?)\s*(年|か月|ヶ月|ケ月|カ月|ヵ月|箇月|月|週間|週|日|years?|yrs?|months?|weeks?|days?)/gi;

function unitYears(unit: string): number {
  const u = unit.toLowerCase();
  if (u === "年" || u.startsWith("y")) return 1;
  if (u.startsWith("w") || u.startsWith("週")) return 7 / 365;
  if (u === "日" || u.startsWith("d")) return 1 / 365;
  return 1 / 12;
}

/**
 * A retention cell as a period. Texts are read once each (frozen, shared): a ledger repeats a few
 * spellings (「5年」「退職後7年」「契約終了後3年」) down its rows, and two rules read every row.
 */
export function readRetention(v: CellValue): Retention | null {
  return typeof v === "string" ? retentionOfText(v) : readRetentionOnce(v);
}

const retentionOfText = textMemo("retention", (text: string): Retention | null => {
  const r = readRetentionOnce(text);
  return r === null ? null : Object.freeze(r);
});

function readRetentionOnce(v: CellValue): Retention | null {
  const cell = prepare(v);
  switch (cell.kind) {
    case "blank":
      return null;
    case "number":
      // A bare number is years; a large one is a date serial (廃棄予定日) and says nothing of a period.
      return cell.value > 0 && cell.value <= 100 ? { years: cell.value, indefinite: false } : { years: null, indefinite: false };
    case "boolean":
    case "tooLong":
      return { years: null, indefinite: false };
    case "text":
      break;
  }
  const text = kanjiNumber(nfkc(cell.text).toLowerCase());
  const indefinite = INDEFINITE_RETENTION.test(text);
  let best: number | null = null;
  let pendingYears: { value: number; end: number } | null = null;
  let dateEnd = -1;
  for (const m of text.matchAll(PERIOD)) {
    const [whole, era, num, unit] = m as unknown as [string, string | undefined, string, string];
    const n = Number(num);
    const at = m.index ?? 0;
    const isYear = unitYears(unit) === 1;
    // 「2030年3月末」「令和12年3月31日」: a calendar date, not a period, month and day included.
    if ((isYear && (era !== undefined || n >= 1900)) || at === dateEnd) {
      pendingYears = null;
      dateEnd = at + whole.length;
      continue;
    }
    let years = n * unitYears(unit);
    // 「1年6か月」: the months add to the years written just before them.
    if (!isYear && pendingYears && pendingYears.end === at) years += pendingYears.value;
    pendingYears = isYear ? { value: years, end: at + whole.length } : null;
    if (best === null || years > best) best = years;
  }
  if (best === null && /^\d+(?:\.\d+)?$/.test(text)) {
    const n = Number(text);
    if (n > 0 && n <= 100) best = n;
  }
  return { years: best, indefinite };
}
