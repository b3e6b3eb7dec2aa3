/**
 * Edits a person makes to a sheet that must not change what a checker finds: inserting rows as
 * Excel does (formulas, merges and everything below move down), and renaming a header cell.
 * Used by property.test.ts on the corpus's clean workbooks.
 */
import type { CellValue, MergedRange, SheetGrid } from "../../../packages/core/src/grid/grid";

/** A1 references and ranges outside string literals, with their optional sheet prefix. */
const REF = /(?<![A-Za-z0-9_.$])((?:'(?:[^']|'')+'|[A-Za-z0-9_\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]+)!)?(\$?[A-Z]{1,3}\$?[0-9]+)(?::(\$?[A-Z]{1,3}\$?[0-9]+))?(?![A-Za-z0-9_(])/g;
const CELL = /^(\$?[A-Z]{1,3}\$?)([0-9]+)$/;

function sheetOf(prefix: string | undefined): string | null {
  if (!prefix) return null;
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/**
 * A formula after `count` rows were inserted before 1-based row `at` of sheet `target`; `own` is
 * the sheet holding the formula. References to rows at or below `at` move down, as in Excel.
 */
export function shiftFormula(formula: string, own: string, target: string, at: number, count: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REF, (m: string, prefix: string | undefined, from: string, to: string | undefined) => {
            if ((sheetOf(prefix) ?? own) !== target) return m;
            const move = (cell: string) => {
              const [, col, row] = CELL.exec(cell) as RegExpExecArray;
              return Number(row) < at ? cell : `${col}${Number(row) + count}`;
            };
            return `${prefix ?? ""}${move(from)}${to ? `:${move(to)}` : ""}`;
          }),
    )
    .join("");
}

/** The workbook with `rows` inserted into sheet `target` before 0-based row `at`. */
export function insertRows(sheets: readonly SheetGrid[], target: string, at: number, rows: readonly (readonly CellValue[])[]): SheetGrid[] {
  const k = rows.length;
  return sheets.map((g) => {
    const formulas = g.formulas?.map((r) => r.map((f) => (typeof f === "string" && f.startsWith("=") ? shiftFormula(f, g.name, target, at + 1, k) : f)));
    if (g.name !== target) return { ...g, ...(formulas ? { formulas } : {}) };
    const values = [...g.values.slice(0, at), ...rows.map((r) => [...r]), ...g.values.slice(at)];
    const out: { name: string; values: CellValue[][]; formulas?: (string | null | undefined)[][]; merges?: MergedRange[] } = {
      name: g.name,
      values: values.map((r) => [...r]),
    };
    if (formulas) out.formulas = [...formulas.slice(0, at), ...rows.map(() => []), ...formulas.slice(at)];
    if (g.merges) {
      out.merges = g.merges.map((m) => {
        if (m.startRow >= at) return { ...m, startRow: m.startRow + k, endRow: m.endRow + k };
        if (m.endRow >= at) return { ...m, endRow: m.endRow + k };
        return { ...m };
      });
    }
    return out;
  });
}

/** The workbook with one cell of one sheet replaced by a plain value. */
export function setCell(sheets: readonly SheetGrid[], target: string, row: number, col: number, value: CellValue): SheetGrid[] {
  return sheets.map((g) => {
    if (g.name !== target) return g;
    const values = g.values.map((r) => [...r]);
    while (values.length <= row) values.push([]);
    const line = values[row] as CellValue[];
    while (line.length <= col) line.push(null);
    line[col] = value;
    return { ...g, values };
  });
}

/**
 * Where the text of a header column sits: the last header row's cell, or, when that cell is
 * covered by a merge from above (a heading merged down two rows), the merge's first cell.
 */
export function headerCell(g: SheetGrid, headerRow: number, col: number): { row: number; col: number } {
  const own = g.values[headerRow]?.[col];
  if (typeof own === "string" && own.trim() !== "") return { row: headerRow, col };
  const m = g.merges?.find((x) => x.startRow < headerRow && x.endRow >= headerRow && x.startCol <= col && x.endCol >= col);
  return m ? { row: m.startRow, col: m.startCol } : { row: headerRow, col };
}
