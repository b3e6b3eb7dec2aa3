import { fieldLabel } from "../glossary/fields";
import { a1, cellAt, formulaAt, gridSize, isBlank, type SheetGrid } from "../grid/grid";
import type { Lang } from "../i18n/text";
import { resolveProfile, type ResolvedProfile } from "../profile/resolve";
import type { ProfileInput } from "../profile/schema";
import { MEDIUM_CHOICES } from "../read/medium";
import { recogniseSheet, type RecognisedSheet } from "../recognise/sheet";
import type { WorkbookReport } from "../report/types";
import { textCell } from "./cells";
import { MAX_ROWS } from "./check";
import { headerLanguage, yesNoChoices } from "./notation";
import { formulaSource, type FormulaSource } from "./scoring-source";
import type { WriteOp, WritePlan } from "./types";

export interface FormulasPlanOptions {
  lang: Lang;
  profile?: ProfileInput;
  /** Rows below the last data row that also get the dropdowns, for rows still to be written (default 100). */
  spareRows?: number;
}

const HEADER_FILL = "#DDEBF7";

/** The user's cell is empty: no value and no formula. */
function blankAt(grid: SheetGrid, row1: number, col1: number): boolean {
  return isBlank(cellAt(grid, row1 - 1, col1 - 1)) && formulaAt(grid, row1 - 1, col1 - 1) === undefined;
}

/** 1-based column of a field, in a wide layout the one of the phase group. */
function colOf(sheet: RecognisedSheet, field: string, group: string | undefined): number | null {
  const cols = sheet.byField.get(field) ?? [];
  const m = group === undefined ? (cols.find((c) => c.phase === undefined) ?? cols[0]) : cols.find((c) => c.phase === group);
  return m ? m.col + 1 : null;
}

/** One formulas op per column, from its first to its last formula; null leaves the cells between alone. */
function columnBlock(sheet: string, col: number, cells: Map<number, string>): WriteOp {
  let first = Infinity;
  let last = -Infinity;
  for (const r of cells.keys()) {
    if (r < first) first = r;
    if (r > last) last = r;
  }
  const formulas: (string | null)[][] = [];
  for (let r = first; r <= last; r++) formulas.push([cells.get(r) ?? null]);
  return { op: "formulas", sheet, row: first, col, formulas };
}

/** Inside a merged area but not its top-left cell: looks blank, but cannot be written. */
function hiddenByMerge(grid: SheetGrid, row1: number, col1: number): boolean {
  return (grid.merges ?? []).some(
    (m) => row1 - 1 >= m.startRow && row1 - 1 <= m.endRow && col1 - 1 >= m.startCol && col1 - 1 <= m.endCol && !(row1 - 1 === m.startRow && col1 - 1 === m.startCol),
  );
}

class SheetWork {
  readonly headerRow: number;
  readonly firstData: number;
  readonly lastData: number;
  readonly dropdownEnd: number;
  private nextCol: number;
  readonly ops: WriteOp[] = [];
  readonly formulas = new Map<number, Map<number, string>>();
  readonly newHeaders: { col: number; label: string }[] = [];

  constructor(
    readonly sheet: RecognisedSheet,
    spareRows: number,
  ) {
    this.headerRow = sheet.headerRow + 1;
    this.firstData = this.headerRow + 1;
    let last = this.headerRow;
    for (const r of sheet.dataRows) if (r + 1 > last) last = r + 1;
    this.lastData = last;
    this.dropdownEnd = Math.min(MAX_ROWS, Math.max(this.lastData, this.headerRow) + spareRows);
    // New columns go right of the last used column, so they never land on user content.
    this.nextCol = gridSize(sheet.grid).cols + 1;
  }

  dataRows(): number[] {
    return this.sheet.dataRows.map((r) => r + 1);
  }

  addColumn(label: string): number {
    const col = this.nextCol++;
    this.newHeaders.push({ col, label });
    return col;
  }

  formula(col: number, row: number, text: string): void {
    if (!blankAt(this.sheet.grid, row, col) || hiddenByMerge(this.sheet.grid, row, col)) return;
    let cells = this.formulas.get(col);
    if (!cells) this.formulas.set(col, (cells = new Map()));
    cells.set(row, text);
  }

  dropdown(col: number, list: readonly string[], strict: boolean): void {
    if (this.dropdownEnd < this.firstData) return;
    this.ops.push({
      op: "validation",
      sheet: this.sheet.name,
      range: `${a1(this.firstData, col)}:${a1(this.dropdownEnd, col)}`,
      list: [...list],
      allowBlank: true,
      strict,
    });
  }

  finish(): WriteOp[] {
    const out: WriteOp[] = [];
    const name = this.sheet.name;
    for (const h of this.newHeaders) {
      out.push({ op: "values", sheet: name, row: this.headerRow, col: h.col, values: [[textCell(h.label)]] });
      out.push({ op: "format", sheet: name, range: a1(this.headerRow, h.col), bold: true, fill: HEADER_FILL, wrap: true });
    }
    for (const [col, cells] of [...this.formulas].sort((a, b) => a[0] - b[0])) out.push(columnBlock(name, col, cells));
    return [...out, ...this.ops];
  }
}

function scaleList(src: FormulaSource, input: string): string[] {
  const { min, max } = src.scale(input);
  const out: string[] = [];
  for (let v = min; v <= max; v++) out.push(String(v));
  return out;
}

/** What the sheet itself is written in: its header's language, else the host's. */
function sheetLang(sheet: RecognisedSheet, lang: Lang): Lang {
  return headerLanguage(sheet.grid, sheet.headerRows) ?? lang;
}

function riskSheetOps(sheet: RecognisedSheet, profile: ResolvedProfile, hostLang: Lang, spareRows: number): WriteOp[] {
  const lang = sheetLang(sheet, hostLang);
  const src = formulaSource(sheet, profile, lang);
  const work = new SheetWork(sheet, spareRows);
  const wide = sheet.layout === "wide";
  const groups: (string | undefined)[] = wide ? [...new Set(sheet.columns.map((c) => c.phase).filter((p): p is string => p !== undefined))] : [undefined];
  const levelColsWithFormulas = new Set<number>();
  const pairs = [
    { inputs: src.inputs, score: "score", level: "level" },
    { inputs: src.inputs.map((i) => src.residualField(i)), score: "residualScore", level: "residualLevel" },
  ];
  for (const group of groups) {
    // A qualitative model's level is typed, not computed: it only gets its dropdown (below).
    if (!src.scaled) break;
    for (const pair of pairs) {
      const cols = pair.inputs.map((f) => (f === null ? null : colOf(sheet, f, group)));
      if (cols.some((c) => c === null)) continue;
      const refs = new Map(src.inputs.map((input, n) => [input, cols[n] as number]));
      src.inputs.forEach((input, n) => work.dropdown(cols[n] as number, scaleList(src, input), true));
      // A long sheet without a score or level column gets one; wide sheets keep their shape.
      let scoreCol = src.hasScore ? colOf(sheet, pair.score, group) : null;
      if (src.hasScore && scoreCol === null && !wide) scoreCol = work.addColumn(fieldLabel("risk", pair.score)[lang]);
      let levelCol = colOf(sheet, pair.level, group);
      if (levelCol === null && !wide) levelCol = work.addColumn(fieldLabel("risk", pair.level)[lang]);
      for (const row of work.dataRows()) {
        const ref = (input: string) => a1(row, refs.get(input) ?? 1);
        if (scoreCol !== null) work.formula(scoreCol, row, src.scoreFormula(ref));
        if (levelCol !== null) work.formula(levelCol, row, scoreCol !== null ? src.levelFormula(a1(row, scoreCol)) : src.directLevelFormula(ref));
      }
      if (levelCol !== null) levelColsWithFormulas.add(levelCol);
    }
  }
  const phaseCol = colOf(sheet, "phase", undefined);
  if (phaseCol !== null && !wide) work.dropdown(phaseCol, profile.phases.map((p) => p.label[lang]), false);
  for (const group of groups) {
    for (const field of ["level", "residualLevel"]) {
      const col = colOf(sheet, field, group);
      if (col !== null && !levelColsWithFormulas.has(col)) work.dropdown(col, src.levels, false);
    }
    const acceptance = colOf(sheet, "acceptance", group);
    if (acceptance !== null) work.dropdown(acceptance, yesNoChoices(sheet.grid, acceptance - 1, sheet.dataRows, lang), false);
  }
  return work.finish();
}

function ledgerSheetOps(sheet: RecognisedSheet, hostLang: Lang, spareRows: number): WriteOp[] {
  const lang = sheetLang(sheet, hostLang);
  const work = new SheetWork(sheet, spareRows);
  // Flags keep the notation the column already uses (○/×, 有/無, あり/なし…), so a dropdown never flags the user's own entries.
  for (const field of ["sensitive", "myNumber", "disclosable"]) {
    const col = colOf(sheet, field, undefined);
    if (col !== null) work.dropdown(col, yesNoChoices(sheet.grid, col - 1, sheet.dataRows, lang), false);
  }
  const medium = colOf(sheet, "medium", undefined);
  if (medium !== null) work.dropdown(medium, MEDIUM_CHOICES[lang], false);
  return work.finish();
}

/**
 * Score and level formulas, and dropdowns, for the workbook's existing sheets: on each risk
 * sheet (formulas from the scoring module's model for that sheet), a score formula in every empty score cell and a level formula in every empty level
 * cell (a long sheet without those columns gets them, right of its last used column), scale
 * dropdowns on the rating columns, the profile's phase list, level words and yes/no; on each
 * ledger, yes/no and medium dropdowns. Cells with a value or a formula are never written:
 * `overwritesOf` of this plan is empty by construction.
 */
export function formulasPlan(grids: readonly SheetGrid[], report: WorkbookReport, options: FormulasPlanOptions): WritePlan {
  const profile = resolveProfile(options.profile);
  const spare = Math.max(0, options.spareRows ?? 100);
  const kinds = new Map(report.sheets.map((s) => [s.name, s.kind]));
  const ops: WriteOp[] = [];
  grids.forEach((grid, index) => {
    const kind = kinds.get(grid.name);
    if (kind !== "risk" && kind !== "ledger") return;
    const sheet = recogniseSheet(grid, index, { synonyms: profile.synonyms, phases: profile.phases });
    const sheetOps = sheet.kind === "risk" ? riskSheetOps(sheet, profile, options.lang, spare) : sheet.kind === "ledger" ? ledgerSheetOps(sheet, options.lang, spare) : [];
    for (const op of sheetOps) ops.push(op);
  });
  return { title: { ja: "採点式と入力規則の追加", en: "Add scoring formulas and dropdowns" }, ops };
}
