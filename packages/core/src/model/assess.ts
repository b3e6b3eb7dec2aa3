import { isBlank, type CellValue } from "../grid/grid";
import { nfkc } from "../glossary/normalise";
import { textMemo } from "../memo";
import { NO_MEASURE_WORDS as NO_MEASURE } from "../glossary/vocabulary";
import type { ResolvedProfile } from "../profile/resolve";
import { readLevel, readScale, readScore } from "../read/level";
import { cellOf, groupColumn, riskEntries, type FieldCell, type RiskEntry } from "../model/records";
import { typedOver, type RuleSource } from "../recognise/scoring-rule";
import type { RecognisedSheet } from "../recognise/sheet";
import { baseSheetModel, WORD_RATING } from "../scoring/infer";
import { LEVEL_WORDS, levelRank, type LevelId } from "../scoring/levels";
import { buildRiskModel, type RiskModel, type ScoreResult, type Thresholds } from "../scoring/model";
import type { RiskModelDef } from "../scoring/schema";
import { inferBands, type BandRow } from "./bands";

/**
 * Each risk row scored once, by its sheet's rule: the model's inputs read the way a careful
 * reader would (「３」, 「3(高)」 and 「2点」 are numbers, 高/中/低 in a word-scale column are 3/2/1),
 * scored exactly as the sheet's (or the profile's) formula would, with the stored score and level
 * read beside. A stored level stands in only when the model cannot give one.
 */

/** The rule a risk sheet is scored by, and where it came from (what `pmark explain` shows). */
export interface SheetRiskModel {
  model: RiskModel;
  /**
   * formula: the sheet's own score or level formula; inferred: the bands its stored scores and
   * levels consistently follow; profile: the profile's model; columns: the model its columns
   * describe (likelihood × impact on the scale its values use, and so on).
   */
  source: "formula" | "inferred" | "profile" | "columns";
  at?: RuleSource;
  /** The score formula the sheet's operation was read from, when its bands came from elsewhere. */
  scoreAt?: RuleSource;
  /** Rows the inferred rule was read from. */
  rows?: number;
  /** The rating scales are stated (by the profile, or by the sheet in a header, legend or note): a value off them is an invalid entry. */
  scaleDeclared: boolean;
  /**
   * The profile states a model of its own (not the default profile's, which gives way to the
   * sheet) and the sheet follows another operation or other bands: said once, at the header.
   */
  departs: boolean;
}

export interface EntryAssessment {
  model: RiskModel;
  inherent: ScoreAssessment;
  /** The inherent level: the model's, else the stored level (never a guess from partial inputs). */
  level: LevelId | null;
  residual: ResidualAssessment | null;
}

export interface ScoreAssessment {
  result: ScoreResult;
  /** The cell of each input (col -1 when the sheet has no such column). */
  cells: Record<string, FieldCell>;
  /** Inputs the sheet has no column for. */
  absent: readonly string[];
  storedScore: StoredValue<number>;
  storedLevel: StoredValue<LevelId>;
  readonly storedScoreValue: number | null | undefined;
  readonly storedLevelValue: LevelId | null | undefined;
  /** The stored score is a typed value where the sheet computes scores by formula. */
  readonly scoreTypedOver: boolean;
}

/** A stored score or level: its cell and what it reads as (null: blank; undefined: unreadable). */
export interface StoredValue<T> {
  cell: FieldCell;
  value: T | null | undefined;
}

export interface ResidualAssessment {
  level: LevelId | null;
  /** The residual score when the model computed one (from residual inputs) or the sheet stores one. */
  score: number | null;
  /** Where the level came from: residual inputs, a residual score, or a residual level. */
  via: "inputs" | "score" | "level" | null;
  /** The cell a finding about the residual points at. */
  cell: FieldCell;
  /** Residual inputs scored by the model (null when the model has none or the sheet lacks them). */
  scored: ScoreAssessment | null;
}

/** A rating input's column (the phase group's own in wide layouts) and whether it is written in words (高/中/低 as 3/2/1). */
export function inputColumn(sheet: RecognisedSheet, field: string, group: string | undefined): { col: number; wordScale: boolean } {
  const col = groupColumn(sheet, field, group);
  return { col, wordScale: sheet.columns.find((m) => m.col === col)?.wordScale === true };
}

/** A field's cell on a row (the phase group's own column in wide layouts). */
export function inputCell(sheet: RecognisedSheet, row: number, field: string, group?: string): FieldCell {
  return cellOf(sheet.grid.values[row], groupColumn(sheet, field, group));
}

/** Reads a cell for the model: blank → null, numeric text → number, level words → 高/中/低 or 3/2/1. */
export function readInput(model: RiskModel, v: CellValue, wordScale = false): CellValue {
  if (isBlank(v)) return null;
  if (model.kind === "qualitative") {
    const r = readLevel(v);
    return r && r.ok ? (LEVEL_WORDS[r.value][0] ?? v) : v;
  }
  if (typeof v === "number") return v;
  const r = readScale(v, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (r && r.ok) return r.value;
  if (wordScale) {
    const w = readLevel(v);
    if (w && w.ok) return WORD_RATING[w.value];
  }
  return v;
}

function scoreOf(v: CellValue): number | null | undefined {
  if (isBlank(v)) return null;
  const r = readScore(v);
  return r && r.ok ? r.value : undefined;
}

function levelOf(v: CellValue): LevelId | null | undefined {
  if (isBlank(v)) return null;
  const r = readLevel(v);
  return r && r.ok ? r.value : undefined;
}

function valueAt(row: readonly CellValue[] | undefined, col: number): CellValue {
  return col < 0 ? null : row === undefined ? undefined : row[col];
}

/** Where one scoring of a sheet's rows reads its cells. */
interface ScorePlan {
  inputs: readonly { input: string; col: number; wordScale: boolean }[];
  absent: readonly string[];
  scoreCol: number;
  levelCol: number;
  /** The sheet computes this score column by formula. */
  scoreComputed: boolean;
  firstCellCol: number;
}

/** How a sheet (or one phase group of a wide sheet) is scored: its model and every input's column. */
interface GroupPlan {
  model: RiskModel;
  inherent: ScorePlan;
  residual: ScorePlan | null;
  residualScoreCol: number;
  residualLevelCol: number;
}

function scorePlan(sheet: RecognisedSheet, model: RiskModel, group: string | undefined, fieldOf: (input: string) => string | null, scoreField: string, levelField: string): ScorePlan | null {
  const inputs: { input: string; col: number; wordScale: boolean }[] = [];
  for (const input of model.inputs) {
    const field = fieldOf(input);
    if (field === null) return null;
    inputs.push({ input, ...inputColumn(sheet, field, group) });
  }
  const scoreCol = groupColumn(sheet, scoreField, group);
  return {
    inputs,
    absent: Object.freeze(inputs.filter((i) => i.col < 0).map((i) => i.input)),
    firstCellCol: inputs[0]?.col ?? -1,
    scoreCol,
    levelCol: groupColumn(sheet, levelField, group),
    scoreComputed: scoreCol >= 0 && (sheet.scoring?.computedCols.includes(scoreCol) ?? false),
  };
}

function groupPlan(sheet: RecognisedSheet, model: RiskModel, group: string | undefined): GroupPlan {
  return {
    model,
    inherent: scorePlan(sheet, model, group, (i) => i, "score", "level") as ScorePlan,
    residual: model.inputs.every((i) => model.residualField(i) !== null) ? scorePlan(sheet, model, group, (i) => model.residualField(i), "residualScore", "residualLevel") : null,
    residualScoreCol: groupColumn(sheet, "residualScore", group),
    residualLevelCol: groupColumn(sheet, "residualLevel", group),
  };
}

function inputsOf(plan: ScorePlan, model: RiskModel, row: readonly CellValue[] | undefined): Record<string, CellValue> {
  const values: Record<string, CellValue> = {};
  for (const { input, col, wordScale } of plan.inputs) values[input] = readInput(model, valueAt(row, col), wordScale);
  return values;
}

class Stored<T> implements StoredValue<T> {
  constructor(
    private readonly row: readonly CellValue[] | undefined,
    private readonly col: number,
    readonly value: T | null | undefined,
  ) {}
  get cell(): FieldCell {
    return cellOf(this.row, this.col);
  }
}

/** One scoring of a row; its cells are made when a finding asks for them. */
class Scored implements ScoreAssessment {
  private cellsMemo: Record<string, FieldCell> | undefined = undefined;
  readonly storedScoreValue: number | null | undefined;
  readonly storedLevelValue: LevelId | null | undefined;
  readonly scoreTypedOver: boolean;
  constructor(
    readonly result: ScoreResult,
    private readonly row: readonly CellValue[] | undefined,
    private readonly plan: ScorePlan,
    typedOver: boolean,
  ) {
    this.storedScoreValue = plan.scoreCol < 0 ? null : scoreOf(valueAt(row, plan.scoreCol));
    this.storedLevelValue = plan.levelCol < 0 ? null : levelOf(valueAt(row, plan.levelCol));
    this.scoreTypedOver = typedOver;
  }
  get absent(): readonly string[] {
    return this.plan.absent;
  }
  get cells(): Record<string, FieldCell> {
    if (this.cellsMemo === undefined) {
      const cells: Record<string, FieldCell> = {};
      for (const { input, col } of this.plan.inputs) cells[input] = cellOf(this.row, col);
      this.cellsMemo = cells;
    }
    return this.cellsMemo;
  }
  get storedScore(): StoredValue<number> {
    return new Stored(this.row, this.plan.scoreCol, this.storedScoreValue);
  }
  get storedLevel(): StoredValue<LevelId> {
    return new Stored(this.row, this.plan.levelCol, this.storedLevelValue);
  }
}

function score(sheet: RecognisedSheet, model: RiskModel, plan: ScorePlan, r: number): Scored {
  const row = sheet.grid.values[r];
  return new Scored(model.evaluate(inputsOf(plan, model, row)), row, plan, plan.scoreComputed && typedOver(sheet.grid, r, plan.scoreCol));
}

function residualOf(sheet: RecognisedSheet, plan: GroupPlan, r: number): ResidualAssessment | null {
  const { model } = plan;
  const row = sheet.grid.values[r];
  // Residual inputs the sheet lacks leave nothing to score (most sheets keep only a residual level).
  const usable = plan.residual && plan.residual.absent.length === 0 ? score(sheet, model, plan.residual, r) : null;
  const scoreCol = plan.residualScoreCol;
  const levelCol = plan.residualLevelCol;
  const firstInputCol = usable && plan.residual ? plan.residual.firstCellCol : -1;
  if (usable && usable.result.ok) {
    const col = scoreCol >= 0 ? scoreCol : levelCol >= 0 ? levelCol : firstInputCol;
    return { level: usable.result.level, score: usable.result.score, via: "inputs", cell: cellOf(row, col), scored: usable };
  }
  const storedScore = scoreCol < 0 ? null : scoreOf(valueAt(row, scoreCol));
  if (!model.scoreIsRank && typeof storedScore === "number") return { level: model.level(storedScore), score: storedScore, via: "score", cell: cellOf(row, scoreCol), scored: usable };
  const storedLevel = levelCol < 0 ? null : levelOf(valueAt(row, levelCol));
  if (storedLevel) return { level: storedLevel, score: null, via: "level", cell: cellOf(row, levelCol), scored: usable };
  const col = levelCol >= 0 ? levelCol : scoreCol >= 0 ? scoreCol : firstInputCol;
  if (col < 0) return null;
  return { level: null, score: null, via: null, cell: cellOf(row, col), scored: usable };
}

function storedLevelOf(model: RiskModel, inherent: ScoreAssessment): LevelId | null {
  const level = inherent.storedLevelValue;
  if (level) return level;
  const s = inherent.storedScoreValue;
  return !model.scoreIsRank && typeof s === "number" ? model.level(s) : null;
}

function assess(sheet: RecognisedSheet, plan: GroupPlan, r: number): EntryAssessment {
  const inherent = score(sheet, plan.model, plan.inherent, r);
  return {
    model: plan.model,
    inherent,
    level: inherent.result.ok ? inherent.result.level : storedLevelOf(plan.model, inherent),
    residual: residualOf(sheet, plan, r),
  };
}

/** The rows' scores and stored levels under a model, for reading the bands the sheet follows. */
function bandRows(sheet: RecognisedSheet, entries: readonly RiskEntry[], model: RiskModel): BandRow[] {
  const plans = new Map<string | undefined, GroupPlan>();
  const out: BandRow[] = [];
  for (const e of entries) {
    let plan = plans.get(e.group);
    if (!plan) plans.set(e.group, (plan = groupPlan(sheet, model, e.group)));
    const row = sheet.grid.values[e.row];
    for (const p of plan.residual && plan.residual.absent.length === 0 ? [plan.inherent, plan.residual] : [plan.inherent]) {
      const level = p.levelCol < 0 ? null : levelOf(valueAt(row, p.levelCol));
      const values = inputsOf(p, model, row);
      const inputs: number[] = [];
      for (const { input } of p.inputs) {
        const v = values[input];
        if (typeof v === "number") inputs.push(v);
      }
      const stored = p.scoreCol < 0 ? null : scoreOf(valueAt(row, p.scoreCol));
      out.push({ inputs: inputs.length === p.inputs.length ? inputs : null, stored: typeof stored === "number" ? stored : null, level: level ?? null });
    }
  }
  return out;
}

function operationOf(def: RiskModelDef): string {
  return (def as { operation?: string }).operation ?? "product";
}

function sameThresholds(a: Thresholds, b: Thresholds): boolean {
  return a.medium === b.medium && a.high === b.high;
}

/**
 * Scores a risk sheet's rows by the sheet's rule and keeps each row's assessment on its entry.
 * Returns the rule (null when the sheet has no scoring columns at all).
 */
export function assessRiskSheet(sheet: RecognisedSheet, entries: readonly RiskEntry[], profile: ResolvedProfile): SheetRiskModel | null {
  const base = baseSheetModel(sheet, profile);
  if (!base) {
    for (const e of entries) e.assessment = null;
    return null;
  }
  let def: RiskModelDef = base.def;
  let source: SheetRiskModel["source"] = base.origin;
  let rows: number | undefined;
  let model = buildRiskModel(def, base.fitsProfile ? "profile" : "inferred");
  assessAll(sheet, entries, model);
  const hasBands = sheet.scoring?.inherent.bands || sheet.scoring?.residual.bands;
  if (!hasBands && !model.scoreIsRank && (def.kind === "likelihoodImpact" || def.kind === "assetThreatVulnerability")) {
    const agreement = agreementOf(entries, model);
    if (agreement.levels >= MIN_CONSISTENT && agreement.levelsAgainst <= agreement.levels * TOLERANCE && agreement.scoresAgainst <= agreement.scores * TOLERANCE) {
      // The rows follow the model's bands themselves: the sheet's rule, read from its rows.
      source = "inferred";
      rows = agreement.levels;
    } else if (agreement.levelsAgainst >= 2 || agreement.scoresAgainst >= 2) {
      // Enough rows against the model to look for the rule they follow (rarely needed).
      const inferred = inferBands(bandRows(sheet, entries, model), def, model.thresholds);
      if (inferred && inferred.def !== def) {
        def = inferred.def;
        source = "inferred";
        rows = inferred.rows;
        model = buildRiskModel(def, "inferred");
        assessAll(sheet, entries, model);
      }
    }
  }
  const stated = profile.riskModel ? buildRiskModel(profile.riskModel, "profile") : null;
  // Bands the profile defines for this sheet's model (its shape fits the profile's) that the sheet's own rule departs from.
  const departs =
    stated !== null &&
    base.fitsProfile &&
    (source === "formula" || source === "inferred") &&
    stated.kind === model.kind &&
    (!sameThresholds(stated.thresholds, model.thresholds) || operationOf(stated.def) !== operationOf(model.def));
  return {
    model,
    source,
    ...(base.at && source === "formula" ? { at: base.at } : {}),
    ...(base.scoreAt && source !== "formula" ? { scoreAt: base.scoreAt } : {}),
    ...(rows !== undefined ? { rows } : {}),
    scaleDeclared: base.fitsProfile || sheet.statedScale !== null,
    departs,
  };
}

/** At least this many rows with a stored level before a sheet's rows are said to follow a rule. */
const MIN_CONSISTENT = 5;
/** The share of rows a rule may leave unexplained and still be the rule the rows follow. */
const TOLERANCE = 0.1;

function assessAll(sheet: RecognisedSheet, entries: readonly RiskEntry[], model: RiskModel): void {
  const plans = new Map<string | undefined, GroupPlan>();
  for (const e of entries) {
    let plan = plans.get(e.group);
    if (!plan) plans.set(e.group, (plan = groupPlan(sheet, model, e.group)));
    e.assessment = assess(sheet, plan, e.row);
  }
}

/** How many stored levels and scores the model's scoring agrees with, read from the rows' assessments. */
function agreementOf(entries: readonly RiskEntry[], model: RiskModel): { levels: number; levelsAgainst: number; scores: number; scoresAgainst: number } {
  const out = { levels: 0, levelsAgainst: 0, scores: 0, scoresAgainst: 0 };
  const count = (sa: ScoreAssessment) => {
    const stored = sa.storedScoreValue;
    const computed = sa.result.ok ? sa.result.score : null;
    if (typeof stored === "number" && computed !== null) {
      out.scores++;
      if (stored !== computed) out.scoresAgainst++;
    }
    const score = typeof stored === "number" ? stored : computed;
    const level = sa.storedLevelValue;
    if (score === null || !level) return;
    out.levels++;
    if (model.level(score) !== level) out.levelsAgainst++;
  };
  for (const e of entries) {
    const a = e.assessment;
    if (!a) continue;
    count(a.inherent);
    const scored = a.residual?.scored;
    if (scored && scored.absent.length === 0) count(scored);
  }
  return out;
}

/** A sheet's rule on its own (a write plan's formulas follow it), without a whole check. */
export function sheetRiskModel(sheet: RecognisedSheet, profile: ResolvedProfile): SheetRiskModel | null {
  return assessRiskSheet(sheet, riskEntries(sheet, profile.phases), profile);
}

/** The model a sheet is scored by, on its own. */
export function modelForSheet(sheet: RecognisedSheet, profile: ResolvedProfile): RiskModel | null {
  return sheetRiskModel(sheet, profile)?.model ?? null;
}

/** Whether a risk entry records a measure (a blank or 「なし」 cell does not). */
export function hasMeasure(entry: RiskEntry): boolean {
  const m = entry.measure;
  if (m.col < 0 || isBlank(m.value)) return false;
  return measureText(m.text);
}

const measureText = textMemo("measure", (text: string) => !NO_MEASURE.test(nfkc(text).replace(/\s+/g, "")));

export function atOrAbove(level: LevelId, floor: LevelId): boolean {
  return levelRank(level) >= levelRank(floor);
}

export function above(level: LevelId, limit: LevelId): boolean {
  return levelRank(level) > levelRank(limit);
}

/** The residual of an entry: the model's reading, else the stored residual level. */
export function residualOfEntry(entry: RiskEntry): ResidualAssessment | null {
  const a = entry.assessment;
  if (a) return a.residual;
  const cell = inputCell(entry.sheet, entry.row, "residualLevel", entry.group);
  if (cell.col < 0) return null;
  const value = levelOf(cell.value);
  return { level: value ?? null, score: null, via: value ? "level" : null, cell, scored: null };
}
