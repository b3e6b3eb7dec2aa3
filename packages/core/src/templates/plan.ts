import { a1, type CellValue } from "../grid/grid";
import { textCell } from "../plan/cells";
import type { WriteOp, WritePlan } from "../plan/types";
import { COMPUTED_FILL, HEADER_FILL, LEVEL_COLOURS, rowFormula, type SheetSpec, type WorkbookSpec } from "./spec";

/** Strings stay text whatever they look like (「2024/4/1」, 「-」, 「00123」); numbers and blanks pass as they are. */
function text<T extends CellValue>(v: T): T | string {
  return typeof v === "string" ? textCell(v) : v;
}

function columnRange(sheet: SheetSpec, col: number): string {
  return `${a1(sheet.headerRow + 1, col)}:${a1(sheet.headerRow + sheet.tableRows, col)}`;
}

/**
 * One sheet's ops: the sheet, title and note, headers, its rows, then per column over the table
 * rows the formulas, fills, number formats, dropdowns and level colours, widths and frozen panes.
 * A formula column whose every table row holds a formula cell carries those cells' results.
 */
export function sheetSpecOps(sheet: SheetSpec, levels: { equals: string; fill: string; font: string }[]): WriteOp[] {
  const name = sheet.name;
  const width = sheet.columns.length;
  const ops: WriteOp[] = [{ op: "addSheet", sheet: name, ...(sheet.tabColor ? { tabColor: sheet.tabColor } : {}), ...(sheet.hidden ? { hidden: true } : {}) }];
  if (sheet.title !== undefined || sheet.note !== undefined) {
    ops.push({ op: "values", sheet: name, row: 1, col: 1, values: [[text(sheet.title)], [text(sheet.note)]] });
    if (sheet.title !== undefined) ops.push({ op: "format", sheet: name, range: "A1", bold: true });
  }
  ops.push({ op: "values", sheet: name, row: sheet.headerRow, col: 1, values: [sheet.columns.map((c) => text(c.header))] });
  if (!sheet.hidden) {
    ops.push({ op: "format", sheet: name, range: `${a1(sheet.headerRow, 1)}:${a1(sheet.headerRow, width)}`, bold: true, fill: HEADER_FILL, wrap: true });
  }
  if (sheet.rows.length > 0) {
    const values: CellValue[][] = sheet.rows.map((row) => row.map((cell) => (cell !== null && typeof cell === "object" ? null : text(cell))));
    ops.push({ op: "values", sheet: name, row: sheet.headerRow + 1, col: 1, values });
  }
  sheet.columns.forEach((c, i) => {
    const col = i + 1;
    if (sheet.tableRows <= 0) return;
    const range = columnRange(sheet, col);
    if (c.formula) {
      const formulas: (string | null)[][] = [];
      let results: (string | number | null)[][] | null = [];
      for (let r = 1; r <= sheet.tableRows; r++) {
        formulas.push([rowFormula(c.formula, sheet.headerRow + r)]);
        const cell = sheet.rows[r - 1]?.[i];
        if (results && cell !== null && typeof cell === "object") results.push([cell.result]);
        else results = null;
      }
      ops.push({ op: "formulas", sheet: name, row: sheet.headerRow + 1, col, formulas, ...(results ? { results } : {}) });
    }
    if (c.computed) ops.push({ op: "format", sheet: name, range, fill: COMPUTED_FILL });
    if (c.numberFormat) ops.push({ op: "format", sheet: name, range, numberFormat: c.numberFormat });
    if (c.list) {
      const prompt = c.help ? `${c.help.title}: ${c.help.text}` : undefined;
      ops.push({ op: "validation", sheet: name, range, list: c.list.values, allowBlank: true, strict: c.list.strict, ...(prompt ? { prompt: { ja: prompt, en: prompt } } : {}) });
    }
    if (c.levelColours) ops.push({ op: "conditionalFormat", sheet: name, range, rules: levels });
  });
  ops.push({ op: "columnWidths", sheet: name, col: 1, widths: sheet.columns.map((c) => c.width) });
  if (sheet.freeze.rows > 0 || sheet.freeze.cols > 0) ops.push({ op: "freeze", sheet: name, rows: sheet.freeze.rows, cols: sheet.freeze.cols });
  return ops;
}

/**
 * The write plan that inserts a template's sheets into an open workbook (the add-ins' "Insert
 * template sheets"): sheets, titles, headers, example rows, formulas on every table row,
 * dropdowns with their input help, level colours, widths and frozen headers. Input help on
 * columns without a dropdown has no plan operation and is left to the .xlsx template.
 */
export function templateToPlan(spec: WorkbookSpec): WritePlan {
  const levels = levelRules(spec);
  return {
    title: { ja: "テンプレートシートの挿入", en: "Insert template sheets" },
    ops: spec.sheets.flatMap((s) => sheetSpecOps(s, levels)),
  };
}

/** Conditional fills for the level words a spec's formulas write (高/中/低 or High/Medium/Low). */
export function levelRules(spec: WorkbookSpec): { equals: string; fill: string; font: string }[] {
  return spec.levels.map((l) => ({ equals: l.label, fill: LEVEL_COLOURS[l.level].fill, font: LEVEL_COLOURS[l.level].font }));
}
