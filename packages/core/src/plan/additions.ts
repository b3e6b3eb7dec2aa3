import { a1, cellText, formulaAt, isBlank, type SheetGrid } from "../grid/grid";
import type { LocalisedText } from "../i18n/text";
import { isDraftStatusText } from "../glossary/draft";
import { ownSheetRole } from "../input/own-sheets";
import { fnv1a64 } from "../templates/hash";
import { parseRange, rectAddress, rectanglesOf, storedValue } from "./cells";
import { reportHasUserContent } from "./report-sheet";
import type { WriteOp, WritePlan } from "./types";

/**
 * "Remove what the add-in added": what an applied plan added, recorded by the host with the
 * workbook (Excel: document settings; Sheets: document properties), and the plan that takes it
 * away again without losing anything the user wrote since.
 *
 * - template sheets: deleted; one holding content the add-in did not write (told by a digest of
 *   its constant cells) is an overwrite the user confirms;
 * - scoring formulas: cleared where the cell still holds a formula (a value the user typed over
 *   one stays), the header labels the add-in wrote where they still say so, and the dropdowns;
 * - the findings report: every report sheet (told by its header row), no record needed;
 * - drafted risk rows: the draft sheet as a template sheet is; rows inserted into a risk sheet
 *   are deleted where they still say 「要確認(下書き)」 and hold exactly what was drafted (told by
 *   a digest of each row), a row the user has worked on stays; the status header the draft
 *   added goes once its column is empty.
 */

export type RemovableKind = "template" | "formulas" | "report" | "draft";

export interface AdditionRecord {
  kind: "template" | "formulas" | "draft";
  /** Sheets the plan added, each with the digest of the constant cells written into it. */
  sheets: { name: string; digest: string }[];
  /** A1 ranges of existing sheets the plan wrote formulas into. */
  formulas: { sheet: string; ranges: string[] }[];
  /** Header cells of existing sheets the plan wrote a label into. */
  labels: { sheet: string; cell: string; text: string }[];
  /** Dropdown ranges the plan set on existing sheets. */
  validations: { sheet: string; range: string }[];
  /** Rows the plan inserted into existing sheets: the column of their status, and a digest of each row's cells. */
  rows?: { sheet: string; status: number; digests: string[] }[];
}

/** Digest of a sheet's constant cells (formulas left out: hosts read them back in their own spelling). */
function digestOf(cells: Map<string, string>): string {
  const keys = [...cells.keys()].sort();
  let text = "";
  for (const k of keys) text += `${k}\u0001${cells.get(k) ?? ""}\u0002`;
  return fnv1a64(text);
}

/** Digest of one row's cells, column by column (a formula counts, so a row the user added one to differs). */
function rowDigest(cells: Map<number, string>): string {
  const cols = [...cells.keys()].sort((a, b) => a - b);
  let text = "";
  for (const c of cols) text += `${c}\u0001${cells.get(c) ?? ""}\u0002`;
  return fnv1a64(text);
}

function gridRowDigest(grid: SheetGrid, r: number): string {
  const cells = new Map<number, string>();
  (grid.values[r] ?? []).forEach((v, c) => {
    const f = formulaAt(grid, r, c);
    if (f !== undefined) cells.set(c + 1, `=${f}`);
    else if (!isBlank(v)) cells.set(c + 1, cellText(v));
  });
  for (const [c, f] of (grid.formulas?.[r] ?? []).entries()) if (typeof f === "string" && f !== "" && !cells.has(c + 1)) cells.set(c + 1, `=${f}`);
  return rowDigest(cells);
}

/** Constant cells of a grid, as `digestOf` reads them. */
export function sheetDigest(grid: SheetGrid): string {
  const cells = new Map<string, string>();
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (!isBlank(v) && formulaAt(grid, r, c) === undefined) cells.set(`${r + 1}:${c + 1}`, cellText(v));
    }),
  );
  return digestOf(cells);
}

/** What a placed, confirmed plan (see `preparePlan`) added, to remove it later; null when it added nothing. */
export function recordAddition(kind: "template" | "formulas" | "draft", plan: WritePlan): AdditionRecord | null {
  const added = new Map<string, Map<string, string>>();
  const formulaCells = new Map<string, { row: number; col: number }[]>();
  const record: AdditionRecord = { kind, sheets: [], formulas: [], labels: [], validations: [] };
  // Rows the plan inserted, per sheet, as [first, last] in the sheet's rows as they then are.
  const inserted = new Map<string, [number, number][]>();
  const insertedRows = new Map<string, Map<number, Map<number, string>>>();
  const insertedAt = (sheet: string, row: number) => (inserted.get(sheet) ?? []).some(([a, b]) => row >= a && row <= b);
  for (const op of plan.ops) {
    if (op.op === "addSheet") {
      added.set(op.sheet, new Map());
      continue;
    }
    if (op.op === "insertRows") {
      const list = (inserted.get(op.sheet) ?? []).map(([a, b]): [number, number] => (a > op.after ? [a + op.count, b + op.count] : [a, b]));
      list.push([op.after + 1, op.after + op.count]);
      inserted.set(op.sheet, list);
      const rows = insertedRows.get(op.sheet);
      if (rows) {
        const moved = new Map<number, Map<number, string>>();
        for (const [r, cells] of rows) moved.set(r > op.after ? r + op.count : r, cells);
        insertedRows.set(op.sheet, moved);
      }
      continue;
    }
    const mine = added.get(op.sheet);
    if (op.op === "values") {
      op.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === undefined) return;
          const text = cellText(storedValue(v));
          const at = op.row + r;
          if (mine) {
            if (text !== "") mine.set(`${at}:${op.col + c}`, text);
          } else if (insertedAt(op.sheet, at)) {
            const rows = insertedRows.get(op.sheet) ?? new Map<number, Map<number, string>>();
            const cells = rows.get(at) ?? new Map<number, string>();
            if (text !== "") cells.set(op.col + c, text);
            rows.set(at, cells);
            insertedRows.set(op.sheet, rows);
          } else if (text !== "") {
            record.labels.push({ sheet: op.sheet, cell: a1(at, op.col + c), text });
          }
        }),
      );
    } else if (op.op === "formulas" && !mine) {
      const list = formulaCells.get(op.sheet) ?? [];
      op.formulas.forEach((row, r) => row.forEach((f, c) => f !== null && f !== undefined && list.push({ row: op.row + r, col: op.col + c })));
      formulaCells.set(op.sheet, list);
    } else if (op.op === "validation" && !mine) {
      record.validations.push({ sheet: op.sheet, range: op.range });
    }
  }
  for (const [name, cells] of added) record.sheets.push({ name, digest: digestOf(cells) });
  for (const [sheet, rows] of insertedRows) {
    let status = 0;
    const digests: string[] = [];
    for (const cells of rows.values()) {
      for (const [c, t] of cells) if (isDraftStatusText(t)) status = c;
      digests.push(rowDigest(cells));
    }
    if (digests.length > 0) (record.rows ??= []).push({ sheet, status, digests });
  }
  for (const [sheet, cells] of formulaCells) if (cells.length > 0) record.formulas.push({ sheet, ranges: rectanglesOf(cells).map(rectAddress) });
  const empty = record.sheets.length + record.formulas.length + record.labels.length + record.validations.length + (record.rows?.length ?? 0) === 0;
  return empty ? null : record;
}

const TITLES: Record<RemovableKind, LocalisedText> = {
  template: { ja: "追加したテンプレートシートの削除", en: "Remove the inserted template sheets" },
  formulas: { ja: "追加した採点式と入力規則の削除", en: "Remove the added formulas and dropdowns" },
  report: { ja: "チェック結果シートの削除", en: "Remove the findings report" },
  draft: { ja: "追加した下書きの削除", en: "Remove the drafted risk rows" },
};

function gridNamed(grids: readonly SheetGrid[], name: string): SheetGrid | undefined {
  return grids.find((g) => g.name === name);
}

/**
 * The plan that removes what the add-in added of one kind, as the workbook is now: sheets that
 * were deleted or renamed since are left out, and content the user wrote is never cleared.
 */
export function removalPlan(kind: RemovableKind, records: readonly AdditionRecord[], grids: readonly SheetGrid[]): WritePlan {
  const ops: WriteOp[] = [];
  const deleted: string[] = [];
  if (kind === "report") {
    for (const g of grids) {
      if (ownSheetRole(g) !== "report") continue;
      ops.push({ op: "deleteSheet", sheet: g.name, ...(reportHasUserContent(g) ? { userContent: true } : {}) });
      deleted.push(g.name);
    }
  }
  let cleared = 0;
  let dropdowns = 0;
  for (const rec of records) {
    if (rec.kind !== kind) continue;
    for (const s of rec.sheets) {
      const grid = gridNamed(grids, s.name);
      if (!grid || deleted.includes(s.name)) continue;
      ops.push({ op: "deleteSheet", sheet: s.name, ...(sheetDigest(grid) !== s.digest ? { userContent: true } : {}) });
      deleted.push(s.name);
    }
    for (const f of rec.formulas) {
      const grid = gridNamed(grids, f.sheet);
      if (!grid) continue;
      const still: { row: number; col: number }[] = [];
      for (const range of f.ranges) {
        const rect = parseRange(range);
        if (!rect) continue;
        for (let row = rect.top; row <= rect.bottom; row++) for (let col = rect.left; col <= rect.right; col++) if (formulaAt(grid, row - 1, col - 1) !== undefined) still.push({ row, col });
      }
      for (const r of rectanglesOf(still)) ops.push({ op: "clear", sheet: f.sheet, range: rectAddress(r) });
      cleared += still.length;
    }
    // A draft's status header goes with its rows (draftRowsRemoval), only once its column is empty.
    for (const l of kind === "draft" ? [] : rec.labels) {
      const grid = gridNamed(grids, l.sheet);
      const at = parseRange(l.cell);
      if (!grid || !at || cellText(grid.values[at.top - 1]?.[at.left - 1]) !== l.text) continue;
      ops.push({ op: "clear", sheet: l.sheet, range: l.cell });
      cleared++;
    }
    for (const v of rec.validations) {
      if (!gridNamed(grids, v.sheet)) continue;
      ops.push({ op: "removeValidation", sheet: v.sheet, range: v.range });
      dropdowns++;
    }
  }
  const rowsOut = kind === "draft" ? draftRowsRemoval(records, grids, ops) : { deleted: 0, kept: 0 };
  const names = deleted.map((n) => `「${n}」`).join("");
  const summary: LocalisedText =
    kind === "draft"
      ? draftSummary(deleted, rowsOut)
      : kind === "formulas"
      ? { ja: `アドインが書き込んだ式と見出し ${cleared} セルを消し、プルダウン ${dropdowns} 範囲を削除します。入力し直した値はそのままです。`, en: `Clears the ${cleared} formula and header cells the add-in wrote and removes ${dropdowns} dropdown ranges. Values you typed over them stay.` }
      : { ja: `シート${names}を削除します(${deleted.length} シート)。`, en: `Deletes ${deleted.length} ${deleted.length === 1 ? "sheet" : "sheets"}: ${deleted.map((n) => `"${n}"`).join(", ")}.` };
  return { title: TITLES[kind], ...(ops.length > 0 ? { summary } : {}), ops };
}

/**
 * Drafted rows still as drafted: their status says draft and their cells are those written
 * (each recorded digest matches one row at most). Ops: the status header cleared once its
 * column is empty, then the rows deleted bottom-up, run by run.
 */
function draftRowsRemoval(records: readonly AdditionRecord[], grids: readonly SheetGrid[], ops: WriteOp[]): { deleted: number; kept: number } {
  let deleted = 0;
  let kept = 0;
  const deletions: { sheet: string; rows: number[] }[] = [];
  for (const rec of records) {
    if (rec.kind !== "draft") continue;
    for (const set of rec.rows ?? []) {
      const grid = gridNamed(grids, set.sheet);
      if (!grid || set.status < 1) continue;
      const left = new Map<string, number>();
      for (const d of set.digests) left.set(d, (left.get(d) ?? 0) + 1);
      const rows: number[] = [];
      for (let r = 0; r < grid.values.length; r++) {
        if (!isDraftStatusText(grid.values[r]?.[set.status - 1])) continue;
        const d = gridRowDigest(grid, r);
        const n = left.get(d) ?? 0;
        if (n > 0) {
          left.set(d, n - 1);
          rows.push(r + 1);
        } else kept++;
      }
      deleted += rows.length;
      deletions.push({ sheet: set.sheet, rows });
      // The status header the draft wrote goes when nothing is left under it.
      const gone = new Set(rows);
      for (const l of rec.labels) {
        const at = parseRange(l.cell);
        if (l.sheet !== set.sheet || !at || at.left !== set.status || cellText(grid.values[at.top - 1]?.[at.left - 1]) !== l.text) continue;
        let empty = true;
        for (let r = 0; r < grid.values.length && empty; r++) if (r + 1 !== at.top && !gone.has(r + 1) && !isBlank(grid.values[r]?.[set.status - 1])) empty = false;
        if (empty) ops.push({ op: "clear", sheet: l.sheet, range: l.cell });
      }
    }
  }
  for (const { sheet, rows } of deletions) {
    // Bottom-up, so each run's rows are still where they were read.
    for (let i = rows.length - 1; i >= 0; ) {
      let j = i;
      while (j > 0 && (rows[j - 1] as number) === (rows[j] as number) - 1) j--;
      ops.push({ op: "deleteRows", sheet, row: rows[j] as number, count: i - j + 1 });
      i = j - 1;
    }
  }
  return { deleted, kept };
}

function draftSummary(sheets: readonly string[], rows: { deleted: number; kept: number }): LocalisedText {
  const names = sheets.map((n) => `「${n}」`).join("");
  const ja = [
    sheets.length > 0 ? `シート${names}を削除します。` : "",
    rows.deleted > 0 ? `リスク分析表に追加した下書き ${rows.deleted} 行を削除します。` : "",
    rows.kept > 0 ? `内容を書き換えた下書き ${rows.kept} 行はそのままです。` : "",
  ].join("");
  const en = [
    sheets.length > 0 ? `Deletes the sheet${sheets.length === 1 ? "" : "s"} ${sheets.map((n) => `"${n}"`).join(", ")}.` : "",
    rows.deleted > 0 ? `Deletes the ${rows.deleted} drafted ${rows.deleted === 1 ? "row" : "rows"} added to the risk analysis.` : "",
    rows.kept > 0 ? `The ${rows.kept} drafted ${rows.kept === 1 ? "row" : "rows"} you changed stay.` : "",
  ]
    .filter((t) => t !== "")
    .join(" ");
  return { ja, en };
}
