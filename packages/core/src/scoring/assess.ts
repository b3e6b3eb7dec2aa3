import { isBlank, type CellValue } from "../grid/grid";
import { memoByText, nfkc } from "../glossary/normalise";
import { NO_MEASURE_WORDS as NO_MEASURE } from "../glossary/vocabulary";
import type { ResolvedProfile } from "../profile/resolve";
import { readLevel, readScale, readScore } from "../read/level";
import { cellOf, type FieldCell, type RiskEntry } from "../read/records";
import type { RecognisedSheet } from "../recognise/recognise";
import { modelForSheet } from "./infer";
import { LEVEL_WORDS, levelRank, type LevelId } from "./levels";
import type { RiskModel, ScoreResult } from "./model";

/**
 * A risk entry as the checker reads it: the model's inputs read the way a careful reader would
 * (「３」, 「3(高)」 and 「2点」 are numbers, 「高い」 a level word), then scored by the model
 * exactly as its formula would. Stored scores and levels are read beside, never trusted over
 * the model; a stored level stands in only when the model cannot give one.
 */
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
  /** `storedScore.value` and `storedLevel.value`, read without making the cell objects. */
  readonly storedScoreValue: number | null | undefined;
  readonly storedLevelValue: LevelId | null | undefined;
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

const ABSENT: FieldCell = { col: -1, value: null, text: "" };

/** A field's cell on a row: the phase group's own column in wide layouts, else an ungrouped one. */
export function inputCell(sheet: RecognisedSheet, row: number, field: string, group?: string): FieldCell {
  return cellOf(sheet.grid.values[row], columnOf(sheet, field, group));
}

/** Reads a cell for the model: blank → null, numeric text → number, level words → 高/中/低. */
export function readInput(model: RiskModel, v: CellValue): CellValue {
  if (isBlank(v)) return null;
  if (model.kind === "qualitative") {
    const r = readLevel(v);
    return r && r.ok ? (LEVEL_WORDS[r.value][0] ?? v) : v;
  }
  if (typeof v === "number") return v;
  const r = readScale(v, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  return r && r.ok ? r.value : v;
}

/** A stored score as read: null when blank, undefined when unreadable. */
function scoreOf(v: CellValue): number | null | undefined {
  if (isBlank(v)) return null;
  const r = readScore(v);
  return r && r.ok ? r.value : undefined;
}

/** A stored level as read: null when blank, undefined when unreadable. */
function levelOf(v: CellValue): LevelId | null | undefined {
  if (isBlank(v)) return null;
  const r = readLevel(v);
  return r && r.ok ? r.value : undefined;
}

function storedLevel(cell: FieldCell): StoredValue<LevelId> {
  return { cell, value: cell.col < 0 ? null : levelOf(cell.value) };
}

/** A row's cell, undefined for an absent column or row (what `cellOf(row, col).value` holds). */
function valueAt(row: readonly CellValue[] | undefined, col: number): CellValue {
  return col < 0 ? null : row === undefined ? undefined : row[col];
}

function scoreAt(row: readonly CellValue[] | undefined, col: number): number | null | undefined {
  return col < 0 ? null : scoreOf(valueAt(row, col));
}

function levelAt(row: readonly CellValue[] | undefined, col: number): LevelId | null | undefined {
  return col < 0 ? null : levelOf(valueAt(row, col));
}

/*
 * Assessments are made for every risk row (60k at 10k items) and kept for the whole check, but
 * their cells are wanted only for the few rows that get a finding. The classes below keep the
 * row and the columns, and make a cell object the first time someone asks for it: a fraction of
 * the objects to allocate and for the garbage collector to copy, with the same answers.
 */

/** A stored score or level whose cell is made when asked for. */
class Stored<T> implements StoredValue<T> {
  private cellMemo: FieldCell | undefined = undefined;
  constructor(
    private readonly row: readonly CellValue[] | undefined,
    private readonly col: number,
    readonly value: T | null | undefined,
  ) {}
  get cell(): FieldCell {
    return (this.cellMemo ??= cellOf(this.row, this.col));
  }
}

/** One scoring of a row: the model's result now, its cells and stored values when asked for. */
class Scored implements ScoreAssessment {
  private cellsMemo: Record<string, FieldCell> | undefined = undefined;
  private scoreMemo: StoredValue<number> | undefined = undefined;
  private levelMemo: StoredValue<LevelId> | undefined = undefined;
  constructor(
    readonly result: ScoreResult,
    private readonly row: readonly CellValue[] | undefined,
    private readonly plan: ScorePlan,
  ) {}
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
    return (this.scoreMemo ??= new Stored(this.row, this.plan.scoreCol, this.storedScoreValue));
  }
  get storedLevel(): StoredValue<LevelId> {
    return (this.levelMemo ??= new Stored(this.row, this.plan.levelCol, this.storedLevelValue));
  }
  // Read again on each call rather than kept: a rule that compares every row's stored values
  // would otherwise leave two objects per row (600k at 50k items) for the collector to move.
  get storedScoreValue(): number | null | undefined {
    return this.scoreMemo ? this.scoreMemo.value : scoreAt(this.row, this.plan.scoreCol);
  }
  get storedLevelValue(): LevelId | null | undefined {
    return this.levelMemo ? this.levelMemo.value : levelAt(this.row, this.plan.levelCol);
  }
}

/** A residual reading whose cell (the column a finding points at) is made when asked for. */
class Residual implements ResidualAssessment {
  private cellMemo: FieldCell | undefined = undefined;
  constructor(
    readonly level: LevelId | null,
    readonly score: number | null,
    readonly via: "inputs" | "score" | "level" | null,
    readonly scored: ScoreAssessment | null,
    private readonly row: readonly CellValue[] | undefined,
    private readonly col: number,
  ) {}
  get cell(): FieldCell {
    return (this.cellMemo ??= this.col < 0 ? ABSENT : cellOf(this.row, this.col));
  }
}

/** Where one scoring of a sheet's rows reads its cells: input columns, stored score and level. */
interface ScorePlan {
  inputs: readonly { input: string; col: number }[];
  /** Inputs without a column: the same on every row (shared, frozen). */
  absent: readonly string[];
  scoreCol: number;
  levelCol: number;
  /** The column of the first of `cells` (in property order, as `Object.values` lists them), or -1. */
  firstCellCol: number;
  /** Scratch record the inputs are read into for `evaluate`, which keeps no reference to it. */
  values: Record<string, CellValue>;
}

/**
 * How a sheet (or one phase group of a wide sheet) is scored: its model and the columns of every
 * input, found once per sheet and group instead of once per row (what inputCell would find).
 */
interface SheetPlan {
  model: RiskModel;
  inherent: ScorePlan;
  /** Residual inputs, when the model has a residual field for every input. */
  residual: ScorePlan | null;
  residualScoreCol: number;
  residualLevelCol: number;
}

function columnOf(sheet: RecognisedSheet, field: string, group: string | undefined): number {
  const cols = sheet.byField.get(field);
  if (!cols || cols.length === 0) return -1;
  const m = group === undefined ? cols[0] : (cols.find((c) => c.phase === group) ?? cols.find((c) => c.phase === undefined));
  return m ? m.col : -1;
}

function scorePlan(sheet: RecognisedSheet, model: RiskModel, group: string | undefined, fieldOf: (input: string) => string | null, scoreField: string, levelField: string): ScorePlan | null {
  const inputs: { input: string; col: number }[] = [];
  for (const input of model.inputs) {
    const field = fieldOf(input);
    if (field === null) return null;
    inputs.push({ input, col: columnOf(sheet, field, group) });
  }
  const order: Record<string, number> = {};
  for (const { input, col } of inputs) order[input] = col;
  return {
    inputs,
    absent: Object.freeze(inputs.filter((i) => i.col < 0).map((i) => i.input)),
    firstCellCol: Object.values(order)[0] ?? -1,
    scoreCol: columnOf(sheet, scoreField, group),
    levelCol: columnOf(sheet, levelField, group),
    values: {},
  };
}

const plans = new WeakMap<ResolvedProfile, WeakMap<RecognisedSheet, Map<string | undefined, SheetPlan | null>>>();

function sheetPlan(sheet: RecognisedSheet, group: string | undefined, profile: ResolvedProfile): SheetPlan | null {
  let bySheet = plans.get(profile);
  if (!bySheet) plans.set(profile, (bySheet = new WeakMap()));
  let byGroup = bySheet.get(sheet);
  if (!byGroup) bySheet.set(sheet, (byGroup = new Map()));
  let plan = byGroup.get(group);
  if (plan === undefined) {
    const model = modelForSheet(sheet, profile);
    plan = model
      ? {
          model,
          inherent: scorePlan(sheet, model, group, (i) => i, "score", "level") as ScorePlan,
          residual: model.inputs.every((i) => model.residualField(i) !== null) ? scorePlan(sheet, model, group, (i) => model.residualField(i), "residualScore", "residualLevel") : null,
          residualScoreCol: columnOf(sheet, "residualScore", group),
          residualLevelCol: columnOf(sheet, "residualLevel", group),
        }
      : null;
    byGroup.set(group, plan);
  }
  return plan;
}

function score(model: RiskModel, plan: ScorePlan, row: readonly CellValue[] | undefined): Scored {
  const values = plan.values;
  for (const { input, col } of plan.inputs) values[input] = readInput(model, valueAt(row, col));
  return new Scored(model.evaluate(values), row, plan);
}

function residualOf(plan: SheetPlan, row: readonly CellValue[] | undefined): ResidualAssessment | null {
  const model = plan.model;
  // Residual inputs the sheet lacks a column for leave nothing to score (most sheets keep only a
  // residual level): the row is not scored for nothing.
  const usable = plan.residual && plan.residual.absent.length === 0 ? score(model, plan.residual, row) : null;
  const scoreCol = plan.residualScoreCol;
  const levelCol = plan.residualLevelCol;
  // The first of the residual inputs' cells, where a finding points when no stored cell exists.
  const firstInputCol = usable && plan.residual ? plan.residual.firstCellCol : -1;
  if (usable && usable.result.ok) {
    const col = scoreCol >= 0 ? scoreCol : levelCol >= 0 ? levelCol : firstInputCol;
    return new Residual(usable.result.level, usable.result.score, "inputs", usable, row, col);
  }
  const storedScore = scoreAt(row, scoreCol);
  if (!model.scoreIsRank && typeof storedScore === "number") {
    return new Residual(model.level(storedScore), storedScore, "score", usable, row, scoreCol);
  }
  const storedLevel = levelAt(row, levelCol);
  if (storedLevel) return new Residual(storedLevel, null, "level", usable, row, levelCol);
  const col = levelCol >= 0 ? levelCol : scoreCol >= 0 ? scoreCol : firstInputCol;
  if (col < 0) return null;
  return new Residual(null, null, null, usable, row, col);
}

/** Scores one risk entry with its sheet's model (null when the sheet has no model at all). */
export function assessEntry(entry: RiskEntry, profile: ResolvedProfile): EntryAssessment | null {
  // Eight rules ask for every entry: the first call scores it, the others read the slot.
  if (entry.assessedFor === profile) return entry.assessment as EntryAssessment | null;
  const plan = sheetPlan(entry.sheet, entry.group, profile);
  let assessment: EntryAssessment | null = null;
  if (plan) {
    const model = plan.model;
    const row = entry.sheet.grid.values[entry.row];
    const inherent = score(model, plan.inherent, row);
    assessment = {
      model,
      inherent,
      level: inherent.result.ok ? inherent.result.level : storedLevelOf(model, inherent),
      residual: residualOf(plan, row),
    };
  }
  entry.assessment = assessment;
  entry.assessedFor = profile;
  return assessment;
}

/** The level a row's stored level or score gives, when the model cannot score the row. */
function storedLevelOf(model: RiskModel, inherent: ScoreAssessment): LevelId | null {
  const level = inherent.storedLevelValue;
  if (level) return level;
  const score = inherent.storedScoreValue;
  return !model.scoreIsRank && typeof score === "number" ? model.level(score) : null;
}

/**
 * The residual risk of an entry: the model's reading when the sheet has a model, else the
 * stored residual level (a sheet with 残存リスク but no scoring columns still records one).
 */
export function entryResidual(entry: RiskEntry, profile: ResolvedProfile): ResidualAssessment | null {
  const a = assessEntry(entry, profile);
  if (a) return a.residual;
  const stored = storedLevel(inputCell(entry.sheet, entry.row, "residualLevel", entry.group));
  if (stored.cell.col < 0) return null;
  return { level: stored.value ?? null, score: null, via: stored.value ? "level" : null, cell: stored.cell, scored: null };
}

/** Whether a risk entry records a measure (a blank or 「なし」 cell does not). */
export function hasMeasure(entry: RiskEntry): boolean {
  const m = entry.measure;
  if (m.col < 0 || isBlank(m.value)) return false;
  // Several rules ask for every row, and measure texts repeat: read each text once.
  return measureText(m.text);
}

const measureText = memoByText((text: string) => !NO_MEASURE.test(nfkc(text).replace(/\s+/g, "")), 20_000);

export function atOrAbove(level: LevelId, floor: LevelId): boolean {
  return levelRank(level) >= levelRank(floor);
}

export function above(level: LevelId, limit: LevelId): boolean {
  return levelRank(level) > levelRank(limit);
}
