import * as XLSX from "@e965/xlsx";
import type { CellValue, MergedRange, SheetGrid } from "@pmark/core";

/** Excel's error codes as SheetJS stores them in `v`, for error cells that lack `w`. */
const ERROR_TEXT: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

export const READ_OPTIONS: XLSX.ParsingOptions = {
  type: "buffer",
  dense: true,
  cellFormula: true,
  cellDates: false,
  cellNF: false,
  cellStyles: false,
  cellHTML: false,
  bookVBA: false,
  WTF: false,
};

/**
 * Runs `fn` with console output muted: SheetJS reports some oddities with console.error, and
 * nothing but the report may reach stdout (JSON) or the one-line failures on stderr.
 */
export function quietly<T>(fn: () => T): T {
  const saved = { log: console.log, warn: console.warn, error: console.error, info: console.info };
  const mute = () => undefined;
  console.log = console.warn = console.error = console.info = mute;
  try {
    return fn();
  } finally {
    Object.assign(console, saved);
  }
}

export function readWorkbook(buf: Buffer): XLSX.WorkBook {
  return quietly(() => XLSX.read(buf, READ_OPTIONS));
}

function cellValue(cell: XLSX.CellObject): CellValue {
  switch (cell.t) {
    case "n":
      return typeof cell.v === "number" ? cell.v : null;
    case "b":
      return typeof cell.v === "boolean" ? cell.v : null;
    case "s":
      return cell.v === undefined || cell.v === null ? null : String(cell.v);
    case "e":
      return typeof cell.w === "string" && cell.w !== "" ? cell.w : (ERROR_TEXT[cell.v as number] ?? "#ERROR");
    case "d": {
      // Only with cellDates (off here), kept for safety: Date → Excel 1900 serial.
      const v = cell.v as unknown;
      return v instanceof Date ? v.getTime() / 86_400_000 + 25569 : null;
    }
    default:
      return null;
  }
}

/** One SheetJS dense worksheet as a SheetGrid: 0-based absolute rows and columns. */
export function sheetToGrid(name: string, sheet: XLSX.WorkSheet | undefined): SheetGrid {
  const data = (sheet?.["!data"] ?? []) as (XLSX.CellObject[] | undefined)[];
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  let anyFormula = false;
  let lastRow = -1;
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    const row: CellValue[] = [];
    const frow: (string | null)[] = [];
    if (src) {
      let lastCol = -1;
      for (let c = 0; c < src.length; c++) {
        const cell = src[c];
        if (!cell) continue;
        const v = cellValue(cell);
        const f = typeof cell.f === "string" && cell.f !== "" ? `=${cell.f}` : null;
        if (v === null && f === null) continue;
        while (row.length < c) row.push(null);
        row[c] = v;
        if (f !== null) {
          while (frow.length < c) frow.push(null);
          frow[c] = f;
          anyFormula = true;
        }
        lastCol = c;
      }
      row.length = lastCol + 1;
      if (lastCol >= 0) lastRow = r;
    }
    values.push(row);
    formulas.push(frow);
  }
  values.length = lastRow + 1;
  formulas.length = lastRow + 1;
  const merges: MergedRange[] = (sheet?.["!merges"] ?? []).map((m) => ({
    startRow: m.s.r,
    startCol: m.s.c,
    endRow: m.e.r,
    endCol: m.e.c,
  }));
  const grid: { name: string; values: CellValue[][]; formulas?: (string | null)[][]; merges?: MergedRange[] } = {
    name,
    values,
  };
  if (anyFormula) grid.formulas = formulas;
  if (merges.length > 0) grid.merges = merges;
  return grid;
}

/** Every sheet in workbook order, hidden ones included. */
export function workbookToGrids(wb: XLSX.WorkBook): SheetGrid[] {
  return wb.SheetNames.map((name) => sheetToGrid(name, wb.Sheets[name]));
}
