import type { Finding } from "../findings/finding";
import { cellAt, isBlank, type CellValue } from "../grid/grid";
import { readLevel, readScale } from "../read/level";
import { nameKey, type LedgerItem } from "../model/records";
import type { RecognisedSheet } from "../recognise/sheet";
import type { ResolvedProfile } from "../profile/resolve";
import { inputColumn, readInput } from "../model/assess";
import type { RiskModel } from "../scoring/model";
import type { RuleArea } from "../rules/define";
import type { WorkbookModel } from "../model/workbook";
import type {
  Coverage,
  DepartmentCoverage,
  HeatMap,
  PhaseCoverage,
  Readiness,
  ReadinessComponent,
  ReadinessComponentId,
  ReportOverview,
  ReportSummary,
  Scale,
} from "./types";

/**
 * The overview of one workbook: a likelihood × impact heat map before and after measures,
 * per-phase and per-department coverage, and a readiness figure. Everything here is computed
 * from the recognised sheets and the (already suppressed) findings; nothing quotes a cell value
 * except department names, which are organisational labels, not personal data.
 */

// ---------------------------------------------------------------- heat map

/** The widest rating scale read from likelihood and impact columns without a model (1–3, 1–4, 1–5). */
const WIDEST = 5;
/** The scale assumed when the values do not show a wider one (1–3). */
const DEFAULT_SCALE: Scale = { min: 1, max: 3 };

/**
 * How one risk sheet's rows are placed on the map: the fields that play likelihood and impact
 * before and after measures, and their scales. From the sheet's risk model when it has a
 * likelihood and an impact input; otherwise from the likelihood and impact columns, on the scale
 * their values show (1–3 unless a rating up to 5 appears), where 高/中/低 also read as 3/2/1 on a
 * 1–3 scale (qualitative sheets).
 */
interface SheetAxes {
  model: RiskModel | null;
  before: { likelihood: string; impact: string } | null;
  after: { likelihood: string; impact: string } | null;
  likelihood: Scale;
  impact: Scale;
}

function inferredScale(sheet: RecognisedSheet, fields: readonly string[]): Scale {
  let max = DEFAULT_SCALE.max;
  for (const f of fields) {
    for (const m of sheet.byField.get(f) ?? []) {
      for (const r of sheet.dataRows) {
        const v = readScale(cellAt(sheet.grid, r, m.col), 1, WIDEST);
        if (v && v.ok && v.value > max) max = v.value;
      }
    }
  }
  return { min: DEFAULT_SCALE.min, max };
}

function sheetAxes(sheet: RecognisedSheet, workbook: WorkbookModel): SheetAxes {
  const model = workbook.scoringOf(sheet)?.model ?? null;
  if (model && model.likelihoodInput && model.impactInput) {
    const l = model.likelihoodInput;
    const i = model.impactInput;
    const rl = model.residualField(l);
    const ri = model.residualField(i);
    return {
      model,
      before: { likelihood: l, impact: i },
      after: rl && ri ? { likelihood: rl, impact: ri } : null,
      likelihood: model.scale(l),
      impact: model.scale(i),
    };
  }
  return {
    model: null,
    before: { likelihood: "likelihood", impact: "impact" },
    after: { likelihood: "residualLikelihood", impact: "residualImpact" },
    likelihood: inferredScale(sheet, ["likelihood", "residualLikelihood"]),
    impact: inferredScale(sheet, ["impact", "residualImpact"]),
  };
}

const LEVEL_RATING = { low: 1, medium: 2, high: 3 } as const;

/** A rating on the scale: an integer in range (「３」「3(高)」 too), or 高/中/低 on a 1–3 scale. */
function ratingOf(v: CellValue, scale: Scale, model: RiskModel | null, wordScale: boolean): number | null {
  const value = model ? readInput(model, v, wordScale) : v;
  const n = readScale(value, scale.min, scale.max);
  if (n) return n.ok ? n.value : null;
  if (model || scale.min !== 1 || scale.max !== 3) return null;
  const l = readLevel(v);
  return l && l.ok ? LEVEL_RATING[l.value] : null;
}

function union(a: Scale | null, b: Scale): Scale {
  return a ? { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) } : { ...b };
}

function emptyGrid(rows: Scale, cols: Scale): number[][] {
  return Array.from({ length: rows.max - rows.min + 1 }, () => Array.from({ length: cols.max - cols.min + 1 }, () => 0));
}

/** A rating column of one sheet (and phase group): where it is and whether it is written in words. */
type RatingColumn = ReturnType<typeof inputColumn>;

/**
 * Counts risk rows per (likelihood, impact) before measures and per (residual likelihood,
 * residual impact) after. The map's axes span every risk sheet's scale (1–3 when there is none).
 * A row lacking either rating of a pair, or rated off its sheet's scale, is counted in
 * `unplaced` for that pair.
 */
export function heatMap(model: WorkbookModel): HeatMap {
  const axes = new Map<RecognisedSheet, SheetAxes>();
  let likelihood: Scale | null = null;
  let impact: Scale | null = null;
  for (const sheet of model.ofKind("risk")) {
    const a = sheetAxes(sheet, model);
    axes.set(sheet, a);
    likelihood = union(likelihood, a.likelihood);
    impact = union(impact, a.impact);
  }
  const L = likelihood ?? DEFAULT_SCALE;
  const I = impact ?? DEFAULT_SCALE;
  const has = (s: RecognisedSheet, pair: { likelihood: string; impact: string } | null) => pair !== null && s.byField.has(pair.likelihood) && s.byField.has(pair.impact);
  const out: HeatMap = {
    likelihood: { ...L },
    impact: { ...I },
    before: emptyGrid(L, I),
    after: emptyGrid(L, I),
    unplaced: { before: 0, after: 0 },
    columns: {
      before: [...axes].some(([s, a]) => has(s, a.before)),
      after: [...axes].some(([s, a]) => has(s, a.after)),
    },
  };
  const place = (grid: number[][], l: number | null, i: number | null): boolean => {
    if (l === null || i === null) return false;
    const row = grid[l - L.min];
    if (!row || row[i - I.min] === undefined) return false;
    row[i - I.min] = (row[i - I.min] ?? 0) + 1;
    return true;
  };
  // The rating columns of each sheet and phase group, found once.
  const columnsOf = new Map<RecognisedSheet, Map<string | undefined, Record<"before" | "after", [RatingColumn, RatingColumn] | null>>>();
  for (const e of model.riskEntries) {
    // A draft still to review is no analysed risk: its ratings, if any, are a profile's defaults.
    if (e.draft) continue;
    const a = axes.get(e.sheet);
    if (a === undefined) {
      out.unplaced.before++;
      out.unplaced.after++;
      continue;
    }
    let byGroup = columnsOf.get(e.sheet);
    if (!byGroup) columnsOf.set(e.sheet, (byGroup = new Map()));
    let cols = byGroup.get(e.group);
    if (!cols) {
      const pair = (p: { likelihood: string; impact: string } | null): [RatingColumn, RatingColumn] | null =>
        p ? [inputColumn(e.sheet, p.likelihood, e.group), inputColumn(e.sheet, p.impact, e.group)] : null;
      byGroup.set(e.group, (cols = { before: pair(a.before), after: pair(a.after) }));
    }
    const row = e.sheet.grid.values[e.row];
    const rate = (c: RatingColumn, scale: Scale) => ratingOf(c.col < 0 || row === undefined ? null : row[c.col], scale, a.model, c.wordScale);
    for (const key of ["before", "after"] as const) {
      const pair = cols[key];
      const ok = pair !== null && place(out[key], rate(pair[0], a.likelihood), rate(pair[1], a.impact));
      if (!ok) out.unplaced[key]++;
    }
  }
  return out;
}

// ---------------------------------------------------------------- coverage

const rowKey = (sheet: string, row1: number) => `${sheet}\u0000${row1}`;

export function coverage(model: WorkbookModel, findings: readonly Finding[]): Coverage {
  const table = model.coverage;
  const n = table.phases.length;
  const items = model.ledgerItems;
  const phases: PhaseCoverage[] = table.phases.map((phase, k) => {
    let applicable = 0;
    let analysed = 0;
    for (let at = k; at < table.applies.length; at += n) {
      if (table.applies[at] === 0) continue;
      applicable++;
      if (table.analysed[at] === 1) analysed++;
    }
    return { phase: phase.id, label: { ja: phase.label.ja, en: phase.label.en }, applicable, analysed };
  });

  // Departments in first-seen order; spellings that differ only in width or spacing merge.
  const departments = new Map<string, DepartmentCoverage>();
  const departmentKey = (item: LedgerItem) => nameKey(item.department.text.trim());
  for (const item of items) {
    const name = item.department.text.trim();
    const key = nameKey(name);
    let d = departments.get(key);
    if (!d) {
      d = { department: name, items: 0, analysed: 0, findings: 0, errors: 0 };
      departments.set(key, d);
    }
    d.items++;
    if ((model.links.entriesOf.get(item) ?? []).some((e) => !e.draft)) d.analysed++;
  }

  // Which departments a row speaks about: a ledger row its item's, a risk row its linked items'.
  const flagged = new Map<string, Set<number>>();
  for (const f of findings) {
    if (f.accepted) continue;
    const set = flagged.get(f.sheet);
    if (set) set.add(f.row);
    else flagged.set(f.sheet, new Set([f.row]));
  }
  const rows = new Map<string, Set<DepartmentCoverage>>();
  const add = (sheet: string, row1: number, item: LedgerItem) => {
    const d = departments.get(departmentKey(item));
    if (!d) return;
    const key = rowKey(sheet, row1);
    const set = rows.get(key);
    if (set) set.add(d);
    else rows.set(key, new Set([d]));
  };
  const isFlagged = (sheet: string, row1: number): boolean => flagged.get(sheet)?.has(row1) ?? false;
  for (const item of items) if (isFlagged(item.sheet.name, item.row + 1)) add(item.sheet.name, item.row + 1, item);
  for (const e of model.riskEntries) {
    if (!isFlagged(e.sheet.name, e.row + 1)) continue;
    for (const item of model.links.itemsOf.get(e) ?? []) add(e.sheet.name, e.row + 1, item);
  }
  for (const f of findings) {
    if (f.accepted) continue;
    for (const d of rows.get(rowKey(f.sheet, f.row)) ?? []) {
      d.findings++;
      if (f.severity === "error") d.errors++;
    }
  }
  return { phased: table.phased, phases, departments: [...departments.values()] };
}

// ---------------------------------------------------------------- readiness

/**
 * Readiness, 0–100: how close the workbook is to what an examiner expects. Five components,
 * each a share between 0 and 1, weighted and summed, then rounded down (so 100 means every
 * component is complete):
 *
 *   readiness = ⌊ 20·C + 20·R + 25·P + 15·S + 20·A ⌋
 *
 *   C columns  required column groups present over (ledger sheets × required groups);
 *              0 without a ledger sheet.
 *   R rows     ledger rows whose required cells are all filled (each required group that has a
 *              column has a non-blank cell on the row) over all ledger rows; 0 without rows.
 *   P phases   ledger rows for which every applicable phase has a linked risk entry over all
 *              ledger rows (委託・提供 applies only with a contractor or recipient; when no risk
 *              sheet records phases, any linked entry covers the row); 0 without rows.
 *   S scoring  risk rows that could be given a level (summary.risks high + medium + low) over
 *              the risk rows the summary counts (those plus incomplete); 0 when none is counted.
 *   A areas    rule areas (the part of a rule id before "/") among the rules that ran with no
 *              error-severity finding that is not accepted, over the areas that ran; 1 when no
 *              rule ran; 0 without a ledger sheet (no errors in nothing is no credit).
 *
 * Monotone: the total is a non-decreasing function of each share, and each share counts good
 * cells or rows over a denominator fixed by the workbook's rows and columns. So, with the rows
 * kept, blanking a required cell, deleting a risk row's phase, blanking a rating or adding an
 * error never raises the figure; filling them in and accepting a finding never lowers it.
 * Contractor and recipient cells change which phases apply, i.e. what is required, not how
 * well it is met. Suppressions affect A only: an accepted exception is still a gap in the
 * documents, but no longer a nonconformity.
 */
export const READINESS_WEIGHTS: Readonly<Record<ReadinessComponentId, number>> = {
  columns: 20,
  rows: 20,
  phases: 25,
  scoring: 15,
  areas: 20,
};

function component(id: ReadinessComponentId, met: number, of: number, whenEmpty: 0 | 1): ReadinessComponent {
  const ratio = of > 0 ? Math.min(1, Math.max(0, met / of)) : whenEmpty;
  return { id, weight: READINESS_WEIGHTS[id], ratio, met, of };
}

/** Ledger rows whose required groups (profile `required`) each have a value, where the group has a column. */
function completeRows(items: readonly LedgerItem[], required: readonly (readonly string[])[]): number {
  // A group's columns depend on the sheet only: found once per sheet, not per row.
  const colsOf = new Map<RecognisedSheet, number[][]>();
  let complete = 0;
  for (const { sheet, row } of items) {
    let cols = colsOf.get(sheet);
    if (!cols) colsOf.set(sheet, (cols = required.map((alternatives) => alternatives.flatMap((f) => (sheet.byField.get(f) ?? []).slice(0, 1).map((m) => m.col)))));
    // A group without a column is counted in C, not here.
    if (cols.every((group) => group.length === 0 || group.some((c) => !isBlank(cellAt(sheet.grid, row, c))))) complete++;
  }
  return complete;
}

export interface ReadinessInput {
  model: WorkbookModel;
  profile: ResolvedProfile;
  findings: readonly Finding[];
  summary: ReportSummary;
  /** Areas of the rules that ran. */
  areas: readonly RuleArea[];
}

export function readiness({ model, profile, findings, summary, areas }: ReadinessInput): Readiness {
  const ledgers = model.ofKind("ledger");
  const groups = profile.required;
  const columnsMet = ledgers.reduce((n, s) => n + groups.filter((alts) => alts.some((f) => s.byField.has(f))).length, 0);
  const columns = component("columns", columnsMet, ledgers.length * groups.length, ledgers.length > 0 ? 1 : 0);

  const items = model.ledgerItems;
  const rows = component("rows", completeRows(items, groups), items.length, 0);

  const phases = component("phases", model.coverage.fullAnalysed, items.length, 0);

  const r = summary.risks;
  const levelled = r.high + r.medium + r.low;
  const scoring = component("scoring", levelled, levelled + r.incomplete, 0);

  const ran = [...new Set(areas)];
  const failing = new Set(findings.filter((f) => f.severity === "error" && !f.accepted).map((f) => f.rule.split("/")[0]));
  // Without a ledger there is nothing for the rules to pass: no credit for the absence of errors.
  const clean = ledgers.length > 0 ? ran.filter((a) => !failing.has(a)).length : 0;
  const areaShare = component("areas", clean, ran.length, ledgers.length > 0 ? 1 : 0);

  const components = [columns, rows, phases, scoring, areaShare];
  const total = components.reduce((sum, c) => sum + c.weight * c.ratio, 0);
  // The epsilon keeps 99.99999… (floating error on a complete workbook) at 100.
  const score = Math.max(0, Math.min(100, Math.floor(total + 1e-9)));
  return { score, components };
}

// ---------------------------------------------------------------- all of it

export type OverviewInput = ReadinessInput;

export function buildOverview(input: OverviewInput): ReportOverview {
  return {
    heatMap: heatMap(input.model),
    coverage: coverage(input.model, input.findings),
    readiness: readiness(input),
  };
}
