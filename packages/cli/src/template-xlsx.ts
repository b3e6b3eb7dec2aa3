import ExcelJS from "exceljs";
import JSZip from "jszip";
import { a1, fileFormula, levelRules, rowFormula, COMPUTED_FILL, HEADER_FILL, type SheetSpec, type SpecCell, type WorkbookSpec } from "@pmark/core";

/**
 * Writes a template (core's WorkbookSpec) as .xlsx with ExcelJS: titles, styled headers, widths,
 * frozen header rows, input help and dropdowns (data validation), level colours (conditional
 * formatting), and formulas with the cached results core computed, so a file opens with correct
 * values even where nothing recalculates. Output is byte-identical for the same spec.
 */

/** Fixed workbook and zip-entry timestamps: a template's bytes depend only on its content. */
const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));
const FONT = { name: "Meiryo UI", size: 10 };
const THIN = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Excel's limits for a validation list written inline, a prompt title and a prompt. */
const INLINE_LIST_MAX = 255;
const PROMPT_TITLE_MAX = 32;
const PROMPT_MAX = 255;

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;
const solid = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } });

function cellValue(cell: SpecCell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (typeof cell === "object") return formulaValue(cell.formula, cell.result);
  return cell;
}

function formulaValue(formula: string, result: string | number | null | undefined): ExcelJS.CellValue {
  const stored = fileFormula(formula).replace(/^=/, "");
  return { formula: stored, result: result ?? "" } as ExcelJS.CellFormulaValue;
}

/** Lists that cannot be written inline (too long, or holding a comma or quote) go to the hidden sheet. */
class ListStore {
  private column = 3;
  constructor(private readonly sheet: ExcelJS.Worksheet | undefined) {}

  formula(values: readonly string[]): string {
    const inline = values.join(",");
    if (inline.length + 2 <= INLINE_LIST_MAX && !/[,"]/.test(values.join(""))) return `"${inline}"`;
    if (!this.sheet) return `"${values.map((v) => v.replace(/[,"]/g, "")).join(",").slice(0, INLINE_LIST_MAX - 2)}"`;
    this.column++;
    const sheet = this.sheet;
    values.forEach((v, i) => {
      sheet.getCell(i + 1, this.column).value = v;
    });
    const col = a1(1, this.column).replace(/\d+$/, "");
    return `'${this.sheet.name}'!$${col}$1:$${col}$${values.length}`;
  }
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: SheetSpec, spec: WorkbookSpec, lists: ListStore): void {
  const width = sheet.columns.length;
  sheet.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  if (sheet.title !== undefined) {
    const cell = ws.getCell(1, 1);
    cell.value = sheet.title;
    cell.font = { ...FONT, size: 14, bold: true };
  }
  if (sheet.note !== undefined) {
    const cell = ws.getCell(2, 1);
    cell.value = sheet.note;
    cell.font = { ...FONT, size: 9, color: { argb: "FF595959" } };
  }

  const header = ws.getRow(sheet.headerRow);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    if (sheet.hidden) return;
    cell.font = { ...FONT, bold: true };
    cell.fill = solid(HEADER_FILL);
    cell.border = BORDER;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  });
  if (!sheet.hidden) header.height = 33;

  // The table area: pre-filled rows, then formulas and styles down to tableRows.
  const last = Math.max(sheet.rows.length, sheet.tableRows);
  for (let r = 0; r < last; r++) {
    const rowNumber = sheet.headerRow + 1 + r;
    const given = sheet.rows[r];
    sheet.columns.forEach((c, i) => {
      const cell = ws.getCell(rowNumber, i + 1);
      const v = given?.[i];
      if (v !== undefined && v !== null) cell.value = cellValue(v);
      else if (c.formula && r < sheet.tableRows) cell.value = formulaValue(rowFormula(c.formula, rowNumber), c.emptyResult);
      if (sheet.hidden) return;
      cell.font = FONT;
      cell.border = BORDER;
      cell.alignment = { vertical: "top", wrapText: true };
      if (c.numberFormat) cell.numFmt = c.numberFormat;
      if (c.computed) cell.fill = solid(COMPUTED_FILL);
    });
  }

  if (sheet.tableRows > 0) {
    const levels = levelRules(spec);
    // ExcelJS's typings lack the range-keyed collection (one rule per column range, not per cell).
    const validations = (ws as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations;
    sheet.columns.forEach((c, i) => {
      const range = `${a1(sheet.headerRow + 1, i + 1)}:${a1(sheet.headerRow + sheet.tableRows, i + 1)}`;
      const prompt = c.help
        ? { showInputMessage: true, promptTitle: c.help.title.slice(0, PROMPT_TITLE_MAX), prompt: c.help.text.slice(0, PROMPT_MAX) }
        : {};
      if (c.list) {
        validations.add(range, {
          type: "list",
          allowBlank: true,
          formulae: [lists.formula(c.list.values)],
          showErrorMessage: true,
          errorStyle: c.list.strict ? "stop" : "warning",
          errorTitle: c.header.slice(0, PROMPT_TITLE_MAX),
          error: c.list.values.join(" / ").slice(0, PROMPT_MAX),
          ...prompt,
        });
      } else if (c.help) {
        validations.add(range, { type: "any", allowBlank: true, formulae: [], ...prompt });
      }
      if (c.levelColours) {
        ws.addConditionalFormatting({
          ref: range,
          rules: levels.map((l, k) => ({
            type: "cellIs",
            operator: "equal",
            priority: k + 1,
            formulae: [`"${l.equals}"`],
            style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(l.fill) } }, font: { color: { argb: argb(l.font) } } },
          })),
        });
      }
    });
  }

  if (!sheet.hidden) {
    ws.views = [
      sheet.freeze.rows > 0 || sheet.freeze.cols > 0
        ? {
            state: "frozen",
            xSplit: sheet.freeze.cols,
            ySplit: sheet.freeze.rows,
            topLeftCell: a1(sheet.freeze.rows + 1, sheet.freeze.cols + 1),
            activeCell: a1(sheet.headerRow + 1, 1),
          }
        : { state: "normal" },
    ];
    ws.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${sheet.headerRow}:${sheet.headerRow}` };
    if (width > 0) ws.autoFilter = `${a1(sheet.headerRow, 1)}:${a1(sheet.headerRow, width)}`;
  }
}

/** The .xlsx bytes of a template. */
export async function templateXlsx(spec: WorkbookSpec): Promise<Buffer> {
  const saved = JSZip.defaults.date;
  JSZip.defaults.date = FIXED_DATE;
  try {
    const wb = new ExcelJS.Workbook();
    wb.creator = "pmark";
    wb.lastModifiedBy = "pmark";
    wb.created = FIXED_DATE;
    wb.modified = FIXED_DATE;
    wb.calcProperties.fullCalcOnLoad = true;
    const sheets = spec.sheets.map(
      (s) =>
        [
          s,
          wb.addWorksheet(s.name, {
            state: s.hidden ? "hidden" : "visible",
            ...(s.tabColor ? { properties: { tabColor: { argb: argb(s.tabColor) } } } : {}),
          }),
        ] as const,
    );
    const meta = sheets.find(([s]) => s.kind === "meta")?.[1];
    const lists = new ListStore(meta);
    for (const [s, ws] of sheets) writeSheet(ws, s, spec, lists);
    return Buffer.from(await wb.xlsx.writeBuffer());
  } finally {
    JSZip.defaults.date = saved;
  }
}
