import { cellText, gridSize, isBlank, type CellValue, type SheetGrid } from "../grid/grid";
import { RECOGNISED_KINDS, type RecognisedKind, type SheetKind } from "../glossary/kinds";
import { kindSlot, matchAllKinds, matchField, MAX_HEADER_LENGTH, type ExtraSynonyms, type FieldMatch } from "../glossary/match";
import type { PhaseDef } from "../profile/schema";
import { readPhase } from "../read/phase";
import { nfkc } from "../glossary/normalise";

/**
 * Recognition: find the header row(s) of a sheet, map its columns to fields and tell the
 * sheet's kind and layout from those headers alone (never from the tab name).
 *
 * Real sheets put a title block, the company name and a revision date above the header; some
 * use two header rows (merged group headings over sub-columns, or lifecycle phases over
 * リスク/対策/残存リスク); columns come in any order. We score every candidate row in the top of
 * the sheet, for every kind, and keep the best.
 */

export interface ColumnMapping {
  /** 0-based column. */
  col: number;
  field: string;
  /** The header text as written (joined with " / " when two header rows made the label). */
  header: string;
  exact: boolean;
  /** Wide risk layouts: the phase id of the column group this column belongs to. */
  phase?: string;
}

export interface RecognisedSheet {
  grid: SheetGrid;
  name: string;
  /** Position of the sheet in the workbook. */
  index: number;
  kind: SheetKind;
  /** 0-based index of the last header row; -1 when none was found. */
  headerRow: number;
  /** 0-based header rows, top first (one or two). */
  headerRows: number[];
  layout?: "long" | "wide";
  columns: ColumnMapping[];
  /** Field → columns carrying it, in column order. */
  byField: Map<string, ColumnMapping[]>;
  /** 0-based indices of the data rows (blank, example and note rows excluded). */
  dataRows: number[];
  /** Columns whose header matched nothing (0-based), for diagnostics. */
  unmapped: { col: number; header: string }[];
  /** Why a sheet was left unknown (best candidate's kind and score), for messages. */
  diagnosis?: { bestKind: RecognisedKind | null; fields: number };
}

export interface RecogniseOptions {
  synonyms?: ExtraSynonyms;
  phases?: readonly PhaseDef[];
}

/** How far down a header is looked for. Title blocks rarely exceed a dozen rows. */
const HEADER_SCAN_ROWS = 40;
/** Columns considered for headers. */
const HEADER_SCAN_COLS = 256;

interface Candidate {
  kind: RecognisedKind;
  row: number;
  groupRow: number | null;
  score: number;
  signatures: number;
  columns: ColumnMapping[];
  layout?: "long" | "wide";
}

function labelAt(grid: SheetGrid, r: number, c: number): string {
  const v = grid.values[r]?.[c];
  if (typeof v !== "string") return "";
  const t = v.trim();
  return t.length > MAX_HEADER_LENGTH * 2 ? "" : t;
}

/**
 * Group headings of a row above the header: a merged heading shows its text in its first
 * cell only, so a heading covers the cells to its right until the next heading (or the
 * merge's end, when the host reported merges).
 */
function groupLabels(grid: SheetGrid, r: number, width: number): string[] {
  const out: string[] = new Array<string>(width).fill("");
  const merged = new Map<number, number>();
  for (const m of grid.merges ?? []) {
    if (m.startRow <= r && m.endRow >= r && m.endCol > m.startCol) merged.set(m.startCol, m.endCol);
  }
  let current = "";
  let until = -1;
  let mergedMode = false;
  for (let c = 0; c < width; c++) {
    const t = labelAt(grid, r, c);
    if (t !== "") {
      current = t;
      const end = merged.get(c);
      mergedMode = end !== undefined;
      until = end ?? Number.MAX_SAFE_INTEGER;
    } else if (mergedMode && c > until) {
      current = "";
    }
    out[c] = current;
  }
  return out;
}

function vertMergedAbove(grid: SheetGrid, r: number, c: number): boolean {
  for (const m of grid.merges ?? []) {
    if (m.startCol <= c && m.endCol >= c && m.startRow === r - 1 && m.endRow >= r) return true;
  }
  return false;
}

/** Number of non-blank cells and text cells in a row (capped). */
function rowShape(grid: SheetGrid, r: number, width: number): { filled: number; text: number } {
  let filled = 0;
  let text = 0;
  const row = grid.values[r];
  if (!row) return { filled, text };
  for (let c = 0; c < Math.min(width, row.length); c++) {
    const v = row[c];
    if (!isBlank(v)) {
      filled++;
      if (typeof v === "string") text++;
    }
  }
  return { filled, text };
}

/** Group headings that put the columns under them after treatment: 「対策後」「残留リスク」. */
const RESIDUAL_GROUP = /対策後|対応後|残留|残存|after|residual|post/i;
const RESIDUAL_OF: Readonly<Record<string, string>> = {
  likelihood: "residualLikelihood",
  impact: "residualImpact",
  score: "residualScore",
  level: "residualLevel",
};

/**
 * The labels of one candidate header row (and of the group row above it), read once per row:
 * seven kinds evaluate the same row, and most of the rows scanned are data.
 */
interface RowLabels {
  /** The row's own labels, by column. */
  own: readonly string[];
  /** The group heading over each column (merged headings spread), or null without a group row. */
  groups: readonly string[] | null;
  /** The group row's own labels, or null. */
  above: readonly string[] | null;
  /** What each label names for every kind (`matchAllKinds`), looked up once per row. */
  ownMatches: readonly Matches[];
  /** The same for `${group}${own}`, where both are set and differ: joined once, not once per kind. */
  joinedMatches: readonly Matches[] | null;
  aboveMatches: readonly Matches[] | null;
}

type Matches = readonly (FieldMatch | null)[];

/** For each kind (by `kindSlot`), whether some label, joined label or group label names one of its fields. */
function kindsNamed(labels: RowLabels): boolean[] {
  const out = RECOGNISED_KINDS.map(() => false);
  const mark = (list: readonly Matches[] | null) => {
    if (!list) return;
    for (const matches of list) for (let slot = 0; slot < matches.length; slot++) if (matches[slot]) out[slot] = true;
  };
  mark(labels.ownMatches);
  mark(labels.joinedMatches);
  mark(labels.aboveMatches);
  return out;
}

/** One object for "no extra synonyms": the glossary's index and memo are kept per synonyms object. */
const NO_SYNONYMS: ExtraSynonyms = {};

/** Only a whole phase name makes a column group: 「保管場所」 starts like 保管 but is no phase. */
function phaseMemo(opts: RecogniseOptions): (label: string) => string | null {
  const memo = new Map<string, string | null>();
  return (label) => {
    if (label === "") return null;
    let p = memo.get(label);
    if (p === undefined) {
      const res = readPhase(label, opts.phases);
      p = res && res.ok && res.hint === undefined ? res.value : null;
      memo.set(label, p);
    }
    return p;
  };
}

function evaluate(
  grid: SheetGrid,
  kind: RecognisedKind,
  r: number,
  groupRow: number | null,
  width: number,
  labels: RowLabels,
  groupPhase: (label: string) => string | null,
  extra: ExtraSynonyms,
): Candidate {
  const groups = groupRow === null ? null : labels.groups;
  const slot = kindSlot(kind);
  const columns: ColumnMapping[] = [];
  for (let c = 0; c < width; c++) {
    const own = labels.own[c] as string;
    const group = groups?.[c] ?? "";
    let match: FieldMatch | null = null;
    let header = own;
    if (own !== "") {
      match = labels.ownMatches[c]?.[slot] ?? null;
      if ((!match || !match.exact) && group !== "" && group !== own) {
        const joined = labels.joinedMatches?.[c]?.[slot] ?? null;
        if (joined && (!match || joined.score > match.score)) {
          match = joined;
          header = `${group} / ${own}`;
        }
      }
    } else if (groupRow !== null && labels.above?.[c] !== "" && (vertMergedAbove(grid, r, c) || !grid.merges)) {
      // A heading spanning both header rows (「No」「個人情報」 merged vertically).
      header = labels.above?.[c] ?? "";
      match = labels.aboveMatches?.[c]?.[slot] ?? null;
    }
    if (!match) continue;
    let field = match.field;
    if (kind === "risk" && group !== "" && own !== "" && RESIDUAL_OF[field] && RESIDUAL_GROUP.test(group)) field = RESIDUAL_OF[field] as string;
    const mapping: ColumnMapping = { col: c, field, header, exact: match.exact };
    if (kind === "risk" && group !== "" && own !== "") {
      const phase = groupPhase(group);
      if (phase) mapping.phase = phase;
    }
    columns.push(mapping);
  }

  let layout: "long" | "wide" | undefined;
  if (kind === "risk") {
    const groupedPhases = new Set(columns.filter((m) => m.phase).map((m) => m.phase));
    if (groupedPhases.size >= 2) {
      layout = "wide";
    } else {
      // Single-row wide layout: the phases themselves are the column headers (個人情報分析表).
      const phaseCols: ColumnMapping[] = [];
      for (let c = 0; c < width; c++) {
        const own = labels.own[c] as string;
        if (own === "" || columns.some((m) => m.col === c && m.field !== "phase")) continue;
        const p = groupPhase(own);
        if (p) phaseCols.push({ col: c, field: "risk", header: own, exact: true, phase: p });
      }
      if (new Set(phaseCols.map((m) => m.phase)).size >= 3) {
        for (const pc of phaseCols) {
          const i = columns.findIndex((m) => m.col === pc.col);
          if (i >= 0) columns.splice(i, 1);
          columns.push(pc);
        }
        columns.sort((a, b) => a.col - b.col);
        layout = "wide";
      } else {
        layout = "long";
      }
    }
    for (const m of columns) if (layout !== "wide") delete m.phase;
  }

  // Score: each field counts once, at its best match; signature fields weigh double.
  const best = new Map<string, number>();
  let signatures = 0;
  const seenSig = new Set<string>();
  for (const m of columns) {
    const fm = matchField(kind, m.header.split(" / ").pop() ?? m.header, extra);
    const s = m.exact ? 1 : (fm?.score ?? 0.6);
    const sig = fm?.signature === true || (m.phase !== undefined && m.field === "risk");
    const weight = s * (sig ? 2 : 1);
    if ((best.get(m.field) ?? 0) < weight) best.set(m.field, weight);
    if (sig && !seenSig.has(m.field)) {
      seenSig.add(m.field);
      signatures++;
    }
  }
  let score = 0;
  for (const v of best.values()) score += v;
  if (layout === "wide") {
    score += 2;
    signatures = Math.max(signatures, 2);
  }
  return { kind, row: r, groupRow, score, signatures, columns, ...(layout ? { layout } : {}) };
}

function acceptable(c: Candidate): boolean {
  const fields = new Set(c.columns.map((m) => m.field)).size;
  return c.signatures >= 2 || (c.signatures >= 1 && fields >= 3);
}

/**
 * Resolve columns that map to the same field. Duplicates are kept (the header rule reports
 * them) only when both are exact matches; a weaker contained match that collides with an
 * exact one is dropped.
 */
function settleDuplicates(columns: ColumnMapping[]): ColumnMapping[] {
  const byField = new Map<string, ColumnMapping[]>();
  for (const m of columns) {
    const key = m.phase ? `${m.field}@${m.phase}` : m.field;
    const list = byField.get(key);
    if (list) list.push(m);
    else byField.set(key, [m]);
  }
  const keep: ColumnMapping[] = [];
  for (const list of byField.values()) {
    const exact = list.length === 1 ? list : list.filter((m) => m.exact);
    const chosen = exact.length > 0 ? exact : [list[0] as ColumnMapping];
    for (const m of chosen) keep.push(m);
  }
  return keep.sort((a, b) => a.col - b.col);
}

/** 「記入例」 rows under the header: instructions, not data. (Not 「サンプル」: real items are named that.) */
const EXAMPLE_MARK = /^(?:記入例|例$|例[:：)）]|example\b|e\.g\.)/i;
/** Totals and sign-off lines below the table. */
const TOTAL_MARK = /^(?:合計|小計|総計|計|total|subtotal)$/i;

/** The mapped columns and the header text above each, side by side (read on every data row). */
interface NoteRowColumns {
  cols: readonly number[];
  headers: readonly (string | undefined)[];
}

function isNoteRow(grid: SheetGrid, r: number, mapped: NoteRowColumns): boolean {
  const row = grid.values[r];
  if (!row) return true;
  let filledMapped = 0;
  let repeatsHeader = 0;
  const { cols, headers } = mapped;
  for (let k = 0; k < cols.length; k++) {
    const v = row[cols[k] as number];
    if (isBlank(v)) continue;
    filledMapped++;
    if (typeof v === "string" && headers[k] === v.trim()) repeatsHeader++;
  }
  if (filledMapped === 0) return true;
  // The header printed again (a sheet pasted from several printed pages).
  if (repeatsHeader >= Math.min(3, cols.length)) return true;
  let first: CellValue = null;
  let filled = 0;
  for (const v of row) {
    if (isBlank(v)) continue;
    if (++filled === 1) first = v;
    // Only "one cell or more than one" matters below.
    else break;
  }
  // Numbers print as ASCII digits, which no mark below starts with.
  if (typeof first === "number") return false;
  const marks = noteMarks(cellText(first));
  return marks.exampleOrTotal || (filled === 1 && marks.footnote);
}

/** What a row's first text says about the row: example or total line, footnote. */
function noteMarks(text: string): { exampleOrTotal: boolean; footnote: boolean } {
  // Texts repeat down a sheet (category names, departments): read each once.
  let marks = noteMemo.get(text);
  if (marks === undefined) {
    const firstText = nfkc(text);
    marks = {
      exampleOrTotal: EXAMPLE_MARK.test(firstText) || TOTAL_MARK.test(firstText.replace(/\s+/g, "")),
      // A footnote: one cell of prose starting with ※ or 注.
      footnote: /^(?:※|\*|注[:：)）]|注記)/.test(firstText),
    };
    if (noteMemo.size >= 20_000) noteMemo.clear();
    noteMemo.set(text, marks);
  }
  return marks;
}

const noteMemo = new Map<string, { exampleOrTotal: boolean; footnote: boolean }>();

export function recogniseSheet(grid: SheetGrid, index: number, opts: RecogniseOptions = {}): RecognisedSheet {
  const size = gridSize(grid);
  const width = Math.min(size.cols, HEADER_SCAN_COLS);
  const scanRows = Math.min(size.rows, HEADER_SCAN_ROWS);
  const groupPhase = phaseMemo(opts);
  const extra = opts.synonyms ?? NO_SYNONYMS;
  const ownLabels: string[][] = [];
  const ownMatches: Matches[][] = [];
  const labelsOf = (r: number): string[] => {
    let row = ownLabels[r];
    if (!row) {
      row = new Array<string>(width);
      for (let c = 0; c < width; c++) row[c] = labelAt(grid, r, c);
      ownLabels[r] = row;
    }
    return row;
  };
  const matchesOf = (r: number): Matches[] => {
    let row = ownMatches[r];
    if (!row) ownMatches[r] = row = labelsOf(r).map((l) => matchAllKinds(l, extra));
    return row;
  };
  let best: Candidate | null = null;
  let bestAny: Candidate | null = null;
  for (let r = 0; r < scanRows; r++) {
    const shape = rowShape(grid, r, width);
    if (shape.text === 0) continue;
    // The row above may hold group headings (fewer cells than the header itself).
    const above = r > 0 ? rowShape(grid, r - 1, width) : { filled: 0, text: 0 };
    const groupRow = above.text > 0 ? r - 1 : null;
    const own = labelsOf(r);
    const labels: RowLabels = { own, groups: null, above: null, ownMatches: matchesOf(r), joinedMatches: null, aboveMatches: null };
    if (groupRow !== null) {
      const groups = groupLabels(grid, groupRow, width);
      labels.groups = groups;
      labels.above = labelsOf(groupRow);
      labels.aboveMatches = matchesOf(groupRow);
      labels.joinedMatches = own.map((o, c) => {
        const g = groups[c] as string;
        return matchAllKinds(o !== "" && g !== "" && g !== o ? `${g}${o}` : "", extra);
      });
    }
    const named = kindsNamed(labels);
    for (const kind of RECOGNISED_KINDS) {
      // A kind that no label of the row (or of the group row) names maps no column here: its
      // candidates would score 0 and never be chosen. Risk sheets can still be recognised from
      // a row of phase names alone, so risk is always evaluated.
      if (kind !== "risk" && !named[kindSlot(kind)]) continue;
      const cands = [evaluate(grid, kind, r, null, width, labels, groupPhase, extra)];
      if (groupRow !== null) cands.push(evaluate(grid, kind, r, groupRow, width, labels, groupPhase, extra));
      for (const cand of cands) {
        if (!bestAny || cand.score > bestAny.score) bestAny = cand;
        if (!acceptable(cand)) continue;
        if (!best || cand.score > best.score + 1e-9) best = cand;
      }
    }
  }

  if (!best) {
    return {
      grid,
      name: grid.name,
      index,
      kind: "unknown",
      headerRow: -1,
      headerRows: [],
      columns: [],
      byField: new Map(),
      dataRows: [],
      unmapped: [],
      diagnosis: {
        bestKind: bestAny && bestAny.score > 0 ? bestAny.kind : null,
        fields: bestAny ? new Set(bestAny.columns.map((m) => m.field)).size : 0,
      },
    };
  }

  const columns = settleDuplicates(best.columns);
  const usedGroup =
    best.groupRow !== null && (best.layout === "wide" || best.columns.some((m) => m.header.includes(" / ") || isFromGroup(grid, best, m)));
  const headerRows = usedGroup && best.groupRow !== null ? [best.groupRow, best.row] : [best.row];
  const byField = new Map<string, ColumnMapping[]>();
  for (const m of columns) {
    const list = byField.get(m.field);
    if (list) list.push(m);
    else byField.set(m.field, [m]);
  }
  const mapped = new Set(columns.map((m) => m.col));
  const headerTexts = new Map(columns.map((m) => [m.col, labelAt(grid, best.row, m.col)]));
  const dataRows: number[] = [];
  const noteColumns: NoteRowColumns = { cols: columns.map((m) => m.col), headers: columns.map((m) => headerTexts.get(m.col)) };
  for (let r = best.row + 1; r < size.rows; r++) if (!isNoteRow(grid, r, noteColumns)) dataRows.push(r);
  const unmapped: { col: number; header: string }[] = [];
  for (let c = 0; c < width; c++) {
    const h = labelAt(grid, best.row, c);
    if (h !== "" && !mapped.has(c)) unmapped.push({ col: c, header: h });
  }
  return {
    grid,
    name: grid.name,
    index,
    kind: best.kind,
    headerRow: best.row,
    headerRows,
    ...(best.layout ? { layout: best.layout } : {}),
    columns,
    byField,
    dataRows,
    unmapped,
  };
}

function isFromGroup(grid: SheetGrid, cand: Candidate, m: ColumnMapping): boolean {
  return labelAt(grid, cand.row, m.col) === "";
}

export function recogniseWorkbook(grids: readonly SheetGrid[], opts: RecogniseOptions = {}): RecognisedSheet[] {
  return grids.map((g, i) => recogniseSheet(g, i, opts));
}
