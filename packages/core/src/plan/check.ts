import { a1, cellAt, formulaAt, gridSize, isBlank, type CellValue, type SheetGrid } from "../grid/grid";
import type { LocalisedText } from "../i18n/text";
import { parseRange, rectsIntersect, sameContent, storedValue, type Rect } from "./cells";
import type { Overwrite, WriteOp, WritePlan } from "./types";

/**
 * Checks a plan against the workbook it will be applied to, the same way in every host:
 * which sheets it adds (and under which free name), which non-empty user cells it would write
 * over, and whether it writes into part of a merged area. Hosts call `preparePlan` before
 * writing anything, so that a refused plan leaves nothing half-written.
 */

/** Excel's limits, which Sheets does not exceed: names up to 31 characters without []:*?/\. */
const MAX_SHEET_NAME = 31;
const FORBIDDEN_IN_NAME = /[[\]:*?/\\]/g;
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A legal sheet name close to `name`. */
export function legalSheetName(name: string): string {
  const cleaned = name.replace(FORBIDDEN_IN_NAME, "_").replace(/^'+|'+$/g, "").trim();
  return (cleaned === "" ? "Sheet" : cleaned).slice(0, MAX_SHEET_NAME);
}

/** `name`, or "name (2)", "name (3)"... whichever is free; names compare case-insensitively, as in Excel. */
export function freeSheetName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = legalSheetName(name);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Gives every added sheet a free name and points the ops that follow it at that name: after an
 * `addSheet` of N, ops on N mean the new sheet. Returns the placed plan and the added names.
 */
export function placePlan(plan: WritePlan, existing: readonly string[]): { plan: WritePlan; added: Set<string> } {
  const taken = [...existing];
  const renamed = new Map<string, string>();
  const added = new Set<string>();
  const ops: WriteOp[] = [];
  for (const op of plan.ops) {
    if (op.op === "addSheet") {
      const name = freeSheetName(op.sheet, taken);
      taken.push(name);
      renamed.set(op.sheet, name);
      added.add(name);
      ops.push({ ...op, sheet: name });
    } else if (op.op === "deleteSheet") {
      // A deleted sheet's name is free again for a sheet added after it (a report replacing its last version).
      const at = taken.findIndex((n) => n.toLowerCase() === op.sheet.toLowerCase());
      if (at >= 0) taken.splice(at, 1);
      ops.push(op);
    } else {
      const to = renamed.get(op.sheet);
      ops.push(to === undefined ? op : { ...op, sheet: to });
    }
  }
  return { plan: { ...plan, ops }, added };
}

/** The rectangle an op writes cell contents into (values and formulas only), 1-based. */
export function contentRect(op: WriteOp): Rect | null {
  if (op.op !== "values" && op.op !== "formulas") return null;
  const block = op.op === "values" ? op.values : op.formulas;
  const width = block.reduce((w, row) => Math.max(w, row.length), 0);
  if (block.length === 0 || width === 0) return null;
  return { top: op.row, left: op.col, bottom: op.row + block.length - 1, right: op.col + width - 1 };
}

/** Each cell an op writes content into, with what it writes (a value, or a formula's text). */
export function* writtenCells(op: WriteOp): Generator<{ row: number; col: number; value?: CellValue; formula?: string }> {
  if (op.op === "values") {
    for (let r = 0; r < op.values.length; r++) {
      const row = op.values[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v !== null && v !== undefined) yield { row: op.row + r, col: op.col + c, value: v };
      }
    }
  } else if (op.op === "formulas") {
    for (let r = 0; r < op.formulas.length; r++) {
      const row = op.formulas[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const f = row[c];
        if (f !== null && f !== undefined) yield { row: op.row + r, col: op.col + c, formula: f };
      }
    }
  }
}

/** Number of cells a plan writes content into (values and formulas). */
export function cellsWritten(plan: WritePlan): number {
  let n = 0;
  for (const op of plan.ops) for (const _ of writtenCells(op)) n++;
  return n;
}

function gridOf(grids: readonly SheetGrid[], name: string): SheetGrid | undefined {
  return grids.find((g) => g.name === name) ?? grids.find((g) => g.name.toLowerCase() === name.toLowerCase());
}

/**
 * The rows a plan inserted and deleted so far on each sheet, as its ops are walked in order: what
 * maps a row of the sheet as it then is back to the row the host read (or to none, for a row the
 * plan inserted).
 */
class RowEdits {
  private readonly bySheet = new Map<string, { insert: boolean; row: number; count: number }[]>();

  /** Records an insertRows or deleteRows op; false for any other op. */
  take(op: WriteOp): boolean {
    if (op.op !== "insertRows" && op.op !== "deleteRows") return false;
    const key = op.sheet.toLowerCase();
    const list = this.bySheet.get(key) ?? [];
    list.push(op.op === "insertRows" ? { insert: true, row: op.after, count: op.count } : { insert: false, row: op.row, count: op.count });
    this.bySheet.set(key, list);
    return true;
  }

  edited(sheet: string): boolean {
    return this.bySheet.has(sheet.toLowerCase());
  }

  /** The 1-based row as read for `row` as the sheet now is; null when the plan inserted it. */
  original(sheet: string, row: number): number | null {
    const list = this.bySheet.get(sheet.toLowerCase());
    if (!list) return row;
    let r = row;
    for (let i = list.length - 1; i >= 0; i--) {
      const e = list[i] as { insert: boolean; row: number; count: number };
      if (e.insert) {
        if (r > e.row + e.count) r -= e.count;
        else if (r > e.row) return null;
      } else if (r >= e.row) r += e.count;
    }
    return r;
  }

  /** Rows the plan added to a sheet in all (insertions less deletions). */
  added(sheet: string): number {
    let n = 0;
    for (const e of this.bySheet.get(sheet.toLowerCase()) ?? []) n += e.insert ? e.count : -e.count;
    return n;
  }
}

/** The user's content at a 1-based cell: blank, or a value and maybe a formula. */
function userContent(grid: SheetGrid, row: number, col: number): { blank: boolean; value: CellValue; formula: string | undefined } {
  const value = cellAt(grid, row - 1, col - 1);
  const formula = formulaAt(grid, row - 1, col - 1);
  return { blank: isBlank(value) && formula === undefined, value, formula };
}

/**
 * Every non-empty user cell the plan would write over, in plan order. Cells of sheets the plan
 * adds are new, and writing exactly what a cell already holds (the same value, or the same
 * formula) changes nothing, so neither is listed. Call it on a placed plan (`placePlan`).
 */
export function overwritesOf(plan: WritePlan, grids: readonly SheetGrid[], validations: readonly ExistingValidation[] = []): Overwrite[] {
  const out: Overwrite[] = [];
  const seen = new Set<string>();
  const added = new Set<string>();
  const edits = new RowEdits();
  for (const op of plan.ops) {
    if (op.op === "addSheet") {
      added.add(op.sheet);
      continue;
    }
    if (added.has(op.sheet)) continue;
    if (op.op === "deleteSheet") {
      if (op.userContent) out.push({ sheet: op.sheet, cell: "A1", kind: "sheet" });
      continue;
    }
    if (op.op === "deleteRows" && op.userContent) out.push({ sheet: op.sheet, cell: `${op.row}:${op.row + op.count - 1}`, kind: "rows" });
    if (edits.take(op)) continue;
    if (op.op === "validation") {
      if (replacesValidation(op, validations)) out.push({ sheet: op.sheet, cell: op.range, kind: "validation" });
      continue;
    }
    const grid = gridOf(grids, op.sheet);
    if (!grid) continue;
    for (const cell of writtenCells(op)) {
      const row = edits.original(op.sheet, cell.row);
      // A row the plan inserted is new: nothing of the user's is there.
      if (row === null) continue;
      const user = userContent(grid, row, cell.col);
      if (user.blank) continue;
      if (cell.formula !== undefined && user.formula === cell.formula) continue;
      if (cell.value !== undefined && user.formula === undefined && sameContent(user.value, storedValue(cell.value))) continue;
      const address = a1(cell.row, cell.col);
      const key = `${op.sheet}\u0000${address}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ sheet: op.sheet, cell: address });
    }
  }
  return out;
}

/**
 * A dropdown rule the host found on a range before writing (Excel's dataValidation, Sheets'
 * getDataValidations): `list` is its choices, null for a rule of another type or mixed rules.
 */
export interface ExistingValidation {
  sheet: string;
  range: string;
  list: string[] | null;
}

/** A validation op lands on a range that already has a different rule. */
function replacesValidation(op: Extract<WriteOp, { op: "validation" }>, existing: readonly ExistingValidation[]): boolean {
  const rect = parseRange(op.range);
  if (!rect) return false;
  return existing.some((v) => {
    if (v.sheet.toLowerCase() !== op.sheet.toLowerCase()) return false;
    const r = parseRange(v.range);
    if (!r || !rectsIntersect(r, rect)) return false;
    return v.list === null || v.list.length !== op.list.length || v.list.some((x, i) => x !== op.list[i]);
  });
}

/** The ranges of a plan's dropdowns on sheets that exist: what a host asks about before `preparePlan`. */
export function validationTargets(plan: WritePlan, existing: readonly string[]): { sheet: string; range: string }[] {
  const names = new Set(existing.map((n) => n.toLowerCase()));
  const out: { sheet: string; range: string }[] = [];
  for (const op of plan.ops) {
    if (op.op === "addSheet") names.delete(op.sheet.toLowerCase());
    else if (op.op === "validation" && names.has(op.sheet.toLowerCase())) out.push({ sheet: op.sheet, range: op.range });
  }
  return out;
}

/** The plan with the listed cells left alone (null in their place). */
export function withoutOverwrites(plan: WritePlan, overwrites: readonly Overwrite[]): WritePlan {
  if (overwrites.length === 0) return plan;
  const skip = new Set(overwrites.filter((o) => (o.kind ?? "cell") === "cell").map((o) => `${o.sheet}\u0000${o.cell}`));
  const keyOf = (o: { sheet: string; cell: string }) => `${o.sheet.toLowerCase()}\u0000${o.cell}`;
  const dropValidation = new Set(overwrites.filter((o) => o.kind === "validation").map(keyOf));
  const keepSheet = new Set(overwrites.filter((o) => o.kind === "sheet").map((o) => o.sheet.toLowerCase()));
  const keepRows = new Set(overwrites.filter((o) => o.kind === "rows").map(keyOf));
  const ops: WriteOp[] = [];
  for (const op of plan.ops) {
    if (op.op === "values") {
      ops.push({ ...op, values: op.values.map((row, r) => row.map((v, c) => (skip.has(`${op.sheet}\u0000${a1(op.row + r, op.col + c)}`) ? null : v))) });
    } else if (op.op === "formulas") {
      ops.push({ ...op, formulas: op.formulas.map((row, r) => row.map((f, c) => (skip.has(`${op.sheet}\u0000${a1(op.row + r, op.col + c)}`) ? null : f))) });
    } else if (op.op === "validation" && dropValidation.has(keyOf({ sheet: op.sheet, cell: op.range }))) {
      continue;
    } else if (op.op === "deleteSheet" && keepSheet.has(op.sheet.toLowerCase())) {
      continue;
    } else if (op.op === "deleteRows" && keepRows.has(`${op.sheet.toLowerCase()}\u0000${op.row}:${op.row + op.count - 1}`)) {
      // Rows kept are below every later op's rows: a plan deletes rows last, bottom-up.
      continue;
    } else {
      ops.push(op);
    }
  }
  return { ...plan, ops };
}

/**
 * Cells where a values or formulas op covers part of a merged area: spreadsheets refuse to
 * change part of a merged cell, so such a plan is refused before anything is written.
 */
export function mergeConflicts(plan: WritePlan, grids: readonly SheetGrid[]): Overwrite[] {
  const out: Overwrite[] = [];
  const seen = new Set<string>();
  const edits = new RowEdits();
  const added = new Set<string>();
  const report = (sheet: string, merged: Rect) => {
    const cell = a1(merged.top, merged.left);
    if (seen.has(`${sheet}\u0000${cell}`)) return;
    seen.add(`${sheet}\u0000${cell}`);
    out.push({ sheet, cell });
  };
  const mergesOf = (sheet: string): Rect[] =>
    added.has(sheet.toLowerCase())
      ? []
      : (gridOf(grids, sheet)?.merges ?? [])
          .map((m) => ({ top: m.startRow + 1, left: m.startCol + 1, bottom: m.endRow + 1, right: m.endCol + 1 }))
          .filter((m) => m.top !== m.bottom || m.left !== m.right);
  for (const op of plan.ops) {
    if (op.op === "addSheet") added.add(op.sheet.toLowerCase());
    if (op.op === "insertRows") {
      // Rows inserted inside a merged area would widen it: the rows written there would be part of it.
      const at = edits.original(op.sheet, op.after);
      if (at !== null) for (const m of mergesOf(op.sheet)) if (m.top <= at && m.bottom > at) report(op.sheet, m);
    }
    if (edits.take(op)) continue;
    const rect = contentRect(op);
    if (!rect) continue;
    // The rectangle in the rows the host read: rows the plan inserted hold no merge.
    const parts: Rect[] = [];
    if (!edits.edited(op.sheet)) parts.push(rect);
    else {
      for (let r = rect.top; r <= rect.bottom; r++) {
        const o = edits.original(op.sheet, r);
        const last = parts[parts.length - 1];
        if (o === null) continue;
        if (last && last.bottom === o - 1 && r > rect.top && edits.original(op.sheet, r - 1) === o - 1) last.bottom = o;
        else parts.push({ top: o, left: rect.left, bottom: o, right: rect.right });
      }
    }
    for (const part of parts) {
      for (const merged of mergesOf(op.sheet)) {
        const inside = merged.top >= part.top && merged.bottom <= part.bottom && merged.left >= part.left && merged.right <= part.right;
        // Writing only a merged area's top-left cell is writing the merged cell itself.
        const topLeftOnly = part.top <= merged.top && part.left <= merged.left && part.bottom === merged.top && part.right === merged.left;
        if (rectsIntersect(part, merged) && !inside && !topLeftOnly) report(op.sheet, merged);
      }
    }
  }
  return out;
}

/** Ops that write outside a sheet's limits or to a sheet that neither exists nor is added. */
export function outOfBounds(plan: WritePlan, existing: readonly string[], grids: readonly SheetGrid[] = []): Overwrite[] {
  const sheets = new Set(existing.map((n) => n.toLowerCase()));
  const edits = new RowEdits();
  const out: Overwrite[] = [];
  for (const op of plan.ops) {
    if (op.op === "addSheet") {
      sheets.add(op.sheet.toLowerCase());
      continue;
    }
    if (op.op === "deleteSheet") {
      if (!sheets.delete(op.sheet.toLowerCase())) out.push({ sheet: op.sheet, cell: "A1" });
      continue;
    }
    if (op.op === "insertRows" || op.op === "deleteRows") {
      const at = op.op === "insertRows" ? op.after : op.row;
      const grid = gridOf(grids, op.sheet);
      const rows = (grid ? gridSize(grid).rows : 0) + edits.added(op.sheet);
      edits.take(op);
      // Rows pushed off the bottom of the sheet would be lost: Excel refuses such an insert.
      const beyond = op.op === "insertRows" ? rows + op.count > MAX_ROWS : op.row + op.count - 1 > MAX_ROWS;
      if (!sheets.has(op.sheet.toLowerCase()) || op.count < 1 || at < (op.op === "insertRows" ? 0 : 1) || beyond) out.push({ sheet: op.sheet, cell: a1(Math.max(1, Math.min(at, MAX_ROWS)), 1) });
      continue;
    }
    const rect = contentRect(op) ?? ("range" in op ? parseRange(op.range) : null);
    const missing = !sheets.has(op.sheet.toLowerCase());
    if (missing || (rect && (rect.bottom > MAX_ROWS || rect.right > MAX_COLS))) {
      out.push({ sheet: op.sheet, cell: rect ? a1(Math.min(rect.top, MAX_ROWS), Math.min(rect.left, MAX_COLS)) : "A1" });
    }
  }
  return out;
}

export interface PlanProblem {
  code: "merged-cells" | "out-of-bounds" | "protected" | "no-risk-sheet" | "no-ledger" | "nothing-to-do" | "too-large" | "no-finding" | "no-reason" | "partial" | "no-link";
  message: LocalisedText;
  cells?: Overwrite[];
}

export interface PreparedPlan {
  /** The plan to write: sheets placed under free names, unconfirmed overwrites removed. */
  plan: WritePlan;
  /** Non-empty user cells the original plan would write over. */
  overwrites: Overwrite[];
  /** Overwrites left out because they were not confirmed. */
  skipped: Overwrite[];
  /** Names of the sheets the plan adds. */
  added: string[];
  /** Cells with content the plan writes. */
  written: number;
  /** When set, the host must write nothing. */
  problem?: PlanProblem;
}

const list = (cells: readonly Overwrite[]) =>
  cells
    .slice(0, 5)
    .map((c) => `${c.sheet}!${c.cell}`)
    .join(", ") + (cells.length > 5 ? " …" : "");

/**
 * The host-neutral part of applying a plan: place added sheets, find overwrites, drop them
 * unless confirmed, and refuse (with a reason) what a spreadsheet would reject half-way.
 * `protectedSheets` are the host's protected sheets (and "*" for a protected workbook structure).
 */
export function preparePlan(
  plan: WritePlan,
  grids: readonly SheetGrid[],
  opts: { confirmOverwrite: boolean; protectedSheets?: readonly string[]; validations?: readonly ExistingValidation[] },
): PreparedPlan {
  const names = grids.map((g) => g.name);
  const placed = placePlan(plan, names);
  const overwrites = overwritesOf(placed.plan, grids, opts.validations);
  // Placed again after leaving out what was not confirmed: a sheet kept instead of deleted keeps its name.
  const toWrite = opts.confirmOverwrite ? placed.plan : placePlan(withoutOverwrites(plan, overwrites), names).plan;
  const result: PreparedPlan = {
    plan: toWrite,
    overwrites,
    skipped: opts.confirmOverwrite ? [] : overwrites,
    added: toWrite.ops.flatMap((op) => (op.op === "addSheet" ? [op.sheet] : [])),
    written: cellsWritten(toWrite),
  };
  const protectedSet = new Set((opts.protectedSheets ?? []).map((n) => n.toLowerCase()));
  if (protectedSet.size > 0) {
    const hit = new Set<string>();
    for (const op of toWrite.ops) {
      if (op.op === "addSheet" ? protectedSet.has("*") : protectedSet.has(op.sheet.toLowerCase())) hit.add(op.op === "addSheet" ? "*" : op.sheet);
      if (op.op === "deleteSheet" && protectedSet.has("*")) hit.add("*");
    }
    if (hit.size > 0) {
      const names = [...hit].filter((n) => n !== "*");
      const structure = hit.has("*");
      result.problem = {
        code: "protected",
        message: structure && names.length === 0
          ? { ja: "ブックの構成が保護されているため、シートを追加・削除できません。保護を解除してから実行してください。", en: "The workbook structure is protected, so no sheet can be added or deleted. Unprotect it and try again." }
          : {
              ja: `シート「${names.join("」「")}」は保護されています。保護を解除してから実行してください。何も書き込んでいません。`,
              en: `Sheet "${names.join('", "')}" is protected. Unprotect it and try again; nothing was written.`,
            },
        cells: names.map((sheet) => ({ sheet, cell: "A1" })),
      };
      return result;
    }
  }
  const bounds = outOfBounds(toWrite, grids.map((g) => g.name), grids);
  if (bounds.length > 0) {
    result.problem = {
      code: "out-of-bounds",
      message: {
        ja: `書き込み先がシートの範囲外か、存在しないシートです(${list(bounds)})。何も書き込んでいません。`,
        en: `The plan writes outside the sheet or to a sheet that does not exist (${list(bounds)}); nothing was written.`,
      },
      cells: bounds,
    };
    return result;
  }
  const merged = mergeConflicts(toWrite, grids);
  if (merged.length > 0) {
    result.problem = {
      code: "merged-cells",
      message: {
        ja: `書き込み先の見出しに結合セルがあります(${list(merged)})。結合を解除するか、列を手で追加してから実行してください。何も書き込んでいません。`,
        en: `The header has merged cells where the add-in would write (${list(merged)}). Unmerge them or add the column yourself, then try again; nothing was written.`,
      },
      cells: merged,
    };
  }
  return result;
}
