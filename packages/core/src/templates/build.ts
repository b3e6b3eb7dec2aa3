import { columnLetters } from "../grid/grid";
import { FIELD_CATALOGUE } from "../glossary/fields";
import { interpolate, type Lang, type LocalisedText } from "../i18n/text";
import type { ResolvedProfile } from "../profile/resolve";
import type { PhaseDef } from "../profile/schema";
import { serialFromYmd } from "../read/date";
import { LEVEL_IDS, LEVEL_WORDS } from "../scoring/index";
import {
  AUDIT_COLUMNS,
  COMPUTED_HELP,
  CONTRACTOR_COLUMNS,
  CORE_LAWS,
  EXAMPLE_CONTRACTOR,
  EXAMPLE_DATE,
  EXAMPLE_LEDGER,
  EXAMPLE_RISKS,
  GENERIC_RISK,
  LAW_COLUMNS,
  LEDGER_COLUMNS,
  RESIDUAL_HELP,
  RISK_COLUMNS,
  SCALE_HELP,
  SHEET_TEXT,
  TRAINING_COLUMNS,
  type ColumnText,
} from "./content";
import { contentHash } from "./hash";
import { metaSheet } from "./meta";
import { templateScoring, type TemplateScoring } from "./scoring";
import {
  DATE_FORMAT,
  TEMPLATE_FORMAT,
  TEMPLATE_PARTS,
  rowFormula,
  type ColumnSpec,
  type SheetSpec,
  type SpecCell,
  type TemplatePart,
  type TemplateProfileStamp,
  type TemplateSheetKind,
  type WorkbookSpec,
} from "./spec";

/** Title in row 1, a note in row 2, a blank row (so the note is never read as a group heading), the header in row 4. */
const HEADER_ROW = 4;

/** Rows under the header that get formulas, dropdowns and formats, per sheet. */
const TABLE_ROWS: Record<Exclude<TemplateSheetKind, "meta">, number> = {
  ledger: 200,
  risk: 500,
  contractor: 100,
  law: 100,
  training: 300,
  audit: 100,
};

/**
 * The parts of a profile a template depends on, as plain data: the ledger fields it requires and
 * expects, the phases (ids, labels, when they apply) and the risk model (inputs, scales, the
 * formulas it emits). Synonyms, review intervals and rule severities are not in a template.
 */
export function templateProfileParts(profile: ResolvedProfile): Record<TemplatePart, unknown> {
  const scoring = templateScoring(profile, "ja");
  return {
    fields: { required: profile.required, expected: profile.expected },
    phases: profile.phases.map((p) => ({ id: p.id, label: p.label, appliesWhen: p.appliesWhen ?? "always" })),
    model: {
      inputs: scoring.inputs,
      wordInputs: scoring.wordInputs,
      levels: scoring.levels,
      score: scoring.hasScore ? scoring.scoreFormula((field) => `[${field}]`) : null,
      level: scoring.levelFormula((field) => `[${field}]`, scoring.hasScore ? "[score]" : null),
    },
  };
}

/** The profile's id, version and hashes, as a template records them. */
export function templateStamp(profile: ResolvedProfile): TemplateProfileStamp {
  const parts = templateProfileParts(profile);
  const hashes = Object.fromEntries(TEMPLATE_PARTS.map((p) => [p, contentHash(parts[p])])) as Record<TemplatePart, string>;
  return { id: profile.id, version: profile.version, hash: contentHash(parts), parts: hashes };
}

type Catalogue = Record<string, { label: LocalisedText } | undefined>;

/** The glossary's label, so that `pmark check` recognises the header; the column's own label for kinds the glossary lacks. */
function headerOf(kind: string, column: ColumnText, lang: Lang): string {
  const catalogue = (FIELD_CATALOGUE as unknown as Record<string, Catalogue | undefined>)[kind];
  const label = catalogue?.[column.field]?.label ?? column.label;
  return label ? label[lang] : column.field;
}

function columnSpec(kind: string, c: ColumnText, lang: Lang): ColumnSpec {
  const spec: ColumnSpec = { field: c.field, header: headerOf(kind, c, lang), width: c.width };
  if (c.help) spec.help = { title: c.help.title[lang], text: c.help.text[lang] };
  if (c.list) spec.list = { values: [...c.list.values[lang]], strict: c.list.strict === true };
  if (c.date) spec.numberFormat = DATE_FORMAT;
  return spec;
}

function sheetBase(kind: Exclude<TemplateSheetKind, "meta">, lang: Lang, columns: ColumnSpec[], rows: SpecCell[][], freezeThrough: string): SheetSpec {
  const t = SHEET_TEXT[kind];
  const freezeCols = columns.findIndex((c) => c.field === freezeThrough) + 1;
  return {
    kind,
    name: t.name[lang],
    tabColor: t.tabColor,
    title: t.title[lang],
    note: t.note[lang],
    headerRow: HEADER_ROW,
    columns,
    rows,
    tableRows: TABLE_ROWS[kind],
    freeze: { rows: HEADER_ROW, cols: Math.max(0, freezeCols) },
  };
}

const EXAMPLE_SERIAL = serialFromYmd(EXAMPLE_DATE.y, EXAMPLE_DATE.m, EXAMPLE_DATE.d);

function rowFrom(columns: readonly ColumnSpec[], values: Readonly<Record<string, SpecCell | undefined>>): SpecCell[] {
  return columns.map((c) => values[c.field] ?? null);
}

function ledgerSheet(profile: ResolvedProfile, lang: Lang): SheetSpec {
  const listed = new Set(LEDGER_COLUMNS.map((c) => c.field));
  const ledgerFields = FIELD_CATALOGUE.ledger as Catalogue;
  // Fields a custom profile requires or expects beyond the standard set go before the notes.
  const extra: ColumnText[] = [...new Set([...profile.required, ...profile.expected].flat())]
    .filter((f) => !listed.has(f) && ledgerFields[f] !== undefined)
    .map((field) => ({ field, width: 14 }));
  const texts = [...LEDGER_COLUMNS.slice(0, -1), ...extra, ...LEDGER_COLUMNS.slice(-1)];
  const columns = texts.map((c) => columnSpec("ledger", c, lang));
  const example = rowFrom(columns, { ...EXAMPLE_LEDGER[lang], reviewedDate: EXAMPLE_SERIAL });
  return sheetBase("ledger", lang, columns, [example], "name");
}

function scaleHelp(text: { title: LocalisedText; text: LocalisedText }, lang: Lang, min: number, max: number) {
  const data = { min, max };
  return { title: interpolate(text.title[lang], data), text: interpolate(text.text[lang], data) };
}

function scaleValues(min: number, max: number): string[] {
  const out: string[] = [];
  for (let v = min; v <= max; v++) out.push(String(v));
  return out;
}

/** A risk column's texts; a field the catalogue lacks gets a plain narrow column. */
function riskText(field: string): ColumnText {
  return RISK_COLUMNS.find((c) => c.field === field) ?? { field, width: 9 };
}

/** A scale input (1–3…), picked from a strict dropdown, with the scale's help (the residual one for residual inputs). */
function inputColumn(lang: Lang, field: string, min: number, max: number, residual: boolean): ColumnSpec {
  return {
    ...columnSpec("risk", riskText(field), lang),
    list: { values: scaleValues(min, max), strict: true },
    help: residual ? scaleHelp(RESIDUAL_HELP, lang, min, max) : scaleHelp(SCALE_HELP[field] ?? RESIDUAL_HELP, lang, min, max),
  };
}

/** An input typed as a level word (a qualitative model); level columns are coloured. */
function wordColumn(lang: Lang, field: string, words: string[]): ColumnSpec {
  return {
    ...columnSpec("risk", riskText(field), lang),
    list: { values: words, strict: true },
    ...(field === "level" || field === "residualLevel" ? { levelColours: true } : {}),
  };
}

/** A score or level the sheet computes (its formula is set by `setRiskFormulas`). */
function computedColumn(lang: Lang, field: string, levelColours: boolean): ColumnSpec {
  return {
    ...columnSpec("risk", riskText(field), lang),
    help: { title: COMPUTED_HELP.title[lang], text: COMPUTED_HELP.text[lang] },
    computed: true,
    ...(levelColours ? { levelColours: true } : {}),
  };
}

/** Every scale input has a residual counterpart: the residual score and level are computed too. */
function hasResidualInputs(scoring: TemplateScoring): boolean {
  return scoring.inputs.length > 0 && scoring.inputs.every((i) => i.residualField !== null);
}

/** Item, phase and risk; the inputs, score and level; the measure; the residual ones; acceptance, owner, review date. */
function riskColumns(profile: ResolvedProfile, lang: Lang, scoring: TemplateScoring): ColumnSpec[] {
  const { inputs, wordInputs, hasScore } = scoring;
  const columns: ColumnSpec[] = [];
  for (const f of ["itemRef", "itemName", "phase", "risk"]) columns.push(columnSpec("risk", riskText(f), lang));
  const phaseColumn = columns.find((c) => c.field === "phase");
  if (phaseColumn) phaseColumn.list = { values: profile.phases.map((p) => p.label[lang]), strict: false };
  for (const i of inputs) columns.push(inputColumn(lang, i.field, i.min, i.max, false));
  for (const w of wordInputs) columns.push(wordColumn(lang, w.field, w.words));
  if (hasScore) columns.push(computedColumn(lang, "score", false));
  if (!wordInputs.some((w) => w.field === "level")) columns.push(computedColumn(lang, "level", true));
  columns.push(columnSpec("risk", riskText("measure"), lang));
  if (hasResidualInputs(scoring)) {
    for (const i of inputs) if (i.residualField !== null) columns.push(inputColumn(lang, i.residualField, i.min, i.max, true));
    if (hasScore) columns.push(computedColumn(lang, "residualScore", false));
    columns.push(computedColumn(lang, "residualLevel", true));
  } else {
    columns.push(wordColumn(lang, "residualLevel", wordInputs[0]?.words ?? scoring.levels.map((l) => l.label)));
  }
  for (const f of ["acceptance", "owner", "reviewedDate"]) columns.push(columnSpec("risk", riskText(f), lang));
  return columns;
}

/** Formulas of the computed columns: each input's cell on the same row; the level reads the score next to it. */
function setRiskFormulas(columns: ColumnSpec[], scoring: TemplateScoring): void {
  const { inputs, hasScore } = scoring;
  const letter = (field: string) => columnLetters(columns.findIndex((c) => c.field === field) + 1);
  const empty = scoring.evaluate({});
  const setFormula = (field: string, formula: string, result: "score" | "level") => {
    const c = columns.find((col) => col.field === field);
    if (!c || !c.computed) return;
    c.formula = formula;
    c.emptyResult = empty[result];
  };
  const inherentRef = (f: string) => `${letter(f)}{row}`;
  const residualOf = new Map(inputs.map((i) => [i.field, i.residualField ?? i.field]));
  const residualRef = (f: string) => `${letter(residualOf.get(f) ?? f)}{row}`;
  if (hasScore) setFormula("score", scoring.scoreFormula(inherentRef), "score");
  setFormula("level", scoring.levelFormula(inherentRef, hasScore ? `${letter("score")}{row}` : null), "level");
  if (hasResidualInputs(scoring)) {
    if (hasScore) setFormula("residualScore", scoring.scoreFormula(residualRef), "score");
    setFormula("residualLevel", scoring.levelFormula(residualRef, hasScore ? `${letter("residualScore")}{row}` : null), "level");
  }
}

type ExampleRisk = (typeof EXAMPLE_RISKS)[string];
type Ratings = Record<string, string | number | null>;

/** The example's inputs before and after its measure, on the profile's scales and words. */
function exampleRatings(ex: ExampleRisk, scoring: TemplateScoring): { inherent: Ratings; residual: Ratings } {
  const inherent: Ratings = {};
  const residual: Ratings = {};
  scoring.inputs.forEach((input, k) => {
    // Examples are written on 1–3; other scales take the same position on theirs.
    const at = (v: number | undefined) => Math.min(input.max, Math.max(input.min, input.min + (v ?? 1) - 1));
    inherent[input.field] = at(ex.inherent[k] ?? ex.inherent[1]);
    residual[input.field] = at(ex.residual[k] ?? ex.residual[1]);
  });
  for (const w of scoring.wordInputs) {
    inherent[w.field] = w.words[1] ?? null;
    residual[w.field] = w.words[2] ?? null;
  }
  return { inherent, residual };
}

/** The example item's row for one phase (sheet row `row`), with each formula and the result it gives. */
function exampleRiskRow(phase: PhaseDef, row: number, lang: Lang, scoring: TemplateScoring, columns: readonly ColumnSpec[]): SpecCell[] {
  const { inputs, wordInputs } = scoring;
  const example = EXAMPLE_LEDGER[lang];
  const ex = EXAMPLE_RISKS[phase.id] ?? GENERIC_RISK;
  const { inherent, residual } = exampleRatings(ex, scoring);
  const before = scoring.evaluate(inherent);
  const after = scoring.evaluate(residual);
  const values: Record<string, SpecCell> = {
    itemRef: example.id ?? null,
    itemName: example.name ?? null,
    phase: phase.label[lang],
    risk: ex.risk[lang],
    measure: ex.measure[lang],
    owner: example.owner ?? null,
    reviewedDate: EXAMPLE_SERIAL,
  };
  for (const input of inputs) {
    values[input.field] = inherent[input.field] ?? null;
    if (input.residualField) values[input.residualField] = residual[input.field] ?? null;
  }
  for (const w of wordInputs) values[w.field] = inherent[w.field] ?? null;
  if (!hasResidualInputs(scoring)) values.residualLevel = residual[wordInputs[0]?.field ?? ""] ?? after.level;
  const cells = rowFrom(columns, values);
  columns.forEach((c, k) => {
    if (!c.formula) return;
    const result = c.field === "score" ? before.score : c.field === "level" ? before.level : c.field === "residualScore" ? after.score : after.level;
    cells[k] = { formula: rowFormula(c.formula, row), result };
  });
  return cells;
}

function riskSheet(profile: ResolvedProfile, lang: Lang, scoring: TemplateScoring): SheetSpec {
  const columns = riskColumns(profile, lang, scoring);
  setRiskFormulas(columns, scoring);
  // The example item walks through every phase (it has a contractor, so 委託・提供 applies too).
  const rows = profile.phases.map((phase, n) => exampleRiskRow(phase, HEADER_ROW + 1 + n, lang, scoring, columns));
  return sheetBase("risk", lang, columns, rows, "phase");
}

function contractorSheet(lang: Lang): SheetSpec {
  const columns = CONTRACTOR_COLUMNS.map((c) => columnSpec("contractor", c, lang));
  const example = rowFrom(columns, { ...EXAMPLE_CONTRACTOR[lang], evaluationDate: EXAMPLE_SERIAL, reviewedDate: EXAMPLE_SERIAL });
  return sheetBase("contractor", lang, columns, [example], "name");
}

function lawSheet(lang: Lang): SheetSpec {
  const columns = LAW_COLUMNS.map((c) => columnSpec("law", c, lang));
  const rows = CORE_LAWS.map((law, i) =>
    rowFrom(columns, { id: i + 1, name: law.name[lang], authority: law.authority[lang], category: law.category[lang], url: law.url ?? null }),
  );
  return sheetBase("law", lang, columns, rows, "name");
}

function recordSheet(kind: "training" | "audit", lang: Lang): SheetSpec {
  const texts = kind === "training" ? TRAINING_COLUMNS : AUDIT_COLUMNS;
  const columns = texts.map((c) => columnSpec(kind, c, lang));
  return sheetBase(kind, lang, columns, [], columns[0]?.field ?? "");
}

/**
 * The standard template workbook for a profile, in Japanese or English: the ledger, the risk
 * analysis (long layout, score and level formulas from the profile's risk model), the
 * contractor register, the laws list (pre-filled), training and internal-audit records, and a
 * hidden sheet recording the profile's id, version and hashes (`template/outdated` reads it).
 * Pure data: deterministic for a given profile and language.
 */
export function buildTemplate(profile: ResolvedProfile, lang: Lang): WorkbookSpec {
  const scoring = templateScoring(profile, lang);
  const stamp = templateStamp(profile);
  const sheets: SheetSpec[] = [
    ledgerSheet(profile, lang),
    riskSheet(profile, lang, scoring),
    contractorSheet(lang),
    lawSheet(lang),
    recordSheet("training", lang),
    recordSheet("audit", lang),
  ];
  // Level columns typed by hand (a qualitative model) hold the model's words: colour those too.
  const typed = scoring.wordInputs.length > 0 || !scoring.inputs.every((i) => i.residualField !== null);
  const levels = scoring.levels.map((l) => ({ level: l.level, label: l.label }));
  if (typed) {
    for (const level of LEVEL_IDS) {
      for (const word of LEVEL_WORDS[level]) if (!levels.some((l) => l.label === word)) levels.push({ level, label: word });
    }
  }
  const spec: WorkbookSpec = { format: TEMPLATE_FORMAT, lang, profile: stamp, levels, sheets: [...sheets, metaSheet(stamp, lang, "")], fingerprint: "" };
  const fingerprint = contentHash(spec);
  spec.sheets[spec.sheets.length - 1] = metaSheet(stamp, lang, fingerprint);
  spec.fingerprint = fingerprint;
  return spec;
}

/** Recomputes a spec's fingerprint (what `buildTemplate` stored), e.g. to verify a spec read back. */
export function specFingerprint(spec: WorkbookSpec): string {
  const blank: WorkbookSpec = {
    ...spec,
    fingerprint: "",
    sheets: spec.sheets.map((s) => (s.kind === "meta" ? metaSheet(spec.profile, spec.lang, "") : s)),
  };
  return contentHash(blank);
}
