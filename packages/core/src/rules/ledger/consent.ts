import { flagOf, type LedgerItem } from "../../read/records";
import { ledgerCell } from "../fields";

/**
 * PRODUCT.md §4: "consent not recorded" means the consent cell is blank or no, or the ledger
 * has no consent column. The finding points at the consent cell, or at `fallbackCol` when
 * the sheet has no consent column.
 */
export function consentRecorded(item: LedgerItem): { recorded: boolean; col: number } {
  const cell = ledgerCell(item, "consent");
  return { recorded: flagOf(cell) === true, col: cell.col };
}

export function flag(item: LedgerItem, field: "sensitive" | "myNumber" | "disclosable" | "notice"): { value: boolean | null; col: number } {
  const cell = ledgerCell(item, field);
  return { value: flagOf(cell), col: cell.col };
}
