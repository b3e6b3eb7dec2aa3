import { isBlank, type CellValue } from "../grid/grid";
import { memoByText, nfkc } from "../glossary/normalise";
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

function storedScore(cell: FieldCell): StoredValue<number> {
  if (cell.col < 0 || isBlank(cell.value)) return { cell, value: null };
  const r = readScore(cell.value);
  return { cell, value: r && r.ok ? r.value : undefined };
}

function storedLevel(cell: FieldCell): StoredValue<LevelId> {
  if (cell.col < 0 || isBlank(cell.value)) return { cell, value: null };
  const r = readLevel(cell.value);
  return { cell, value: r && r.ok ? r.value : undefined };
}

/** Where one scoring of a sheet's rows reads its cells: input columns, stored score and level. */
interface ScorePlan {
  inputs: readonly { input: string; col: number }[];
  /** Inputs without a column: the same on every row (shared, frozen). */
  absent: readonly string[];
  scoreCol: number;
  levelCol: number;
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
  return {
    inputs,
    absent: Object.freeze(inputs.filter((i) => i.col < 0).map((i) => i.input)),
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

function score(model: RiskModel, plan: ScorePlan, row: readonly CellValue[] | undefined): ScoreAssessment {
  const cells: Record<string, FieldCell> = {};
  const values = plan.values;
  for (const { input, col } of plan.inputs) {
    const cell = cellOf(row, col);
    cells[input] = cell;
    values[input] = readInput(model, cell.value);
  }
  return {
    result: model.evaluate(values),
    cells,
    absent: plan.absent,
    storedScore: storedScore(cellOf(row, plan.scoreCol)),
    storedLevel: storedLevel(cellOf(row, plan.levelCol)),
  };
}

function residualOf(plan: SheetPlan, row: readonly CellValue[] | undefined): ResidualAssessment | null {
  const model = plan.model;
  const scored = plan.residual ? score(model, plan.residual, row) : null;
  const usable = scored && scored.absent.length === 0 ? scored : null;
  const storedS = storedScore(cellOf(row, plan.residualScoreCol));
  const storedL = storedLevel(cellOf(row, plan.residualLevelCol));
  if (usable && usable.result.ok) {
    const cell = storedS.cell.col >= 0 ? storedS.cell : storedL.cell.col >= 0 ? storedL.cell : (Object.values(usable.cells)[0] ?? ABSENT);
    return { level: usable.result.level, score: usable.result.score, via: "inputs", cell, scored: usable };
  }
  if (!model.scoreIsRank && typeof storedS.value === "number") {
    return { level: model.level(storedS.value), score: storedS.value, via: "score", cell: storedS.cell, scored: usable };
  }
  if (storedL.value) return { level: storedL.value, score: null, via: "level", cell: storedL.cell, scored: usable };
  const cell = storedL.cell.col >= 0 ? storedL.cell : storedS.cell.col >= 0 ? storedS.cell : usable ? (Object.values(usable.cells)[0] ?? ABSENT) : ABSENT;
  if (cell.col < 0) return null;
  return { level: null, score: null, via: null, cell, scored: usable };
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
    const stored = inherent.storedLevel.value ?? (!model.scoreIsRank && typeof inherent.storedScore.value === "number" ? model.level(inherent.storedScore.value) : null);
    assessment = {
      model,
      inherent,
      level: inherent.result.ok ? inherent.result.level : stored,
      residual: residualOf(plan, row),
    };
  }
  entry.assessment = assessment;
  entry.assessedFor = profile;
  return assessment;
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

/** Words that mean "no measure" in a measure cell: なし, 特になし, 未定, 検討中, -. */
const NO_MEASURE = /^(?:なし|無し|無|特になし|特に無し|対策なし|対策無し|未定|未実施|未対応|検討中|予定なし|なし。|-|ー|―|—|－|×|n\/?a|none|tbd)$/i;

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
