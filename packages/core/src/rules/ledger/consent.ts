import type { LedgerField } from "../../glossary/fields";
import { ENTRUSTED_ACQUISITION_WORDS } from "../../glossary/acquisition";
import { LEGAL_BASIS_WORDS } from "../../glossary/vocabulary";
import { scanText } from "../../read/annual";
import { flagOf, type LedgerItem } from "../../model/records";
import { ledgerCell } from "../fields";

/**
 * PRODUCT.md §4: "consent not recorded" means the consent cell is blank or no, or the ledger
 * has no consent column. The finding points at the consent cell, or at `fallbackCol` when
 * the sheet has no consent column. A consent cell that gives a legal basis instead
 * (「不要(法令に基づく提供)」) records no consent but a reason none is needed: see legalBasis.
 */
export function consentRecorded(item: LedgerItem): { recorded: boolean; col: number } {
  const cell = ledgerCell(item, "consent");
  return { recorded: flagOf(cell) === true, col: cell.col };
}

export function flag(item: LedgerItem, field: "sensitive" | "myNumber" | "disclosable" | "notice"): { value: boolean | null; col: number } {
  // 要配慮 and 特定個人情報 may come from a 個人情報区分 column (model/records.ts).
  if (field === "sensitive" || field === "myNumber") return item[field];
  const cell = ledgerCell(item, field);
  return { value: flagOf(cell), col: cell.col };
}

/** Where a ledger row says why no consent is needed. */
const BASIS_CELLS: readonly LedgerField[] = ["consent", "source", "acquisitionMethod", "note"];

/**
 * The row records that the law requires or allows the handling without consent: 「不要(安衛法に
 * 基づく)」 in the consent cell, 「健診機関(労働安全衛生法に基づく)」 as the source, 「法令に基づく提供」
 * in a note (APPI 第20条第2項第1号, 第27条第1項第1号).
 */
export function legalBasisRecorded(item: LedgerItem): boolean {
  return BASIS_CELLS.some((f) => LEGAL_BASIS_WORDS.test(scanText(ledgerCell(item, f).text)));
}

/**
 * The data came from the company that entrusted the work, a joint use or a business succession
 * (its source or acquisition method says so): not acquisition from a third party (APPI 第27条第5項).
 */
export function entrustedAcquisition(item: LedgerItem): boolean {
  return ENTRUSTED_ACQUISITION_WORDS.test(scanText(`${ledgerCell(item, "source").text} ${ledgerCell(item, "acquisitionMethod").text}`));
}
