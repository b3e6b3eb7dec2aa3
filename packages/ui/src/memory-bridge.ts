import {
  a1,
  buildPlan,
  cellsOf,
  guardText,
  optionsToday,
  parseA1,
  parseRange,
  planOptionsFor,
  preparePlan,
  readWorkbookState,
  rectAddress,
  rectsIntersect,
  stateAfterApply,
  storedValue,
  validationTargets,
  type CellValue,
  type ExistingValidation,
  type MergedRange,
  type Lang,
  type PlanKind,
  type SheetGrid,
  type WorkbookReport,
  type WorkbookState,
  type WritePlan,
} from "@pmark/core";
import { applyProblem, checkRead, settingsOf, type ApplyResult, type HostBridge, type HostTheme, type PlanOptions, type PlanPreview } from "./bridge";

/**
 * An in-memory workbook that implements the host bridge by running core directly: the preview
 * mode of the task pane (opened outside Office), demos, and the browser and unit tests. It
 * applies write plans the way a spreadsheet host does — text stays text, null leaves a cell
 * alone, highlights remember the user's own fill — so tests can check plans end to end.
 */

export interface MemorySheet {
  name: string;
  values: CellValue[][];
  formulas: (string | null)[][];
  merges?: SheetGrid["merges"];
  hidden?: boolean;
}

export interface MemoryWorkbook {
  sheets: MemorySheet[];
  /** Cell fills the user (or a highlight) set: sheet → A1 → colour; absent means no fill. */
  fills: Map<string, Map<string, string>>;
  /** Cells painted by the add-in: sheet → A1 → the fill before painting (null = none) and the colour painted. */
  highlights: Map<string, Map<string, { original: string | null; painted: string }>>;
  /** Dropdowns on the sheets, as a spreadsheet keeps them. */
  validations: { sheet: string; range: string; list: string[] }[];
  /** Everything else a plan set (formats, widths...), kept for inspection. */
  extras: WritePlan["ops"];
  /** What the add-in remembers in the workbook, as the JSON text a host stores. */
  state: string;
}

export function memoryWorkbook(grids: readonly SheetGrid[], fills?: Record<string, Record<string, string>>): MemoryWorkbook {
  return {
    sheets: grids.map((g) => ({
      name: g.name,
      values: g.values.map((row) => [...row]),
      formulas: g.values.map((row, r) => row.map((_, c) => g.formulas?.[r]?.[c] ?? null)),
      ...(g.merges ? { merges: g.merges } : {}),
    })),
    fills: new Map(Object.entries(fills ?? {}).map(([sheet, cells]) => [sheet, new Map(Object.entries(cells))])),
    highlights: new Map(),
    validations: [],
    extras: [],
    state: "",
  };
}

/** The workbook as core reads it (the add-in's bookkeeping never shows: it lives outside the sheets). */
export function gridsOf(wb: MemoryWorkbook): SheetGrid[] {
  return wb.sheets.map((s) => ({ name: s.name, values: s.values, formulas: s.formulas, ...(s.merges ? { merges: s.merges } : {}) }));
}

function sheetOf(wb: MemoryWorkbook, name: string): MemorySheet {
  const s = wb.sheets.find((x) => x.name === name) ?? wb.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function setCell(sheet: MemorySheet, row: number, col: number, value: CellValue, formula: string | null): void {
  while (sheet.values.length < row) sheet.values.push([]);
  while (sheet.formulas.length < row) sheet.formulas.push([]);
  const vr = sheet.values[row - 1] as CellValue[];
  const fr = sheet.formulas[row - 1] as (string | null)[];
  while (vr.length < col) vr.push(null);
  while (fr.length < col) fr.push(null);
  vr[col - 1] = value;
  fr[col - 1] = formula;
}

function fillsOf(wb: MemoryWorkbook, sheet: string): Map<string, string> {
  let m = wb.fills.get(sheet);
  if (!m) wb.fills.set(sheet, (m = new Map()));
  return m;
}

/** Puts back the fill of every painted cell whose colour is still the one painted (a fill the user changed since stays). */
export function clearHighlights(wb: MemoryWorkbook, keep?: ReadonlySet<string>): number {
  let n = 0;
  for (const [sheet, cells] of wb.highlights) {
    const fills = fillsOf(wb, sheet);
    for (const [cell, h] of cells) {
      if (keep?.has(`${sheet}\u0000${cell}`)) continue;
      if (fills.get(cell) === h.painted) {
        if (h.original === null) fills.delete(cell);
        else fills.set(cell, h.original);
        n++;
      }
      cells.delete(cell);
    }
    if (cells.size === 0) wb.highlights.delete(sheet);
  }
  return n;
}

/**
 * What a spreadsheet moves when rows are inserted below 0-based row `at` (delta > 0) or deleted
 * from it (delta < 0): merges, dropdowns, fills and highlights below, as Excel and Sheets do.
 */
function shiftRows(wb: MemoryWorkbook, sheet: MemorySheet, at: number, delta: number): void {
  const moved = (row0: number): number | null => (row0 < at ? row0 : delta < 0 && row0 < at - delta ? null : row0 + delta);
  if (sheet.merges) {
    const next: MergedRange[] = [];
    for (const m of sheet.merges) {
      const start = moved(m.startRow);
      const end = delta > 0 && m.startRow < at && m.endRow >= at ? m.endRow + delta : moved(m.endRow);
      if (start !== null && end !== null) next.push({ ...m, startRow: start, endRow: end });
    }
    sheet.merges = next;
  }
  const moveA1 = (cell: string): string | null => {
    const p = parseA1(cell);
    if (!p) return cell;
    const r = moved(p.row - 1);
    return r === null ? null : a1(r + 1, p.col);
  };
  const moveMap = <T>(m: Map<string, T> | undefined): void => {
    if (!m) return;
    const entries = [...m];
    m.clear();
    for (const [cell, v] of entries) {
      const to = moveA1(cell);
      if (to !== null) m.set(to, v);
    }
  };
  moveMap(wb.fills.get(sheet.name));
  moveMap(wb.highlights.get(sheet.name));
  const kept: MemoryWorkbook["validations"] = [];
  for (const v of wb.validations) {
    const r = v.sheet === sheet.name ? parseRange(v.range) : null;
    if (!r) {
      kept.push(v);
      continue;
    }
    const top = moved(r.top - 1);
    const bottom = delta > 0 && r.top - 1 < at && r.bottom - 1 >= at ? r.bottom - 1 + delta : moved(r.bottom - 1);
    if (top !== null && bottom !== null) kept.push({ ...v, range: rectAddress({ top: top + 1, left: r.left, bottom: bottom + 1, right: r.right }) });
  }
  wb.validations = kept;
}

/** Applies a placed, checked plan (see `preparePlan`); returns the cells written or painted. */
export function applyPlanToWorkbook(wb: MemoryWorkbook, plan: WritePlan): number {
  let written = 0;
  const painting = plan.ops.filter((op) => op.op === "highlight");
  if (painting.length > 0) {
    // A new set of highlights replaces the old one: cells no longer flagged get their fill back.
    const next = new Set<string>();
    for (const op of painting) for (const range of op.cells) for (const c of cellsOf(parseRange(range) ?? { top: 1, left: 1, bottom: 0, right: 0 })) next.add(`${op.sheet}\u0000${a1(c.row, c.col)}`);
    clearHighlights(wb, next);
  }
  for (const op of plan.ops) {
    switch (op.op) {
      case "addSheet":
        if (wb.sheets.some((x) => x.name.toLowerCase() === op.sheet.toLowerCase())) throw new Error(`sheet exists: ${op.sheet}`);
        wb.sheets.push({ name: op.sheet, values: [], formulas: [], ...(op.hidden ? { hidden: true } : {}) });
        break;
      case "values": {
        const sheet = sheetOf(wb, op.sheet);
        op.values.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v === null || v === undefined) return;
            setCell(sheet, op.row + r, op.col + c, storedValue(guardText(v)), null);
            written++;
          }),
        );
        break;
      }
      case "formulas": {
        const sheet = sheetOf(wb, op.sheet);
        op.formulas.forEach((row, r) =>
          row.forEach((f, c) => {
            if (f === null || f === undefined) return;
            // No calculation engine here: the cell holds the formula and shows blank.
            setCell(sheet, op.row + r, op.col + c, "", f);
            written++;
          }),
        );
        break;
      }
      case "deleteSheet": {
        wb.sheets = wb.sheets.filter((x) => x.name.toLowerCase() !== op.sheet.toLowerCase());
        wb.fills.delete(op.sheet);
        wb.highlights.delete(op.sheet);
        wb.validations = wb.validations.filter((v) => v.sheet.toLowerCase() !== op.sheet.toLowerCase());
        break;
      }
      case "insertRows":
      case "deleteRows": {
        const sheet = sheetOf(wb, op.sheet);
        const insert = op.op === "insertRows";
        const at = insert ? op.after : op.row - 1;
        if (insert) {
          while (sheet.values.length < at) sheet.values.push([]);
          while (sheet.formulas.length < at) sheet.formulas.push([]);
          const blank: CellValue[][] = [];
          const noFormulas: (string | null)[][] = [];
          for (let i = 0; i < op.count; i++) {
            blank.push([]);
            noFormulas.push([]);
          }
          sheet.values = sheet.values.slice(0, at).concat(blank, sheet.values.slice(at));
          sheet.formulas = sheet.formulas.slice(0, at).concat(noFormulas, sheet.formulas.slice(at));
        } else {
          sheet.values.splice(at, op.count);
          sheet.formulas.splice(at, op.count);
        }
        shiftRows(wb, sheet, at, insert ? op.count : -op.count);
        break;
      }
      case "clear": {
        const sheet = sheetOf(wb, op.sheet);
        const rect = parseRange(op.range);
        if (!rect) break;
        for (const c of cellsOf(rect)) {
          if (c.row > sheet.values.length) break;
          setCell(sheet, c.row, c.col, null, null);
        }
        break;
      }
      case "validation": {
        // A new rule replaces what the range had, as in a spreadsheet.
        wb.validations = wb.validations.filter((v) => !(v.sheet === op.sheet && v.range === op.range));
        wb.validations.push({ sheet: op.sheet, range: op.range, list: [...op.list] });
        break;
      }
      case "removeValidation": {
        const rect = parseRange(op.range);
        wb.validations = wb.validations.filter((v) => v.sheet !== op.sheet || !rect || !rectsIntersect(parseRange(v.range) ?? rect, rect));
        break;
      }
      case "highlight": {
        const fills = fillsOf(wb, op.sheet);
        let marks = wb.highlights.get(op.sheet);
        if (!marks) wb.highlights.set(op.sheet, (marks = new Map()));
        for (const range of op.cells) {
          const rect = parseRange(range);
          if (!rect) continue;
          for (const c of cellsOf(rect)) {
            const cell = a1(c.row, c.col);
            const prev = marks.get(cell);
            marks.set(cell, { original: prev ? prev.original : (fills.get(cell) ?? null), painted: op.fill });
            fills.set(cell, op.fill);
            written++;
          }
        }
        break;
      }
      default:
        wb.extras.push(op);
    }
  }
  return written;
}

export interface MemoryBridgeOptions {
  language?: Lang;
  /** Check date (YYYY-MM-DD); today when omitted. */
  today?: string;
  /** What the workbook remembers (profile, acceptances), as a host would have stored it. */
  state?: WorkbookState;
  /** Sheets to treat as protected ("*" protects the workbook structure). */
  protectedSheets?: string[];
  /** The user's own fills: sheet → A1 → colour. */
  fills?: Record<string, Record<string, string>>;
  /** A host theme to report (the preview page shows Office's dark theme with ?theme=dark). */
  theme?: HostTheme;
}

export interface MemoryBridge extends HostBridge {
  readonly host: "preview";
  readonly workbook: MemoryWorkbook;
  /** Every selection the UI asked for, in order. */
  readonly selections: { sheet: string; cell: string }[];
  grids(): SheetGrid[];
  /** Replaces the whole workbook (demo pages load their own sample). */
  load(grids: readonly SheetGrid[], fills?: Record<string, Record<string, string>>): void;
  /** A user's edit: writes the cell and notifies `onChange` listeners. */
  edit(sheet: string, cell: string, value: CellValue): void;
  /** Adds a dropdown as a user would (for previews that must count it). */
  addValidation(sheet: string, range: string, list: string[]): void;
}

/** Dropdowns of the memory workbook that meet the plan's, as a host reports them to `preparePlan`. */
function existingValidations(wb: MemoryWorkbook, targets: readonly { sheet: string; range: string }[]): ExistingValidation[] {
  const out: ExistingValidation[] = [];
  for (const t of targets) {
    const rect = parseRange(t.range);
    for (const v of wb.validations) {
      const r = parseRange(v.range);
      if (v.sheet === t.sheet && rect && r && rectsIntersect(r, rect)) out.push({ sheet: v.sheet, range: v.range, list: v.list });
    }
  }
  return out;
}

export function createMemoryBridge(grids: readonly SheetGrid[], options: MemoryBridgeOptions = {}): MemoryBridge {
  let wb = memoryWorkbook(grids, options.fills);
  if (options.state) wb.state = JSON.stringify(options.state);
  const selections: { sheet: string; cell: string }[] = [];
  const listeners = new Set<() => void>();
  const lang: Lang = options.language ?? "ja";
  const state = (): WorkbookState => readWorkbookState(wb.state);
  const check = (today?: string): WorkbookReport => checkRead(gridsOf(wb), state(), today ?? options.today);
  const prepare = (kind: PlanKind, planOptions: PlanOptions | undefined, confirmOverwrite: boolean) => {
    const now = gridsOf(wb);
    const remembered = state();
    const built = buildPlan(kind, now, check(optionsToday(planOptions)), planOptionsFor(kind, planOptions, remembered, lang));
    const names = now.map((g) => g.name);
    const validations = existingValidations(wb, validationTargets(built.plan, names));
    const prepared = preparePlan(built.plan, now, { confirmOverwrite, protectedSheets: options.protectedSheets ?? [], validations });
    return { built, prepared, remembered };
  };

  return {
    host: "preview",
    get workbook() {
      return wb;
    },
    selections,
    grids: () => gridsOf(wb),
    load(next, fills) {
      const kept = wb.state;
      wb = memoryWorkbook(next, fills);
      wb.state = kept;
    },
    edit(sheet, cell, value) {
      const at = parseA1(cell);
      if (!at) throw new Error(`not a cell: ${cell}`);
      setCell(sheetOf(wb, sheet), at.row, at.col, value, null);
      for (const l of listeners) l();
    },
    addValidation(sheet, range, list) {
      wb.validations.push({ sheet, range, list });
    },
    language: () => lang,
    theme: () => options.theme ?? null,
    async check(request) {
      return check(request.today);
    },
    async select(sheet, cell) {
      sheetOf(wb, sheet);
      selections.push({ sheet, cell });
    },
    async preview(kind, planOptions): Promise<PlanPreview> {
      const { built, prepared } = prepare(kind, planOptions, true);
      const issue = prepared.problem ?? built.problem;
      return { plan: prepared.plan, overwrites: prepared.overwrites, ...(issue ? { problem: { code: issue.code, message: issue.message } } : {}) };
    },
    async apply(kind, planOptions, confirmOverwrite): Promise<ApplyResult> {
      const { built, prepared, remembered } = prepare(kind, planOptions, confirmOverwrite);
      // An empty plan with a reason (nothing to accept, nothing left to remove) says why; others write what they can.
      const issue = applyProblem(built, prepared);
      if (issue) return { ok: false, written: 0, skipped: [], error: { code: issue.code, message: issue.message } };
      const written = applyPlanToWorkbook(wb, prepared.plan);
      const next = stateAfterApply(remembered, kind, planOptions, built, prepared.plan);
      if (next) wb.state = JSON.stringify(next);
      return { ok: true, written, skipped: prepared.skipped };
    },
    async clearHighlights(): Promise<ApplyResult> {
      const written = clearHighlights(wb);
      return { ok: true, written, skipped: [] };
    },
    async settings() {
      return settingsOf(state());
    },
    async saveSettings(settings) {
      const { additions } = state();
      wb.state = JSON.stringify({ ...settings, ...(additions ? { additions } : {}) });
    },
    onChange(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
  };
}
