import { isBlank, type SheetGrid } from "../grid/grid";
import { RECOGNISED_KINDS, type RecognisedKind } from "../glossary/kinds";
import { kindSlot, matchAllKinds, matchField, MAX_HEADER_LENGTH, type ExtraSynonyms, type FieldMatch } from "../glossary/match";
import type { PhaseDef } from "../profile/schema";
import { readPhase } from "../read/phase";

/**
 * Finding the header: every row in the top of the sheet is a candidate, alone or under the row
 * above it as group headings (merged headings over sub-columns, or lifecycle phases over
 * リスク/対策/残存リスク), for every kind; the candidate whose labels name the most fields (signature
 * fields weigh double) wins. Only headers are read here; values speak in columns.ts.
 */

/** A column as its header names it. */
export interface HeaderColumn {
  col: number;
  field: string;
  /** The header text as written (joined with " / " when two header rows made the label). */
  header: string;
  exact: boolean;
  /** How well the label names the field (1 exact; 0.5–0.9 when a known spelling is part of it). */
  score: number;
  /** Wide risk layouts: the phase id of the column group. */
  phase?: string;
}

export interface HeaderChoice {
  kind: RecognisedKind;
  /** 0-based last header row. */
  row: number;
  /** 0-based header rows, top first. */
  rows: number[];
  layout?: "long" | "wide";
  columns: HeaderColumn[];
  score: number;
}

export interface HeaderOptions {
  synonyms?: ExtraSynonyms;
  phases?: readonly PhaseDef[];
}

/** How far down a header is looked for. Title blocks rarely exceed a dozen rows. */
const HEADER_SCAN_ROWS = 40;
/** Columns considered for headers. */
export const HEADER_SCAN_COLS = 256;

interface Candidate {
  kind: RecognisedKind;
  row: number;
  groupRow: number | null;
  score: number;
  signatures: number;
  columns: HeaderColumn[];
  layout?: "long" | "wide";
}

export function labelAt(grid: SheetGrid, r: number, c: number): string {
  const v = grid.values[r]?.[c];
  if (typeof v !== "string") return "";
  const t = v.trim();
  return t.length > MAX_HEADER_LENGTH * 2 ? "" : t;
}

/**
 * Group headings of a row above the header: a merged heading shows its text in its first cell
 * only, so a heading covers the cells to its right until the next heading (or the merge's end,
 * when the host reported merges).
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

/** Number of text cells in a row. */
function textCells(grid: SheetGrid, r: number, width: number): number {
  let text = 0;
  const row = grid.values[r];
  if (!row) return 0;
  for (let c = 0; c < Math.min(width, row.length); c++) if (typeof row[c] === "string" && !isBlank(row[c])) text++;
  return text;
}

/** Group headings that put the columns under them after treatment: 「対策後」「残留リスク」. */
const RESIDUAL_GROUP = /対策後|対応後|残留|残存|after|residual|post/i;
const RESIDUAL_OF: Readonly<Record<string, string>> = {
  likelihood: "residualLikelihood",
  impact: "residualImpact",
  score: "residualScore",
  level: "residualLevel",
};

type Matches = readonly (FieldMatch | null)[];

/** The labels of one candidate row (and of the group row above), matched once for all kinds. */
interface RowLabels {
  own: readonly string[];
  groups: readonly string[] | null;
  above: readonly string[] | null;
  ownMatches: readonly Matches[];
  joinedMatches: readonly Matches[] | null;
  aboveMatches: readonly Matches[] | null;
}

/** For each kind, whether some label, joined label or group label names one of its fields. */
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

const NO_SYNONYMS: ExtraSynonyms = {};

/** Only a whole phase name makes a column group: 「保管場所」 starts like 保管 but is no phase. */
function wholePhase(label: string, phases: readonly PhaseDef[] | undefined): string | null {
  if (label === "") return null;
  const res = readPhase(label, phases);
  return res && res.ok && res.hint === undefined ? res.value : null;
}

function evaluate(grid: SheetGrid, kind: RecognisedKind, r: number, groupRow: number | null, width: number, labels: RowLabels, opts: HeaderOptions): Candidate {
  const extra = opts.synonyms ?? NO_SYNONYMS;
  const groups = groupRow === null ? null : labels.groups;
  const slot = kindSlot(kind);
  const columns: HeaderColumn[] = [];
  for (let c = 0; c < width; c++) {
    const own = labels.own[c] ?? "";
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
    const column: HeaderColumn = { col: c, field, header, exact: match.exact, score: match.score };
    if (kind === "risk" && group !== "" && own !== "") {
      const phase = wholePhase(group, opts.phases);
      if (phase) column.phase = phase;
    }
    columns.push(column);
  }

  let layout: "long" | "wide" | undefined;
  if (kind === "risk") {
    const groupedPhases = new Set(columns.filter((m) => m.phase).map((m) => m.phase));
    if (groupedPhases.size >= 2) {
      layout = "wide";
    } else {
      // Single-row wide layout: the phases themselves are the column headers (個人情報分析表).
      const phaseCols: HeaderColumn[] = [];
      for (let c = 0; c < width; c++) {
        const own = labels.own[c] ?? "";
        if (own === "" || columns.some((m) => m.col === c && m.field !== "phase")) continue;
        const p = wholePhase(own, opts.phases);
        if (p) phaseCols.push({ col: c, field: "risk", header: own, exact: true, score: 1, phase: p });
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
    if (layout !== "wide") for (const m of columns) delete m.phase;
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
 * Columns that map to the same field: both are kept (the header rule reports them) only when
 * both are exact matches; a weaker match that collides with an exact one is dropped.
 */
function settleDuplicates(columns: readonly HeaderColumn[]): HeaderColumn[] {
  const byField = new Map<string, HeaderColumn[]>();
  for (const m of columns) {
    const key = m.phase ? `${m.field}@${m.phase}` : m.field;
    const list = byField.get(key);
    if (list) list.push(m);
    else byField.set(key, [m]);
  }
  const keep: HeaderColumn[] = [];
  for (const list of byField.values()) {
    const exact = list.filter((m) => m.exact);
    for (const m of exact.length > 0 ? exact : list.slice(0, 1)) keep.push(m);
  }
  return keep.sort((a, b) => a.col - b.col);
}

/** Labels and their matches, read once per row however many kinds and candidates ask. */
class LabelRows {
  private readonly own: string[][] = [];
  private readonly matches: Matches[][] = [];
  constructor(
    private readonly grid: SheetGrid,
    private readonly width: number,
    private readonly extra: ExtraSynonyms,
  ) {}
  labels(r: number): string[] {
    let row = this.own[r];
    if (!row) {
      row = new Array<string>(this.width);
      for (let c = 0; c < this.width; c++) row[c] = labelAt(this.grid, r, c);
      this.own[r] = row;
    }
    return row;
  }
  matchesOf(r: number): Matches[] {
    let row = this.matches[r];
    if (!row) this.matches[r] = row = this.labels(r).map((l) => matchAllKinds(l, this.extra));
    return row;
  }
  /** Row r as a header, with row r-1 as its group headings when `grouped`. */
  rowLabels(r: number, grouped: boolean): RowLabels {
    const own = this.labels(r);
    const out: RowLabels = { own, groups: null, above: null, ownMatches: this.matchesOf(r), joinedMatches: null, aboveMatches: null };
    if (!grouped || r === 0) return out;
    const groups = groupLabels(this.grid, r - 1, this.width);
    out.groups = groups;
    out.above = this.labels(r - 1);
    out.aboveMatches = this.matchesOf(r - 1);
    out.joinedMatches = own.map((o, c) => {
      const g = groups[c] ?? "";
      return matchAllKinds(o !== "" && g !== "" && g !== o ? `${g}${o}` : "", this.extra);
    });
    return out;
  }
}

export interface HeaderSearch {
  best: HeaderChoice | null;
  /** The best candidate of any kind, acceptable or not, for "why nothing was recognised". */
  closest: { kind: RecognisedKind; fields: number } | null;
}

/**
 * A row of short labels right under the chosen header that name fields of its kind (リスク / 対策 /
 * 残存リスク under merged phase names): the header's second row, not data.
 */
function isSubHeadingRow(rows: LabelRows, kind: RecognisedKind, r: number, width: number): boolean {
  const labels = rows.labels(r);
  const matches = rows.matchesOf(r);
  let texts = 0;
  let named = 0;
  for (let c = 0; c < width; c++) {
    if ((labels[c] ?? "") === "") continue;
    texts++;
    if (matches[c]?.[kindSlot(kind)]) named++;
  }
  return named >= 2 && named >= texts * 0.6;
}

export function findHeader(grid: SheetGrid, size: { rows: number; cols: number }, opts: HeaderOptions = {}): HeaderSearch {
  const width = Math.min(size.cols, HEADER_SCAN_COLS);
  const scanRows = Math.min(size.rows, HEADER_SCAN_ROWS);
  const rows = new LabelRows(grid, width, opts.synonyms ?? NO_SYNONYMS);
  let best: Candidate | null = null;
  let closest: Candidate | null = null;
  for (let r = 0; r < scanRows; r++) {
    if (textCells(grid, r, width) === 0) continue;
    const grouped = r > 0 && textCells(grid, r - 1, width) > 0;
    const single = rows.rowLabels(r, false);
    const double = grouped ? rows.rowLabels(r, true) : null;
    const named = kindsNamed(double ?? single);
    for (const kind of RECOGNISED_KINDS) {
      // A kind no label names maps no column here; risk sheets can be told from phase names alone.
      if (kind !== "risk" && !named[kindSlot(kind)]) continue;
      const cands = [evaluate(grid, kind, r, null, width, single, opts)];
      if (double) cands.push(evaluate(grid, kind, r, r - 1, width, double, opts));
      for (const cand of cands) {
        if (!closest || cand.score > closest.score) closest = cand;
        if (!acceptable(cand)) continue;
        if (!best || cand.score > best.score + 1e-9) best = cand;
      }
    }
  }
  // Phase names over リスク / 対策 pairs, the sub-headings on the next row: the two rows are the header.
  if (best && best.row + 1 < size.rows && isSubHeadingRow(rows, best.kind, best.row + 1, width)) {
    const lower = evaluate(grid, best.kind, best.row + 1, best.row, width, rows.rowLabels(best.row + 1, true), opts);
    if (acceptable(lower) && new Set(lower.columns.map((m) => m.field)).size >= new Set(best.columns.map((m) => m.field)).size) best = lower;
  }
  return {
    best: best ? choice(grid, best) : null,
    closest: closest && closest.score > 0 ? { kind: closest.kind, fields: new Set(closest.columns.map((m) => m.field)).size } : null,
  };
}

function choice(grid: SheetGrid, cand: Candidate): HeaderChoice {
  const columns = settleDuplicates(cand.columns);
  const usedGroup =
    cand.groupRow !== null && (cand.layout === "wide" || cand.columns.some((m) => m.header.includes(" / ") || labelAt(grid, cand.row, m.col) === ""));
  return {
    kind: cand.kind,
    row: cand.row,
    rows: usedGroup && cand.groupRow !== null ? [cand.groupRow, cand.row] : [cand.row],
    ...(cand.layout ? { layout: cand.layout } : {}),
    columns,
    score: cand.score,
  };
}
