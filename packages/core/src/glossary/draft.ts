import { cellText, type CellValue } from "../grid/grid";
import type { LocalisedText } from "../i18n/text";

/**
 * The status a drafted risk row carries, so that nobody mistakes a draft for an analysis: what
 * the draft writes into the risk sheet's status column (状態 / 対応状況), and how the check
 * tells such a row again, in either language and whatever the user's spelling of it.
 */
export const DRAFT_STATUS: LocalisedText = { ja: "要確認(下書き)", en: "To review (draft)" };

/** A status cell that still says the row is a draft. Runs on NFKC text. */
export const DRAFT_WORDS = /下書き|draft/i;

/** A cell holding exactly the status a draft writes, in either language (what removal looks for). */
export function isDraftStatusText(value: CellValue): boolean {
  const t = cellText(value);
  return t === DRAFT_STATUS.ja || t === DRAFT_STATUS.en;
}
