import { dateOf, type FieldCell } from "../../model/records";
import { departmentKey, personKey, scanText, splitNames } from "../../read/annual";
import type { RecognisedSheet } from "../../recognise/sheet";
import type { WorkbookModel } from "../../model/workbook";
import { AUDIT, TRAINING } from "../fields";

/** One row of an internal audit sheet, read for the audit rules. */
export interface AuditRow {
  sheet: RecognisedSheet;
  row: number;
  date: FieldCell;
  /** Audit date as a serial; null when blank or unreadable. */
  serial: number | null;
  department: FieldCell;
  auditor: FieldCell;
  auditorDepartment: FieldCell;
}

export function auditRows(model: WorkbookModel): AuditRow[] {
  const out: AuditRow[] = [];
  for (const sheet of model.ofKind("audit")) {
    for (const row of sheet.dataRows) {
      const date = AUDIT.cell(sheet, row, "date");
      out.push({
        sheet,
        row,
        date,
        serial: dateOf(date),
        department: AUDIT.cell(sheet, row, "department"),
        auditor: AUDIT.cell(sheet, row, "auditor"),
        auditorDepartment: AUDIT.cell(sheet, row, "auditorDepartment"),
      });
    }
  }
  return out;
}

/** Same department: equal keys, or one the other plus a unit word (人事 / 人事部 / 人事部門). */
export function sameDepartment(a: string, b: string): boolean {
  const x = departmentKey(a);
  const y = departmentKey(b);
  if (x === "" || y === "") return false;
  if (x === y) return true;
  const strip = (k: string) => k.replace(/(?:部|課|室|グループ|チーム|センター|本部|事業部|division|department|dept|team|group)$/i, "");
  const sx = strip(x);
  const sy = strip(y);
  return sx !== "" && sx === sy && [...sx].length >= 2;
}

/**
 * The training sheets' people and their department (the department of their latest row): the
 * roster an auditor's department is looked up in when the audit sheet does not say it.
 */
export function rosterDepartments(model: WorkbookModel): Map<string, string> {
  const out = new Map<string, { department: string; serial: number }>();
  for (const sheet of model.ofKind("training")) {
    for (const row of sheet.dataRows) {
      const key = personKey(TRAINING.cell(sheet, row, "name").text);
      const department = TRAINING.cell(sheet, row, "department").text;
      if (key === "" || department === "") continue;
      const serial = dateOf(TRAINING.cell(sheet, row, "date")) ?? 0;
      const prev = out.get(key);
      if (!prev || prev.serial <= serial) out.set(key, { department, serial });
    }
  }
  return new Map([...out].map(([k, v]) => [k, v.department]));
}

/** The people of an auditor cell: the whole text when it is one known name, else its parts. */
export function auditorsOf(cell: FieldCell, roster: ReadonlyMap<string, string>): string[] {
  const whole = scanText(cell.text).trim();
  if (whole === "") return [];
  if (roster.has(personKey(whole))) return [whole];
  const parts = splitNames(whole);
  return parts.length > 0 ? parts : [whole];
}
