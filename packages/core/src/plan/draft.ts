import { gridSize, type CellValue, type SheetGrid } from "../grid/grid";
import { fieldLabel } from "../glossary/fields";
import { DRAFT_STATUS } from "../glossary/draft";
import type { Lang, LocalisedText } from "../i18n/text";
import { checkedSheets } from "../input/own-sheets";
import { entriesFor, resolveLibrary, type LibraryEntry } from "../library/index";
import { itemNature, type ItemNature } from "../library/traits";
import { fieldColumn, hasField, RISK_REFERENCE_FIELDS, type LedgerItem } from "../model/records";
import { buildModel, type WorkbookModel } from "../model/workbook";
import { resolveProfile, type ResolvedProfile } from "../profile/resolve";
import type { PhaseDef, ProfileInput } from "../profile/schema";
import type { RecognisedSheet } from "../recognise/sheet";
import type { WorkbookReport } from "../report/types";
import { buildTemplate } from "../templates/build";
import { levelRules, sheetSpecOps } from "../templates/plan";
import { templateScoring } from "../templates/scoring";
import { rowFormula, type ColumnSpec, type SpecCell, type WorkbookSpec } from "../templates/spec";
import { textCell } from "./cells";
import type { PlanProblem } from "./check";
import { headerLanguage, headersLanguage } from "./notation";
import type { WriteOp, WritePlan } from "./types";

/**
 * Drafting the risk rows the analysis lacks: for each `risk/phase-missing` the check reports
 * (and has not been accepted), rows with the item's reference, the phase, and the risks and
 * measures the library gives for the item's medium and traits, the scoring inputs blank (or
 * the profile's defaults) and a status 「要確認(下書き)」 that keeps them counted as unscored.
 *
 * - target "rows" (the add-ins' default): rows inserted right after the item's last risk row,
 *   in the columns that sheet has (a status column added after its last column when it has
 *   none); an item with no risk row at all goes below the sheet's last row. What such a sheet
 *   cannot hold (a phase group a wide sheet lacks, an item a one-item sheet is not about) goes
 *   to a draft sheet.
 * - target "sheet" (and the CLI, which never changes the input's sheets): a new sheet in the
 *   layout of the profile's template risk sheet, with a status column.
 * - a workbook with a ledger and no risk analysis: the whole risk sheet is drafted, every item ×
 *   every phase that applies to it, in the template's layout and under the template's name.
 *
 * Built on the workbook model (coverage and links as the check has them), never on a second
 * reading of its own.
 */

export type DraftTarget = "rows" | "sheet";

export interface DraftOptions {
  lang: Lang;
  profile?: ProfileInput;
  target?: DraftTarget;
  /** Sheets the host could not read: what is missing cannot be known. */
  unread?: readonly string[];
}

export interface DraftPlan {
  plan: WritePlan;
  problem?: PlanProblem;
  /** Rows drafted and items they are for (the preview's sentence says them too). */
  rows: number;
  items: number;
}

const TITLE: LocalisedText = { ja: "リスク分析の下書き", en: "Draft the missing risk rows" };

/** The name of the sheet drafts go to when they cannot (or should not) go into an existing risk sheet. */
export const DRAFT_SHEET_NAME: LocalisedText = { ja: "リスク分析(下書き)", en: "Risk analysis (draft)" };

const DRAFT_NOTE: LocalisedText = {
  ja: "pmark が台帳から下書きした行です。自社の取扱いに合うか確認し、評価を入力してから「状態」欄を更新してください。それまで分析済みのリスクには数えません。",
  en: "Rows pmark drafted from the ledger. Check that each fits how the item is handled, score it, then update its status; until then it does not count as an analysed risk.",
};

/** One item's (or one shared reference's) phases to draft, and where they go. */
interface Unit {
  items: Items;
  phases: PhaseDef[];
  nature: ItemNature;
}

/** Ledger items drafted together (one, or those a shared reference names): never none. */
type Items = [LedgerItem, ...LedgerItem[]];

/** A drafted row: column (1-based) → value, in final sheet coordinates once placed. */
type DraftRow = Map<number, CellValue>;

const problem = (code: PlanProblem["code"], ja: string, en: string): PlanProblem => ({ code, message: { ja, en } });

function emptyPlan(p: PlanProblem): DraftPlan {
  return { plan: { title: TITLE, ops: [] }, problem: p, rows: 0, items: 0 };
}

/** The text a draft writes: always text, whatever it starts with. */
const text = (s: string): string => textCell(s);

/** The item's name as the ledger writes it (its cell's own text, not trimmed), else its data items or id. */
function labelOf(item: LedgerItem): string {
  const own = typeof item.name.value === "string" && item.name.text !== "" ? item.name.value : item.name.text;
  return own || item.dataItems.text || item.id.text;
}

/** The phases each item lacks that the check reports and nobody accepted, from the model's coverage. */
function missingPhases(model: WorkbookModel, report: WorkbookReport, riskSheets: boolean): Map<LedgerItem, PhaseDef[]> {
  const { coverage } = model;
  const n = coverage.phases.length;
  // What risk/phase-missing reports, not accepted: by the item's cell (sheet, 1-based row).
  const reported = new Map<string, { all: boolean; phases: Set<string> }>();
  for (const f of report.findings) {
    if (f.rule !== "risk/phase-missing" || f.accepted) continue;
    const key = `${f.sheet}\u0000${f.row ?? 0}`;
    const r = reported.get(key) ?? { all: false, phases: new Set<string>() };
    if (f.messageId === "notAnalysed") r.all = true;
    else if (f.data && typeof f.data.phase === "string") r.phases.add(f.data.phase);
    reported.set(key, r);
  }
  const out = new Map<LedgerItem, PhaseDef[]>();
  model.ledgerItems.forEach((item, i) => {
    if (item.name.text === "" && item.dataItems.text === "" && item.id.text === "") return;
    const said = reported.get(`${item.sheet.name}\u0000${item.row + 1}`);
    if (riskSheets && !said) return;
    const entries = model.links.entriesOf.get(item) ?? [];
    const phases: PhaseDef[] = [];
    for (const [k, phase] of coverage.phases.entries()) {
      if (coverage.applies[i * n + k] !== 1) continue;
      // Without a risk sheet nothing is covered; with one, what the rule reports.
      const missing = !riskSheets || (entries.length === 0 ? said?.all === true : coverage.covered[i * n + k] === 0 && said?.phases.has(phase.label.ja) === true);
      if (missing && !phases.some((p) => p.id === phase.id)) phases.push(phase);
    }
    if (phases.length > 0) out.set(item, phases);
  });
  return out;
}

function unionNature(items: Readonly<Items>): ItemNature {
  const [head, ...rest] = items;
  const first = itemNature(head);
  const traits = new Set(first.traits);
  let medium = first.medium;
  for (const item of rest) {
    const n = itemNature(item);
    for (const t of n.traits) traits.add(t);
    if (n.medium !== medium) medium = null;
  }
  return { medium, traits };
}

/** The sheet's own spelling of each phase (its most used one), so drafted rows read like the rest. */
function phaseSpellings(model: WorkbookModel, sheet: RecognisedSheet): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const e of model.riskEntries) {
    if (e.sheet !== sheet || e.phase === null || e.phaseCell.text === "" || e.group !== undefined) continue;
    const m = counts.get(e.phase) ?? new Map<string, number>();
    m.set(e.phaseCell.text, (m.get(e.phaseCell.text) ?? 0) + 1);
    counts.set(e.phase, m);
  }
  const out = new Map<string, string>();
  for (const [phase, m] of counts) {
    let best = "";
    let most = 0;
    for (const [t, c] of m) if (c > most) [best, most] = [t, c];
    out.set(phase, best);
  }
  return out;
}

/** Where an item's reference goes on a risk sheet: each reference column the sheet has, with the item's text for it. */
function referenceCells(sheet: RecognisedSheet, items: Readonly<Items>, mode: string | null): Map<number, string> | null {
  const item = items[0];
  const out = new Map<number, string>();
  // A bare "No." carries the item's reference only when nothing else on the sheet names it (riskEntries).
  const idIsRef = hasField(sheet, "id") && !RISK_REFERENCE_FIELDS.some((f) => hasField(sheet, f));
  const col = (field: string) => fieldColumn(sheet, field === "itemRef" && idIsRef ? "id" : field);
  const put = (field: string, value: string) => {
    const c = col(field);
    if (c >= 0 && value !== "") out.set(c + 1, value);
  };
  // A reference several items share (business, category) is written alone, once for them all.
  if (mode === "business") put("business", item.business.text);
  else if (mode === "category") put("categoryCode", item.categoryCode.text);
  else {
    put("itemRef", item.id.text);
    put("itemName", labelOf(item));
    put("business", item.business.text);
    put("categoryCode", item.categoryCode.text);
  }
  const needed = mode === "id" ? col("itemRef") : mode === "name" ? col("itemName") : mode === "business" ? col("business") : mode === "category" ? col("categoryCode") : -1;
  if (mode !== "title" && (needed < 0 || !out.has(needed + 1))) return null;
  const dept = fieldColumn(sheet, "department");
  if (dept >= 0 && item.department.text !== "" && items.every((i) => i.department.text === item.department.text)) out.set(dept + 1, item.department.text);
  return out;
}

/** The 1-based row after the bottom of any merged area that covers `row` (1-based): rows go in below a merged block, never into it. */
function belowMerges(grid: SheetGrid, row: number): number {
  let at = row;
  for (let changed = true; changed; ) {
    changed = false;
    for (const m of grid.merges ?? []) {
      if (m.startRow + 1 <= at && m.endRow + 1 > at) {
        at = m.endRow + 1;
        changed = true;
      }
    }
  }
  return at;
}

interface SheetDraft {
  sheet: RecognisedSheet;
  lang: Lang;
  statusCol: number;
  addsStatus: boolean;
  /** Insertion point (1-based row after which rows go) → rows, in order. */
  blocks: Map<number, DraftRow[]>;
  /** The sheet's own spelling of each phase. */
  spelling: Map<string, string>;
}

interface SheetRowsTarget {
  draft: SheetDraft;
  after: number;
  refs: Map<number, string>;
}

/** Drafts for one workbook; `place` decides where each unit goes. */
class Drafter {
  readonly sheets = new Map<RecognisedSheet, SheetDraft>();
  /** Rows for the draft sheet: one per unit × phase × entry, with the unit's item. */
  readonly sheetRows: { item: LedgerItem; phase: PhaseDef; entry: LibraryEntry }[] = [];
  readonly drafted = new Map<LedgerItem, Set<string>>();
  readonly library: readonly LibraryEntry[];
  rows = 0;

  constructor(
    readonly model: WorkbookModel,
    readonly profile: ResolvedProfile,
    readonly fallbackLang: Lang,
  ) {
    this.library = resolveLibrary(profile.riskLibrary);
  }

  private note(unit: Unit, phase: PhaseDef): void {
    for (const item of unit.items) {
      const s = this.drafted.get(item) ?? new Set<string>();
      s.add(phase.id);
      this.drafted.set(item, s);
    }
  }

  entriesOf(unit: Unit, phase: PhaseDef): LibraryEntry[] {
    return entriesFor(this.library, phase.id, unit.nature.medium, unit.nature.traits);
  }

  toDraftSheet(unit: Unit, phases: readonly PhaseDef[]): void {
    for (const phase of phases) {
      const entries = this.entriesOf(unit, phase);
      if (entries.length === 0) continue;
      this.note(unit, phase);
      for (const item of unit.items) for (const entry of entries) this.sheetRows.push({ item, phase, entry });
    }
  }

  sheetDraft(sheet: RecognisedSheet): SheetDraft {
    let d = this.sheets.get(sheet);
    if (!d) {
      const own = sheet.byField.get("status")?.[0];
      const lang = headerLanguage(sheet.grid, sheet.headerRows.length > 0 ? sheet.headerRows : [sheet.headerRow]) ?? this.fallbackLang;
      d = { sheet, lang, statusCol: own ? own.col + 1 : gridSize(sheet.grid).cols + 1, addsStatus: !own, blocks: new Map(), spelling: phaseSpellings(this.model, sheet) };
      this.sheets.set(sheet, d);
    }
    return d;
  }

  /** Rows for a unit in an existing risk sheet; the phases it cannot hold go to the draft sheet. */
  toRows(unit: Unit, target: SheetRowsTarget): void {
    const { draft, after, refs } = target;
    const sheet = draft.sheet;
    const lang = draft.lang;
    const wide = sheet.layout === "wide";
    const phased = wide || hasField(sheet, "phase");
    const spelling = draft.spelling;
    const block = draft.blocks.get(after) ?? [];
    const leftOver: PhaseDef[] = [];
    const scores = Object.entries(this.profile.draftScores);
    const base = (): DraftRow => {
      const row: DraftRow = new Map();
      for (const [c, v] of refs) row.set(c, text(v));
      row.set(draft.statusCol, text(DRAFT_STATUS[lang]));
      return row;
    };
    const fill = (row: DraftRow, phase: PhaseDef, entry: LibraryEntry, group?: string) => {
      const risk = fieldColumn(sheet, "risk", group);
      const measure = fieldColumn(sheet, "measure", group);
      const prefix = phased ? "" : `【${phase.label[lang]}】`;
      if (risk >= 0) row.set(risk + 1, text(prefix + entry.risk[lang]));
      if (measure >= 0) row.set(measure + 1, text((risk >= 0 ? "" : prefix) + entry.measure[lang]));
      for (const [field, value] of scores) {
        const c = fieldColumn(sheet, field, group);
        if (c >= 0) row.set(c + 1, typeof value === "string" ? text(value) : value);
      }
    };
    if (wide) {
      // One row per k-th risk: each missing phase's group gets its k-th entry.
      const perPhase: { phase: PhaseDef; entries: LibraryEntry[] }[] = [];
      for (const phase of unit.phases) {
        const hasGroup = fieldColumn(sheet, "risk", phase.id) >= 0 || fieldColumn(sheet, "measure", phase.id) >= 0;
        if (!hasGroup) {
          leftOver.push(phase);
          continue;
        }
        const entries = this.entriesOf(unit, phase);
        if (entries.length > 0) perPhase.push({ phase, entries });
      }
      const depth = perPhase.reduce((m, p) => Math.max(m, p.entries.length), 0);
      for (let k = 0; k < depth; k++) {
        const row = base();
        for (const p of perPhase) {
          const entry = p.entries[k];
          if (entry) fill(row, p.phase, entry, p.phase.id);
        }
        block.push(row);
        this.rows++;
      }
      for (const p of perPhase) this.note(unit, p.phase);
    } else {
      const phaseCol = fieldColumn(sheet, "phase");
      for (const phase of unit.phases) {
        const entries = this.entriesOf(unit, phase);
        if (entries.length === 0) continue;
        for (const entry of entries) {
          const row = base();
          if (phaseCol >= 0) row.set(phaseCol + 1, text(spelling.get(phase.id) ?? phase.label[lang]));
          fill(row, phase, entry);
          block.push(row);
          this.rows++;
        }
        this.note(unit, phase);
      }
    }
    if (block.length > 0) draft.blocks.set(after, block);
    if (leftOver.length > 0) this.toDraftSheet(unit, leftOver);
  }
}

/**
 * Where a unit's rows go in an existing risk sheet: below the item's last risk row (the sheet
 * holding most of its rows), else below the last row of the sheet that can name it. Null when
 * no risk sheet can say which item a row is about.
 */
function rowsTarget(drafter: Drafter, unit: Unit): SheetRowsTarget | null {
  const model = drafter.model;
  const item = unit.items[0];
  const entries = unit.items.flatMap((i) => model.links.entriesOf.get(i) ?? []);
  const canWrite = (s: RecognisedSheet) => s.byField.has("risk") || s.byField.has("measure") || s.layout === "wide";
  if (entries.length > 0) {
    // Per sheet: its last row of the unit's entries, and how many entries it holds.
    const bySheet = new Map<RecognisedSheet, { last: number; count: number }>();
    for (const e of entries) {
      const on = bySheet.get(e.sheet);
      if (!on) bySheet.set(e.sheet, { last: e.row, count: 1 });
      else {
        on.last = Math.max(on.last, e.row);
        on.count++;
      }
    }
    let best: { sheet: RecognisedSheet; last: number; count: number } | null = null;
    for (const [sheet, on] of bySheet) if ((!best || on.count > best.count) && canWrite(sheet)) best = { sheet, ...on };
    if (best) {
      const mode = model.links.modeOf.get(best.sheet) ?? null;
      const refs = referenceCells(best.sheet, unit.items, mode);
      if (refs) return { draft: drafter.sheetDraft(best.sheet), after: belowMerges(best.sheet.grid, best.last + 1), refs };
    }
  }
  // No row yet: the sheet with the most rows that can name the item.
  let best: { sheet: RecognisedSheet; refs: Map<number, string>; rows: number } | null = null;
  for (const s of model.ofKind("risk")) {
    const mode = model.links.modeOf.get(s) ?? null;
    if (mode === null || mode === "title" || !canWrite(s)) continue;
    const refs = referenceCells(s, [item], mode);
    if (!refs) continue;
    if (!best || s.dataRows.length > best.rows) best = { sheet: s, refs, rows: s.dataRows.length };
  }
  if (!best) return null;
  const last = (best.sheet.dataRows.at(-1) ?? best.sheet.headerRow) + 1;
  return { draft: drafter.sheetDraft(best.sheet), after: belowMerges(best.sheet.grid, last), refs: best.refs };
}

/** Groups items that one reference names together (a business or category code on the sheet they would go to). */
function unitsOf(model: WorkbookModel, missing: Map<LedgerItem, PhaseDef[]>, target: DraftTarget): Unit[] {
  const units: Unit[] = [];
  const shared = new Map<string, Unit>();
  for (const [item, phases] of missing) {
    const entries = model.links.entriesOf.get(item) ?? [];
    const sheet = entries[0]?.sheet;
    const mode = sheet ? (model.links.modeOf.get(sheet) ?? null) : null;
    const key =
      target === "rows" && sheet && (mode === "business" || mode === "category")
        ? `${sheet.index}\u0000${mode}\u0000${mode === "business" ? item.business.text : item.categoryCode.text}`
        : null;
    const unit = key ? shared.get(key) : undefined;
    if (unit) {
      unit.items.push(item);
      for (const p of phases) if (!unit.phases.some((q) => q.id === p.id)) unit.phases.push(p);
      continue;
    }
    const fresh: Unit = { items: [item], phases: [...phases], nature: { medium: null, traits: new Set() } };
    if (key) shared.set(key, fresh);
    units.push(fresh);
  }
  for (const u of units) {
    u.nature = unionNature(u.items);
    // Phases in the profile's order, whatever order the items brought them in.
    u.phases.sort((a, b) => model.profile.phases.indexOf(a) - model.profile.phases.indexOf(b));
  }
  return units;
}

/** The language most recognised sheets' headers are written in; `fallback` when they say nothing. */
function workbookLang(model: WorkbookModel, fallback: Lang): Lang {
  const headers = model.sheets.filter((s) => s.kind !== "unknown" && s.headerRow >= 0).map((s) => ({ grid: s.grid, rows: s.headerRows.length > 0 ? s.headerRows : [s.headerRow] }));
  return headersLanguage(headers, fallback);
}

/** Ops that insert each sheet's blocks and write their rows; blocks listed bottom-up so each insertion point is still the one read. */
function sheetRowOps(d: SheetDraft): WriteOp[] {
  const name = d.sheet.name;
  const ops: WriteOp[] = [];
  if (d.addsStatus) {
    const headerRow = (d.sheet.headerRows.at(-1) ?? d.sheet.headerRow) + 1;
    ops.push({ op: "values", sheet: name, row: Math.max(1, headerRow), col: d.statusCol, values: [[text(fieldLabel("risk", "status")[d.lang])]] });
  }
  const blocks = [...d.blocks].sort(([a], [b]) => b - a);
  for (const [after, rows] of blocks) ops.push({ op: "insertRows", sheet: name, after, count: rows.length });
  // Where each block lands once every block above it went in.
  const ascending = [...blocks].reverse();
  let shift = 0;
  for (const [after, rows] of ascending) {
    let left = Infinity;
    let right = 0;
    for (const row of rows) for (const c of row.keys()) [left, right] = [Math.min(left, c), Math.max(right, c)];
    const values = rows.map((row) => {
      const out: CellValue[] = [];
      for (let c = left; c <= right; c++) out.push(row.has(c) ? row.get(c) : null);
      return out;
    });
    ops.push({ op: "values", sheet: name, row: after + 1 + shift, col: left, values });
    shift += rows.length;
  }
  return ops;
}

/** The draft sheet: the profile's template risk sheet's columns and formulas, a status column, and one row per drafted risk. */
function draftSheetOps(drafter: Drafter, spec: WorkbookSpec, name: string, lang: Lang, whole: boolean): WriteOp[] {
  const profile = drafter.profile;
  const risk = spec.sheets.find((s) => s.kind === "risk");
  if (!risk) return [];
  const scoring = templateScoring(profile, lang);
  const statusColumn: ColumnSpec = { field: "status", header: fieldLabel("risk", "status")[lang], width: 14 };
  const columns = [...risk.columns, statusColumn];
  const first = risk.headerRow + 1;
  const scores = profile.draftScores;
  const rows: SpecCell[][] = drafter.sheetRows.map(({ item, phase, entry }, k) => {
    const given: Record<string, CellValue> = {};
    const cells = columns.map((c): SpecCell => {
      switch (c.field) {
        case "itemRef":
          return item.id.text !== "" ? item.id.text : null;
        case "itemName":
          return labelOf(item);
        case "phase":
          return phase.label[lang];
        case "risk":
          return entry.risk[lang];
        case "measure":
          return entry.measure[lang];
        case "status":
          return DRAFT_STATUS[lang];
        default: {
          const v = c.formula ? undefined : scores[c.field];
          if (v === undefined) return null;
          given[c.field] = v;
          return v;
        }
      }
    });
    const r = scoring.evaluate(given);
    columns.forEach((c, i) => {
      if (c.formula) cells[i] = { formula: rowFormula(c.formula, first + k), result: c.field === "score" || c.field === "residualScore" ? r.score : c.field === "level" ? r.level : "" };
    });
    return cells;
  });
  const title = whole ? risk.title ?? "" : DRAFT_SHEET_NAME[lang];
  return sheetSpecOps({ ...risk, name, title, note: DRAFT_NOTE[lang], columns, rows, tableRows: rows.length }, levelRules(spec));
}

/** "従業員名簿(利用・加工、保管・バックアップ)、…ほか 3 件" for the preview. */
function summaryOf(drafter: Drafter, phases: readonly PhaseDef[], sheetName: string | null, scored: boolean): LocalisedText {
  const listed = [...drafter.drafted].slice(0, 5);
  const items = drafter.drafted.size;
  const order = (ids: Set<string>) => phases.filter((p) => ids.has(p.id));
  const ja = listed.map(([item, ids]) => `${labelOf(item)}(${order(ids).map((p) => p.label.ja).join("、")})`).join("、") + (items > 5 ? `、ほか ${items - 5} 件` : "");
  const en = listed.map(([item, ids]) => `${labelOf(item)} (${order(ids).map((p) => p.label.en).join(", ")})`).join("; ") + (items > 5 ? `; and ${items - 5} more` : "");
  const rows = drafter.rows + drafter.sheetRows.length;
  const where: LocalisedText = sheetName
    ? drafter.rows > 0
      ? { ja: `リスク分析表の各個人情報の行の下と、シート「${sheetName}」に`, en: ` below each item's rows and in the sheet "${sheetName}"` }
      : { ja: `シート「${sheetName}」に`, en: ` in the sheet "${sheetName}"` }
    : { ja: "リスク分析表の各個人情報の行の下に", en: " below each item's rows" };
  const scores: LocalisedText = scored
    ? { ja: "評価欄にはプロファイルの既定値を入れます。", en: "The scoring inputs get the profile's defaults." }
    : { ja: "評価欄は空欄のままです。", en: "The scoring inputs are left blank." };
  return {
    ja: `${items} 件の個人情報について、不足している局面のリスク分析を${where.ja} ${rows} 行追加します(状態「${DRAFT_STATUS.ja}」): ${ja}。${scores.ja}既存の行は変更しません。`,
    en: `Adds ${rows} ${rows === 1 ? "row" : "rows"} for ${items} ${items === 1 ? "item" : "items"}${where.en}, marked "${DRAFT_STATUS.en}": ${en}. ${scores.en} Existing rows are not changed.`,
  };
}

/**
 * The plan that drafts every missing phase the report's `risk/phase-missing` findings name
 * (accepted ones left alone), or the whole risk sheet for a workbook with a ledger and none.
 */
export function draftPlan(grids: readonly SheetGrid[], report: WorkbookReport, options: DraftOptions): DraftPlan {
  if (options.unread && options.unread.length > 0) {
    const list = options.unread.map((n) => `「${n}」`).join("");
    return emptyPlan(
      problem(
        "partial",
        `読み込めなかったシート(${list})があるため、不足している局面を判断できません。下書きは作成していません。`,
        `Some sheets could not be read (${options.unread.map((n) => `"${n}"`).join(", ")}), so which phases are missing is not known; nothing was drafted.`,
      ),
    );
  }
  const profile = resolveProfile(options.profile);
  const model = buildModel(checkedSheets(grids), profile);
  if (model.ledgerItems.length === 0) {
    return emptyPlan(problem("no-ledger", "個人情報管理台帳が見つからないため、下書きを作成できません。台帳の見出し行(個人情報の名称・利用目的・保管場所など)を確認してください。", "No personal-information ledger was found, so there is nothing to draft from. Check the ledger's header row (item name, purpose, storage place...)."));
  }
  const riskSheets = model.ofKind("risk");
  if (riskSheets.length > 0 && ![...model.links.modeOf.values()].some((m) => m !== null)) {
    return emptyPlan(
      problem(
        "no-link",
        "リスク分析表の行が台帳のどの個人情報についての行か読み取れないため(台帳番号・名称・業務などの列がない)、不足している局面を判断できません。",
        "The risk sheet's rows do not say which ledger item they are about (no item ID, name or business column), so the missing phases cannot be told.",
      ),
    );
  }
  const missing = missingPhases(model, report, riskSheets.length > 0);
  const lang = workbookLang(model, options.lang);
  const drafter = new Drafter(model, profile, lang);
  const whole = riskSheets.length === 0;
  const target: DraftTarget = whole ? "sheet" : (options.target ?? "rows");
  for (const unit of unitsOf(model, missing, target)) {
    const to = target === "rows" ? rowsTarget(drafter, unit) : null;
    if (to) drafter.toRows(unit, to);
    else drafter.toDraftSheet(unit, unit.phases);
  }
  const total = drafter.rows + drafter.sheetRows.length;
  if (total === 0) {
    return {
      plan: { title: TITLE, ops: [] },
      problem: problem(
        "nothing-to-do",
        "下書きする局面はありません: 台帳の個人情報はすべて、該当する局面のリスク分析があります(不足が受容済みか、risk/phase-missing がプロファイルで無効の場合も含みます)。",
        "There is nothing to draft: every ledger item has risk analysis for each phase that applies (or the gap was accepted, or risk/phase-missing is off in the profile).",
      ),
      rows: 0,
      items: 0,
    };
  }
  const ops: WriteOp[] = [];
  let sheetName: string | null = null;
  if (drafter.sheetRows.length > 0) {
    const spec = buildTemplate(profile, lang);
    const template = spec.sheets.find((s) => s.kind === "risk");
    sheetName = whole && template ? template.name : DRAFT_SHEET_NAME[lang];
    for (const op of draftSheetOps(drafter, spec, sheetName, lang, whole)) ops.push(op);
  }
  for (const d of drafter.sheets.values()) if (d.blocks.size > 0) for (const op of sheetRowOps(d)) ops.push(op);
  const scored = Object.keys(profile.draftScores).length > 0;
  return {
    plan: { title: TITLE, summary: summaryOf(drafter, profile.phases, sheetName, scored), ops },
    rows: total,
    items: drafter.drafted.size,
  };
}
