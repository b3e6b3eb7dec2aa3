import type { LevelId } from "../scoring/levels";
import type { Thresholds } from "../scoring/model";
import type { RiskModelDef } from "../scoring/schema";

/**
 * The rule a sheet's stored values consistently follow when no formula states it: which
 * operation forms the stored scores from the ratings, and where the stored levels' bands lie.
 * A 5×5 sheet whose rows all put 8–14 at 中 has that rule; checking it against other bands would
 * flag every row. A rule is read only when the profile's bands contradict several rows and the
 * read bands explain nearly all of them; a few odd rows under the profile's bands are defects.
 */

/** One scored row: its ratings as numbers (null when one is missing), stored score, stored level. */
export interface BandRow {
  inputs: readonly number[] | null;
  stored: number | null;
  level: LevelId | null;
}

type Operation = "product" | "sum" | "max";

const APPLY: Readonly<Record<Operation, (xs: readonly number[]) => number>> = {
  product: (xs) => xs.reduce((p, x) => p * x, 1),
  sum: (xs) => xs.reduce((s, x) => s + x, 0),
  max: (xs) => xs.reduce((m, x) => Math.max(m, x), Number.NEGATIVE_INFINITY),
};

/** At least this many rows with a level before a sheet's own bands are read. */
const MIN_ROWS = 5;
/** The share of rows a rule may leave unexplained and still be the sheet's rule. */
const TOLERANCE = 0.1;

/** How many rows put one score at each level. */
interface ScoreTally {
  score: number;
  low: number;
  medium: number;
  high: number;
}

const atLevel = (t: ScoreTally, level: number): number => (level === 3 ? t.high : level === 2 ? t.medium : t.low);

/** Level counts per score, in ascending score order. */
function tally(rows: readonly BandRow[], op: Operation): { scores: ScoreTally[]; n: number } {
  const byScore = new Map<number, ScoreTally>();
  let n = 0;
  for (const row of rows) {
    if (row.level === null) continue;
    const s = row.stored ?? (row.inputs ? APPLY[op](row.inputs) : null);
    if (s === null || !Number.isFinite(s)) continue;
    let t = byScore.get(s);
    if (!t) byScore.set(s, (t = { score: s, low: 0, medium: 0, high: 0 }));
    t[row.level]++;
    n++;
  }
  return { scores: [...byScore.values()].sort((a, b) => a.score - b.score), n };
}

function levelBy(score: number, t: Thresholds): number {
  return score >= t.high ? 3 : score >= t.medium ? 2 : 1;
}

function violations(scores: readonly ScoreTally[], th: Thresholds): number {
  let v = 0;
  for (const t of scores) v += t.low + t.medium + t.high - atLevel(t, levelBy(t.score, th));
  return v;
}

/**
 * The monotone bands with the fewest rows against them. Between two observed scores a boundary
 * may sit anywhere; it is put where the current bands put it when that is in the gap.
 */
function bestBands(scores: readonly ScoreTally[], current: Thresholds): { th: Thresholds; violations: number } {
  const k = scores.length;
  // below[i][l]: rows at level l among the first i scores.
  const below: { low: number; medium: number; high: number }[] = [{ low: 0, medium: 0, high: 0 }];
  let sum = { low: 0, medium: 0, high: 0 };
  for (const t of scores) below.push((sum = { low: sum.low + t.low, medium: sum.medium + t.medium, high: sum.high + t.high }));
  const none = { low: 0, medium: 0, high: 0 };
  const count = (from: number, to: number, level: "low" | "medium" | "high") => (below[to] ?? none)[level] - (below[from] ?? none)[level];
  const total = (from: number, to: number) => count(from, to, "low") + count(from, to, "medium") + count(from, to, "high");
  const scoreAt = (i: number) => scores[i]?.score;
  const place = (i: number, want: number): number => {
    const lo = scoreAt(i - 1) ?? Number.NEGATIVE_INFINITY;
    const hi = scoreAt(i) ?? Number.POSITIVE_INFINITY;
    return want > lo && want <= hi ? want : i < k ? hi : lo + 1;
  };
  let best = { i: k, j: k, v: Number.POSITIVE_INFINITY, d: Number.POSITIVE_INFINITY };
  for (let i = 0; i <= k; i++) {
    for (let j = i; j <= k; j++) {
      const v = total(0, i) - count(0, i, "low") + (total(i, j) - count(i, j, "medium")) + (total(j, k) - count(j, k, "high"));
      const d = Math.abs(place(i, current.medium) - current.medium) + Math.abs(place(j, current.high) - current.high);
      if (v < best.v || (v === best.v && d < best.d)) best = { i, j, v, d };
    }
  }
  return { th: { medium: place(best.i, current.medium), high: place(best.j, current.high) }, violations: best.v };
}

/** Which operation the stored scores follow (≥ 90 % of the rows that have both), if any. */
function storedOperation(rows: readonly BandRow[]): Operation | null {
  let both = 0;
  const agree: Record<Operation, number> = { product: 0, sum: 0, max: 0 };
  for (const row of rows) {
    if (row.stored === null || row.inputs === null || row.inputs.length < 2) continue;
    both++;
    for (const op of ["product", "sum", "max"] as const) if (APPLY[op](row.inputs) === row.stored) agree[op]++;
  }
  if (both < MIN_ROWS) return null;
  const op = (["product", "sum", "max"] as const).reduce((a, b) => (agree[b] > agree[a] ? b : a));
  return agree[op] >= 0.9 * both ? op : null;
}

export function inferBands(rows: readonly BandRow[], def: RiskModelDef, current: Thresholds): { def: RiskModelDef; rows: number } | null {
  if (def.kind !== "likelihoodImpact" && def.kind !== "assetThreatVulnerability") return null;
  const currentOp: Operation = def.operation ?? "product";
  const fromScores = storedOperation(rows);
  const ops: Operation[] = fromScores ? [fromScores] : [currentOp, ...(["product", "sum", "max"] as const).filter((o) => o !== currentOp)];
  const now = tally(rows, currentOp);
  const againstNow = violations(now.scores, current);
  let chosen: { op: Operation; th: Thresholds; violations: number; n: number } | null = null;
  for (const op of ops) {
    const t = tally(rows, op);
    if (t.n < MIN_ROWS) continue;
    const b = bestBands(t.scores, current);
    if (!chosen || b.violations < chosen.violations) chosen = { op, th: b.th, violations: b.violations, n: t.n };
  }
  const opChanged = fromScores !== null && fromScores !== currentOp;
  const withOp = (op: Operation, thresholds?: Thresholds): RiskModelDef => {
    if (def.kind !== "likelihoodImpact" && def.kind !== "assetThreatVulnerability") return def;
    const { thresholds: _old, ...rest } = def;
    return thresholds ? { ...rest, operation: op, thresholds } : { ...rest, operation: op };
  };
  const bandsHold = chosen !== null && chosen.violations <= TOLERANCE * chosen.n;
  if (chosen && bandsHold && (opChanged || (againstNow >= 2 && againstNow > TOLERANCE * now.n && chosen.violations < againstNow))) {
    return { def: withOp(chosen.op, chosen.th), rows: chosen.n };
  }
  // Stored scores that follow another operation, with no levels to read bands from.
  if (opChanged && fromScores) return { def: withOp(fromScores), rows: rows.filter((r) => r.stored !== null).length };
  // The rows follow the current bands themselves: the sheet's rule, read from its rows.
  if (now.n >= MIN_ROWS && againstNow <= TOLERANCE * now.n) return { def, rows: now.n };
  return null;
}
