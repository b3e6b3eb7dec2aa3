import { isBlank, type SheetGrid } from "../grid/grid";
import { RECOGNISED_KINDS, type RecognisedKind } from "../glossary/kinds";
import { kindSlot, matchAllKinds, matchField, MAX_HEADER_LENGTH, type ExtraSynonyms, type FieldMatch } from "../glossary/match";
import type { PhaseDef } from "../profile/schema";
import { readPhase } from "../read/phase";

/**
 * Finding the header: every row in the top of the sheet is a candidate, alone or under the row
 * above it as group headings (merged headings over sub-columns, or lifecycle phases over
 * リスク/対策/残存リスク), for every kind; the candidate whose labels name the most fields (signature
 * fields weigh double) wins. Rows of field labels right under the winner extend it downwards (a
 * header of up to three rows: phases / リスク・評価・対策 / 発生可能性・影響度). Only headers are
 * read here; values speak in columns.ts.
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
  /** The label sits in an upper header row (merged down over the rows below). */
  fromUpper?: boolean;
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
/** Group headings are short (「取得・入力」「対策後」「評価」); longer text above a header is a title. */
const MAX_GROUP_LENGTH = 20;
/** The most rows a header spans. */
const MAX_HEADER_ROWS = 3;

interface Candidate {
  kind: RecognisedKind;
  /** Header rows, top first. */
  rows: readonly number[];
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
const NO_MATCH: Matches = [];

const NO_SYNONYMS: ExtraSynonyms = {};

/** Only a whole phase name makes a column group: 「保管場所」 starts like 保管 but is no phase. */
function wholePhase(label: string, phases: readonly PhaseDef[] | undefined): string | null {
  if (label === "") return null;
  const res = readPhase(label, phases);
  return res && res.ok && res.hint === undefined ? res.value : null;
}

/**
 * The labels of a header of one to three rows, per column: the label that names the column (the
 * bottom row's, or one merged down into it), the heading spread over it from the row above, and
 * the headings above that (phase names, 「対策後」).
 */
interface StackLabels {
  rows: readonly number[];
  own: readonly string[];
  /** The row each own label sits in. */
  ownRow: readonly number[];
  ownMatches: readonly Matches[];
  parent: readonly string[];
  /** `${parent}${own}` matched, where both are set and differ. */
  joinedMatches: readonly (Matches | null)[];
  /** The spread headings above the own label's row, nearest first. */
  upper: readonly (readonly string[])[];
  /** Matches of the labels of the stack's upper rows (for telling which kinds are named). */
  upperMatches: readonly Matches[];
}

/** Labels and their matches, read once per row however many kinds and candidates ask. */
class LabelRows {
  private readonly own: string[][] = [];
  private readonly matches: Matches[][] = [];
  private readonly spreads: string[][] = [];
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

  /**
   * Headings as they cover the columns: a merged heading shows its text in its first cell only,
   * so it covers the cells to its right until the next heading (or the merge's end, when the host
   * reported merges).
   */
  spread(r: number): string[] {
    let out = this.spreads[r];
    if (out) return out;
    out = new Array<string>(this.width).fill("");
    const merged = new Map<number, number>();
    for (const m of this.grid.merges ?? []) if (m.startRow <= r && m.endRow >= r && m.endCol > m.startCol) merged.set(m.startCol, m.endCol);
    const labels = this.labels(r);
    let current = "";
    let until = -1;
    let mergedMode = false;
    for (let c = 0; c < this.width; c++) {
      const t = labels[c] ?? "";
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
    this.spreads[r] = out;
    return out;
  }

  /** Whether the cell at (r, c) is covered by a label of the row above (a heading merged down). */
  private coveredFromAbove(r: number, c: number): boolean {
    if (!this.grid.merges) return true;
    return this.grid.merges.some((m) => m.startCol <= c && m.endCol >= c && m.startRow < r && m.endRow >= r);
  }

  stack(rows: readonly number[]): StackLabels {
    const bottom = rows.length - 1;
    const own: string[] = [];
    const ownRow: number[] = [];
    const ownMatches: Matches[] = [];
    const parent: string[] = [];
    const joinedMatches: (Matches | null)[] = [];
    const upper: string[][] = [];
    const rowAt = (k: number) => rows[k] ?? -1;
    for (let c = 0; c < this.width; c++) {
      // The label naming the column: the bottom row's, else one merged down from a row above.
      let at = bottom;
      while (at > 0 && (this.labels(rowAt(at))[c] ?? "") === "" && this.coveredFromAbove(rowAt(at), c)) at--;
      const r = rowAt(at);
      const label = this.labels(r)[c] ?? "";
      own.push(label);
      ownRow.push(r);
      ownMatches.push(this.matchesOf(r)[c] ?? NO_MATCH);
      const above: string[] = [];
      for (let k = at - 1; k >= 0; k--) above.push(this.spread(rowAt(k))[c] ?? "");
      // A heading joins the label below it only when it is a heading, not a title line.
      const near = above[0] ?? "";
      const p = (at === bottom || label === "") && near.length <= MAX_GROUP_LENGTH ? near : "";
      // A label merged down keeps only the headings above it for phases, no parent to join.
      parent.push(at === bottom ? p : "");
      upper.push(above.filter((u) => u !== "" && u !== label && u.length <= MAX_GROUP_LENGTH));
      joinedMatches.push(at === bottom && label !== "" && p !== "" && p !== label ? matchAllKinds(`${p}${label}`, this.extra) : null);
    }
    const upperMatches: Matches[] = [];
    for (let k = 0; k < bottom; k++) for (const m of this.matchesOf(rowAt(k))) upperMatches.push(m);
    return { rows, own, ownRow, ownMatches, parent, joinedMatches, upper, upperMatches };
  }
}

/** For each kind, whether some label, joined label or heading names one of its fields. */
function kindsNamed(labels: StackLabels): boolean[] {
  const out = RECOGNISED_KINDS.map(() => false);
  const mark = (list: readonly (Matches | null)[]) => {
    for (const matches of list) if (matches) for (let slot = 0; slot < matches.length; slot++) if (matches[slot]) out[slot] = true;
  };
  mark(labels.ownMatches);
  mark(labels.joinedMatches);
  mark(labels.upperMatches);
  return out;
}

function evaluate(kind: RecognisedKind, width: number, labels: StackLabels, opts: HeaderOptions): Candidate {
  const extra = opts.synonyms ?? NO_SYNONYMS;
  const slot = kindSlot(kind);
  const columns: HeaderColumn[] = [];
  for (let c = 0; c < width; c++) {
    const own = labels.own[c] ?? "";
    if (own === "") continue;
    const parent = labels.parent[c] ?? "";
    let match: FieldMatch | null = labels.ownMatches[c]?.[slot] ?? null;
    let header = own;
    if ((!match || !match.exact) && parent !== "" && parent !== own) {
      const joined = labels.joinedMatches[c]?.[slot] ?? null;
      if (joined && (!match || joined.score > match.score)) {
        match = joined;
        header = `${parent} / ${own}`;
      }
    }
    if (!match) continue;
    const upper = labels.upper[c] ?? [];
    let field = match.field;
    const residual = RESIDUAL_OF[field];
    if (kind === "risk" && residual && upper.some((u) => RESIDUAL_GROUP.test(u))) field = residual;
    const column: HeaderColumn = { col: c, field, header, exact: match.exact, score: match.score };
    if (labels.ownRow[c] !== labels.rows[labels.rows.length - 1]) column.fromUpper = true;
    if (kind === "risk") {
      for (const u of upper) {
        const phase = wholePhase(u, opts.phases);
        if (phase) {
          column.phase = phase;
          break;
        }
      }
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
  return { kind, rows: labels.rows, score, signatures, columns, ...(layout ? { layout } : {}) };
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

export interface HeaderSearch {
  best: HeaderChoice | null;
  /** The best candidate of any kind, acceptable or not, for "why nothing was recognised". */
  closest: { kind: RecognisedKind; fields: number } | null;
}

/**
 * A row of short labels right under the chosen header that name fields of its kind (リスク / 対策 /
 * 残存リスク under merged phase names, 発生可能性 / 影響度 under 評価): part of the header, not data.
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

const distinctFields = (c: Candidate) => new Set(c.columns.map((m) => m.field)).size;

export function findHeader(grid: SheetGrid, size: { rows: number; cols: number }, opts: HeaderOptions = {}): HeaderSearch {
  const width = Math.min(size.cols, HEADER_SCAN_COLS);
  const scanRows = Math.min(size.rows, HEADER_SCAN_ROWS);
  const rows = new LabelRows(grid, width, opts.synonyms ?? NO_SYNONYMS);
  let best: Candidate | null = null;
  let closest: Candidate | null = null;
  for (let r = 0; r < scanRows; r++) {
    if (textCells(grid, r, width) === 0) continue;
    const single = rows.stack([r]);
    const double = r > 0 && textCells(grid, r - 1, width) > 0 ? rows.stack([r - 1, r]) : null;
    const named = kindsNamed(double ?? single);
    for (const kind of RECOGNISED_KINDS) {
      // A kind no label names maps no column here; risk sheets can be told from phase names alone.
      if (kind !== "risk" && !named[kindSlot(kind)]) continue;
      const cands = [evaluate(kind, width, single, opts)];
      if (double) cands.push(evaluate(kind, width, double, opts));
      for (const cand of cands) {
        if (!closest || cand.score > closest.score) closest = cand;
        if (!acceptable(cand)) continue;
        if (!best || cand.score > best.score + 1e-9) best = cand;
      }
    }
  }
  // Rows of field labels under the winner (sub-headings under merged phase names) extend it.
  while (best && best.rows.length < MAX_HEADER_ROWS) {
    const next = (best.rows.at(-1) ?? -1) + 1;
    if (next >= size.rows || !isSubHeadingRow(rows, best.kind, next, width)) break;
    const lower = evaluate(best.kind, width, rows.stack([...best.rows, next]), opts);
    if (!acceptable(lower) || distinctFields(lower) < distinctFields(best)) break;
    best = lower;
  }
  return {
    best: best ? choice(best) : null,
    closest: closest && closest.score > 0 ? { kind: closest.kind, fields: distinctFields(closest) } : null,
  };
}

function choice(cand: Candidate): HeaderChoice {
  const columns = settleDuplicates(cand.columns);
  const row = cand.rows.at(-1) ?? -1;
  // An upper row counts as header only when some column's label or group came from it.
  const usedUpper = cand.rows.length > 1 && (cand.layout === "wide" || cand.columns.some((m) => m.header.includes(" / ") || m.phase !== undefined || m.fromUpper));
  return {
    kind: cand.kind,
    row,
    rows: usedUpper ? [...cand.rows] : [row],
    ...(cand.layout ? { layout: cand.layout } : {}),
    columns,
    score: cand.score,
  };
}
