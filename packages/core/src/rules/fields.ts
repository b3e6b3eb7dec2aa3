import type { FieldsByKind, LedgerField, RiskField } from "../glossary/fields";
import { datedRows, headerAt, type DatedRow } from "../read/annual";
import { fieldCell, type FieldCell, type LedgerItem, type RiskEntry } from "../model/records";
import type { RecognisedSheet } from "../recognise/sheet";
import { inputCell } from "../model/assess";
import type { CellRef } from "./define";

/**
 * Field access for rules, typed by sheet kind: the field ids are glossary/fields.ts's for that
 * kind, so a misspelt field name does not compile. Each accessor reads what fieldCell, byField,
 * headerAt and datedRows read.
 */
export interface KindFields<F extends string> {
  readonly kind: keyof FieldsByKind;
  /** The cell of `field` on a data row (column -1 when the sheet has no such column). */
  cell(sheet: RecognisedSheet, row: number, field: F): FieldCell;
  /** Whether the sheet has a column for `field`. */
  has(sheet: RecognisedSheet, field: F): boolean;
  /** Where a finding about the whole sheet points: the header cell of `field`, else the first header cell. */
  header(sheet: RecognisedSheet, field?: F): CellRef;
  /** The data rows with a readable date in `field`, and the latest of them. */
  dated(sheet: RecognisedSheet, field: F): { rows: DatedRow[]; latest: DatedRow | null };
}

function fieldsOf<K extends keyof FieldsByKind>(kind: K): KindFields<FieldsByKind[K]> {
  return {
    kind,
    cell: (sheet, row, field) => fieldCell(sheet, row, field),
    has: (sheet, field) => (sheet.byField.get(field)?.length ?? 0) > 0,
    header: (sheet, field) => headerAt(sheet, field),
    dated: (sheet, field) => datedRows(sheet, field),
  };
}

export const LEDGER = fieldsOf("ledger");
export const RISK = fieldsOf("risk");
export const CONTRACTOR = fieldsOf("contractor");
export const LAW = fieldsOf("law");
export const TRAINING = fieldsOf("training");
export const AUDIT = fieldsOf("audit");
export const REVIEW = fieldsOf("review");

/** A ledger item's cell of a ledger field. */
export function ledgerCell(item: LedgerItem, field: LedgerField): FieldCell {
  return fieldCell(item.sheet, item.row, field);
}

/** A risk entry's cell of a risk field, in its phase group's columns on a wide sheet (scoring's inputCell). */
export function riskCell(entry: RiskEntry, field: RiskField): FieldCell {
  return inputCell(entry.sheet, entry.row, field, entry.group);
}
