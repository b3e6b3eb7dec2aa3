import { checkWorkbookModel, type CheckOptions } from "../check";
import type { Finding } from "../findings/finding";
import { fieldLabel } from "../glossary/fields";
import type { SheetGrid } from "../grid/grid";
import type { LocalisedText } from "../i18n/text";
import type { WorkbookReport } from "../report/types";
import { levelRank, type LevelId } from "../scoring/levels";
import { normalisePhase } from "../read/phase";
import { matchItems, matchRows, Pairing, type ItemPair, type ItemView, type RowTexts } from "./match";
import { COMPARED_FIELDS, LEVEL_CODES, snapshotWorkbook, type FindingAnchor, type ItemTable, type RiskTable, type WorkbookSnapshot } from "./snapshot";
import type { DiffSide, FieldChange, ItemChange, ItemRef, LevelChange, OpenFinding, RiskGroupChange, RiskRowChange, RiskRowRef, WorkbookDiff } from "./types";

/** One year's workbook, checked: its report and the snapshot of its model. */
export interface CheckedSide {
  report: WorkbookReport;
  snapshot: WorkbookSnapshot;
}

/** Checks a workbook and takes its snapshot from the same model build (what each side of a diff needs). */
export function checkForDiff(grids: readonly SheetGrid[], options: CheckOptions = {}): CheckedSide {
  const { report, model } = checkWorkbookModel(grids, options);
  return { report, snapshot: snapshotWorkbook(model, report) };
}

/** Compares two years' workbooks given as grids, each checked once (see `diffWorkbooks`). */
export function diffGrids(oldGrids: readonly SheetGrid[], newGrids: readonly SheetGrid[], options: CheckOptions = {}): WorkbookDiff {
  return diffWorkbooks(checkForDiff(oldGrids, options), checkForDiff(newGrids, options));
}

const NO_PHASE: LocalisedText = { ja: "(局面なし)", en: "(no phase)" };
const F = COMPARED_FIELDS.length;
const NAME_FIELD = COMPARED_FIELDS.indexOf("name");

/**
 * The two snapshots' strings under one numbering, so that texts compare as integers across the
 * years: the same text has the same id in both; the blank text is 0.
 */
class Canon {
  private readonly ids = new Map<string, number>([["", 0]]);
  readonly texts: string[] = [""];
  map(strings: readonly string[]): Int32Array {
    const out = new Int32Array(strings.length);
    strings.forEach((s, i) => {
      let id = this.ids.get(s);
      if (id === undefined) {
        id = this.texts.length;
        this.texts.push(s);
        this.ids.set(s, id);
      }
      out[i] = id;
    });
    return out;
  }
  text(id: number): string {
    return this.texts[id] ?? "";
  }
}

/** One snapshot's strings: the text at an index, and the index's id under the canonical numbering. */
class Texts {
  private readonly canon: Int32Array;
  constructor(
    private readonly strings: readonly string[],
    canon: Canon,
  ) {
    this.canon = canon.map(strings);
  }
  /** The text at index k; "" for -1 (none). */
  text(k: number): string {
    return k < 0 ? "" : (this.strings[k] ?? "");
  }
  /** The canonical id of index k; -1 for -1 (none). */
  id(k: number): number {
    return k < 0 ? -1 : (this.canon[k] ?? -1);
  }
}

/** Level of a RiskTable level column's entry (0 and anything unknown: no level). */
function levelAt(codes: Int8Array, r: number): LevelId | null {
  return LEVEL_CODES[codes[r] ?? 0] ?? null;
}

/** One year's ledger items: the one place that reads the snapshot's item columns. */
class Items implements ItemView {
  readonly count: number;
  constructor(
    private readonly table: ItemTable,
    private readonly texts: Texts,
  ) {
    this.count = table.count;
  }
  private text(column: Int32Array, i: number): string {
    return this.texts.text(column[i] ?? -1);
  }
  private id(column: Int32Array, i: number): number {
    return this.texts.id(column[i] ?? -1);
  }
  nameKey(i: number): string {
    return this.text(this.table.nameKey, i);
  }
  nameId(i: number): number {
    return this.id(this.table.nameKey, i);
  }
  looseId(i: number): number {
    return this.id(this.table.looseKey, i);
  }
  idId(i: number): number {
    return this.id(this.table.idKey, i);
  }
  fieldKey(i: number, f: number): number {
    return this.id(this.table.fields, (i * F + f) * 2 + 1);
  }
  /** Item i's field f as written ("" when blank or not recorded). */
  fieldText(i: number, f: number): string {
    return this.text(this.table.fields, (i * F + f) * 2);
  }
  label(i: number): string {
    return this.text(this.table.label, i);
  }
  ref(i: number): ItemRef {
    const t = this.table;
    return { sheet: this.text(t.sheet, i), row: t.row[i] ?? 0, cell: this.text(t.cell, i), id: this.text(t.id, i), label: this.label(i) };
  }
}

/** One year's risk rows: the one place that reads the snapshot's risk columns. */
class Risks {
  readonly count: number;
  constructor(
    private readonly table: RiskTable,
    private readonly texts: Texts,
    private readonly items: Items,
    private readonly phases: WorkbookSnapshot["phases"],
  ) {
    this.count = table.count;
  }
  private text(column: Int32Array, r: number): string {
    return this.texts.text(column[r] ?? -1);
  }
  private id(column: Int32Array, r: number): number {
    return this.texts.id(column[r] ?? -1);
  }
  /** Canonical ids of the row's risk text, measure and own item reference. */
  riskId(r: number): number {
    return this.id(this.table.riskKey, r);
  }
  measureId(r: number): number {
    return this.id(this.table.measureKey, r);
  }
  refId(r: number): number {
    return this.id(this.table.refKey, r);
  }
  /** RiskTable.rated of row r: bit 1 before measures, bit 2 after. */
  rated(r: number): number {
    return this.table.rated[r] ?? 0;
  }
  before(r: number): LevelId | null {
    return levelAt(this.table.before, r);
  }
  after(r: number): LevelId | null {
    return levelAt(this.table.after, r);
  }
  /** The ledger items of row r. */
  itemsOf(r: number): Int32Array {
    return this.table.itemList.subarray(this.table.itemStart[r] ?? 0, this.table.itemStart[r + 1] ?? 0);
  }
  /** The ledger item of row r when it is about exactly one; else -1. */
  onlyItem(r: number): number {
    const start = this.table.itemStart[r] ?? 0;
    return (this.table.itemStart[r + 1] ?? 0) - start === 1 ? (this.table.itemList[start] ?? -1) : -1;
  }
  /** The labels of the row's items, else its own reference as written. */
  labels(r: number): string[] {
    const items = this.itemsOf(r);
    if (items.length === 0) return [this.text(this.table.ref, r)];
    const out = new Set<string>();
    for (const k of items) out.add(this.items.label(k));
    return Array.from(out);
  }
  ref(r: number): RiskRowRef {
    const t = this.table;
    return { sheet: this.text(t.sheet, r), row: t.row[r] ?? 0, risk: this.text(t.risk, r), measure: this.text(t.measure, r), before: this.before(r), after: this.after(r) };
  }
  /** The row's phase among the profile's; -1 when it records none or one the profile lacks. */
  phaseIndex(r: number): number {
    return this.table.phase[r] ?? -1;
  }
  /** Canonical id of the phase as written when the profile lacks it; -1 when blank or known. */
  phaseTextId(r: number): number {
    return this.id(this.table.phaseText, r);
  }
  private phase(r: number): { id: string; label: LocalisedText } | undefined {
    const p = this.phaseIndex(r);
    return p < 0 ? undefined : this.phases[p];
  }
  /** The profile's phase id, or null. */
  phaseId(r: number): string | null {
    return this.phase(r)?.id ?? null;
  }
  /** The phase a risk row is grouped under: the profile's phase id, else the text as written (normalised), else none. */
  phaseKey(r: number): string {
    const phase = this.phase(r);
    if (phase) return phase.id;
    const text = this.text(this.table.phaseText, r);
    return text === "" ? "" : `?${normalisePhase(text)}`;
  }
  phaseLabel(r: number): LocalisedText {
    const phase = this.phase(r);
    if (phase) return { ja: phase.label.ja, en: phase.label.en };
    const text = this.text(this.table.phaseText, r);
    return text !== "" ? { ja: text, en: text } : { ...NO_PHASE };
  }
}

/** One year's checked workbook, its snapshot read through the canonical numbering. */
class Side {
  readonly snapshot: WorkbookSnapshot;
  readonly findings: readonly Finding[];
  readonly items: Items;
  readonly risks: Risks;
  constructor(
    checked: CheckedSide,
    canon: Canon,
    /** "o" or "n": marks a finding's anchor as one year's own when it is on nothing paired. */
    readonly tag: "o" | "n",
  ) {
    const s = checked.snapshot;
    const texts = new Texts(s.strings, canon);
    this.snapshot = s;
    this.findings = checked.report.findings;
    this.items = new Items(s.items, texts);
    this.risks = new Risks(s.risks, texts, this.items, s.phases);
  }
}

function levelChange(from: LevelId | null, to: LevelId | null): LevelChange | undefined {
  if (from === to) return undefined;
  const direction = from === null ? "set" : to === null ? "cleared" : levelRank(to) > levelRank(from) ? "up" : "down";
  return { from, to, direction };
}

function fieldChanges(a: Items, i: number, b: Items, j: number): FieldChange[] {
  const out: FieldChange[] = [];
  const renamed = a.nameId(i) !== b.nameId(j);
  for (const [f, field] of COMPARED_FIELDS.entries()) {
    const x = a.fieldKey(i, f);
    const y = b.fieldKey(j, f);
    if (x < 0 || y < 0 || x === y) continue;
    // Names are compared as items are paired (width, spaces and brackets folded).
    if (f === NAME_FIELD && !renamed) continue;
    out.push({ field, label: fieldLabel("ledger", field), old: a.fieldText(i, f), new: b.fieldText(j, f) });
  }
  return out;
}

function isOpenError(f: Finding): boolean {
  return f.severity === "error" && f.accepted !== true;
}

/** Items of both years: changed (renamed or with a field changed), added, removed, and the counts. */
function diffItems(a: Items, b: Items, pairs: readonly ItemPair[], pairing: Pairing): { items: WorkbookDiff["items"]; summary: WorkbookDiff["summary"]["items"] } {
  const changed: ItemChange[] = [];
  let renamed = 0;
  let renamedUncertain = 0;
  let fieldsChanged = 0;
  for (const p of pairs.slice().sort((x, y) => x.new - y.new)) {
    const fields = fieldChanges(a, p.old, b, p.new);
    const isRenamed = p.match === "similar" || a.nameId(p.old) !== b.nameId(p.new);
    if (p.match === "similar") renamedUncertain++;
    else if (isRenamed) renamed++;
    if (fields.some((f) => f.field !== "name")) fieldsChanged++;
    if (isRenamed || fields.length > 0) changed.push({ old: a.ref(p.old), new: b.ref(p.new), match: p.match, renamed: isRenamed, fields });
  }
  const added: ItemRef[] = [];
  for (let i = 0; i < b.count; i++) if (pairing.newFree(i)) added.push(b.ref(i));
  const removed: ItemRef[] = [];
  for (let i = 0; i < a.count; i++) if (pairing.oldFree(i)) removed.push(a.ref(i));
  return {
    items: { added, removed, changed },
    summary: { old: a.count, new: b.count, added: added.length, removed: removed.length, renamed, renamedUncertain, changed: fieldsChanged, unchanged: pairs.length - changed.length },
  };
}

type Group = { olds: number[]; news: number[] };

function groupIn(map: Map<number, Group>, key: number): Group {
  let g = map.get(key);
  if (!g) map.set(key, (g = { olds: [], news: [] }));
  return g;
}

/** Both years' risk rows paired, and the group (item as paired × phase) each row is shown under. */
class RowPairs {
  constructor(
    readonly pairing: Pairing,
    readonly groupsOld: Float64Array,
    readonly groupsNew: Float64Array,
  ) {}
  /** The group of this year's row r (groups are numbered from 0; -1 is no row of this year). */
  groupOfNew(r: number): number {
    return this.groupsNew[r] ?? -1;
  }
}

/** Which year's rows a group list holds. */
type Year = keyof Group;

/**
 * Both years' risk rows in groups of one item (as paired) and phase. Groups are numbered, not
 * named: a paired item, an item of one year only, a row's own reference (rows linked to no item),
 * or a set of several items; times the phase.
 */
class RiskGroups {
  /** Rows by what they are about (one item, a set of items, or their own reference) and phase. */
  readonly bySet = new Map<number, Group>();
  /** Rows about several items, again under each of their items and phase, joined by the rows about that item alone. */
  readonly byItem = new Map<number, Group>();
  private readonly pairedItems: number;
  private readonly oldItems: number;
  private readonly refBase: number;
  private readonly sets = new Map<string, number>();
  private nextSet: number;
  private readonly phaseCount: number;
  private readonly phaseIds = new Map<string, number>();
  /** Wider than any phase number: every (set, phase) pair has its own number. */
  private readonly width: number;
  constructor(
    a: Side,
    b: Side,
    private readonly items: Pairing,
    canon: Canon,
  ) {
    this.pairedItems = items.pairs.length;
    this.oldItems = a.items.count;
    this.refBase = this.pairedItems + a.items.count + b.items.count;
    this.nextSet = this.refBase + canon.texts.length;
    this.phaseCount = Math.max(a.snapshot.phases.length, b.snapshot.phases.length) + 1;
    this.width = this.phaseCount + a.risks.count + b.risks.count + 1;
  }

  /** An item's number: its pair's, else its own (last year's items, then this year's). */
  private itemNum(year: Year, i: number): number {
    const k = year === "olds" ? this.items.ofOldIndex(i) : this.items.ofNewIndex(i);
    if (k !== -1) return k;
    return year === "olds" ? this.pairedItems + i : this.pairedItems + this.oldItems + i;
  }

  /** What row r is about: its one item, else its own reference, else the set of its items. */
  private setNum(year: Year, risks: Risks, r: number): number {
    const only = risks.onlyItem(r);
    if (only >= 0) return this.itemNum(year, only);
    const items = risks.itemsOf(r);
    if (items.length === 0) return this.refBase + risks.refId(r);
    const ids = new Set<number>();
    for (const i of items) ids.add(this.itemNum(year, i));
    const key = Array.from(ids).sort((x, y) => x - y).join(",");
    let k = this.sets.get(key);
    if (k === undefined) this.sets.set(key, (k = this.nextSet++));
    return k;
  }

  private phaseNum(risks: Risks, r: number): number {
    const p = risks.phaseIndex(r);
    if (p >= 0) return p;
    // An unknown phase is grouped by its text (normalised), no phase apart.
    if (risks.phaseTextId(r) < 0) return this.phaseCount - 1;
    const key = risks.phaseKey(r);
    let id = this.phaseIds.get(key);
    if (id === undefined) this.phaseIds.set(key, (id = this.phaseIds.size));
    return this.phaseCount + id;
  }

  /** Puts one year's rows in their groups; returns each row's group in `bySet`. */
  add(year: Year, risks: Risks): Float64Array {
    const groups = new Float64Array(risks.count);
    for (let i = 0; i < risks.count; i++) {
      const phase = this.phaseNum(risks, i);
      const group = this.setNum(year, risks, i) * this.width + phase;
      groups[i] = group;
      groupIn(this.bySet, group)[year].push(i);
      const items = risks.itemsOf(i);
      if (items.length > 1) for (const k of items) groupIn(this.byItem, this.itemNum(year, k) * this.width + phase)[year].push(i);
    }
    return groups;
  }

  /** Rows about one item join the per-item groups that rows about several items opened. */
  join(year: Year, risks: Risks): void {
    for (let i = 0; i < risks.count; i++) {
      const only = risks.onlyItem(i);
      if (only >= 0) this.byItem.get(this.itemNum(year, only) * this.width + this.phaseNum(risks, i))?.[year].push(i);
    }
  }
}

/** Pairs the rows of each group that has rows of both years still free. */
function pairWithin(groups: Iterable<Group>, texts: RowTexts, pairing: Pairing): void {
  for (const g of groups) {
    if (g.olds.length === 0 || g.news.length === 0) continue;
    const olds = g.olds.filter((i) => pairing.oldFree(i));
    const news = g.news.filter((i) => pairing.newFree(i));
    if (olds.length === 0 || news.length === 0) continue;
    matchRows(olds, news, texts, pairing);
  }
}

/** Pairs the risk rows of both years within groups of one item (as paired) and phase, by their risk texts. */
function pairRiskRows(a: Side, b: Side, items: Pairing, canon: Canon): RowPairs {
  const groups = new RiskGroups(a, b, items, canon);
  const groupOld = groups.add("olds", a.risks);
  const groupNew = groups.add("news", b.risks);
  groups.join("olds", a.risks);
  groups.join("news", b.risks);
  const ra = a.risks;
  const rb = b.risks;
  const pairing = new Pairing(ra.count, rb.count);
  const texts: RowTexts = { oldId: (r) => ra.riskId(r), newId: (r) => rb.riskId(r), text: (id) => canon.text(id) };
  // First the rows about the same items; then rows about several items (a business, a category
  // code, an id two items share) pair with the rows of any one of their items.
  pairWithin(groups.bySet.values(), texts, pairing);
  pairWithin(groups.byItem.values(), texts, pairing);
  return new RowPairs(pairing, groupOld, groupNew);
}

/** Risk rows added, removed and changed, grouped per item and phase, and their counts. */
function diffRisks(a: Risks, b: Risks, rows: RowPairs): { groups: RiskGroupChange[]; summary: WorkbookDiff["summary"]["risks"] } {
  const summary = { old: a.count, new: b.count, added: 0, removed: 0, changed: 0, before: { up: 0, down: 0 }, after: { up: 0, down: 0 } };
  // Changes are shown per item and phase as this year has them (last year's for removed rows), in this year's row order.
  const shown = new Map<number, { change: RiskGroupChange; order: number }>();
  const show = (key: number, s: Risks, r: number, items: RiskGroupChange["items"], row: RiskRowChange, order: number) => {
    let entry = shown.get(key);
    if (!entry) {
      entry = { change: { items, phase: s.phaseId(r), phaseLabel: s.phaseLabel(r), rows: [] }, order };
      shown.set(key, entry);
    }
    entry.change.rows.push(row);
    if (order < entry.order) entry.order = order;
  };
  for (const [oi, ni] of rows.pairing.pairs) {
    const rated = a.rated(oi) & b.rated(ni);
    // A level is compared only where both years' sheets rate it (a wide sheet may keep only the residual).
    const before = rated & 1 ? levelChange(a.before(oi), b.before(ni)) : undefined;
    const after = rated & 2 ? levelChange(a.after(oi), b.after(ni)) : undefined;
    const reworded = a.riskId(oi) !== b.riskId(ni);
    const measureChanged = a.measureId(oi) !== b.measureId(ni);
    if (!before && !after && !reworded && !measureChanged) continue;
    const row: RiskRowChange = { change: "changed", old: a.ref(oi), new: b.ref(ni) };
    if (before) row.before = before;
    if (after) row.after = after;
    if (reworded) row.reworded = true;
    if (measureChanged) row.measureChanged = true;
    summary.changed++;
    if (before?.direction === "up") summary.before.up++;
    if (before?.direction === "down") summary.before.down++;
    if (after?.direction === "up") summary.after.up++;
    if (after?.direction === "down") summary.after.down++;
    show(rows.groupOfNew(ni), b, ni, { old: a.labels(oi), new: b.labels(ni) }, row, ni);
  }
  for (const [ni, group] of rows.groupsNew.entries()) {
    if (!rows.pairing.newFree(ni)) continue;
    summary.added++;
    show(group, b, ni, { old: [], new: b.labels(ni) }, { change: "added", new: b.ref(ni) }, ni);
  }
  for (const [oi, group] of rows.groupsOld.entries()) {
    if (!rows.pairing.oldFree(oi)) continue;
    summary.removed++;
    // Removed rows are shown apart from this year's rows of the same group (negative keys).
    show(-1 - group, a, oi, { old: a.labels(oi), new: [] }, { change: "removed", old: a.ref(oi) }, b.count + oi);
  }
  const groups = Array.from(shown.values()).sort((x, y) => x.order - y.order).map((e) => e.change);
  return { groups, summary };
}

/** Last year's findings that are gone, this year's new ones, and those both years have. */
function diffFindings(a: Side, b: Side, items: Pairing, rows: Pairing): WorkbookDiff["findings"] {
  // Where a finding is, in terms both years share: a paired item or risk row, else one year's own item or row, else a register row.
  const anchorOf = (on: FindingAnchor["on"], itemPair: number, riskPair: number, tag: string): string => {
    if ("item" in on) return itemPair !== -1 ? `p${itemPair}` : `${tag}i${on.item}`;
    if ("risk" in on) return riskPair !== -1 ? `r${riskPair}` : `${tag}r${on.risk}`;
    return `s:${on.sheet}:${on.row}`;
  };
  const keyOf = (s: Side, i: number, itemPair: (k: number) => number, riskPair: (k: number) => number): string => {
    const f = s.snapshot.findings[i];
    // The snapshot anchors every finding of its report; one without an anchor pairs with nothing.
    if (!f) return `${s.tag}?${i}`;
    const on = f.on;
    return `${anchorOf(on, "item" in on ? itemPair(on.item) : -1, "risk" in on ? riskPair(on.risk) : -1, s.tag)}\u0002${f.key}`;
  };
  const olds = a.findings.map((finding) => ({ finding, open: false }));
  const waiting = new Map<string, { finding: Finding; open: boolean }[]>();
  for (const [i, old] of olds.entries()) {
    const key = keyOf(
      a,
      i,
      (k) => items.ofOldIndex(k),
      (k) => rows.ofOldIndex(k),
    );
    const list = waiting.get(key);
    if (list) list.push(old);
    else waiting.set(key, [old]);
  }
  const open: OpenFinding[] = [];
  const fresh: Finding[] = [];
  for (const [i, finding] of b.findings.entries()) {
    const key = keyOf(
      b,
      i,
      (k) => items.ofNewIndex(k),
      (k) => rows.ofNewIndex(k),
    );
    const was = waiting.get(key)?.shift();
    if (was === undefined) {
      fresh.push(finding);
      continue;
    }
    was.open = true;
    open.push({ finding, was: { sheet: was.finding.sheet, cell: was.finding.cell } });
  }
  const resolved = olds.filter((o) => !o.open).map((o) => o.finding);
  return { resolved, new: fresh, open };
}

/**
 * Compares last year's workbook with this year's: items paired by id, else by name, else by a
 * near-miss name (diff/match.ts); their fields compared by what they mean (「約1,000件」 and
 * 「1000件程度」 are the same count); risk rows grouped by item and phase and paired by their
 * risk text; findings paired by the item, risk row or register row they are on, the field of
 * their column and what their message names. Nothing depends on where a column is.
 */
export function diffWorkbooks(old: CheckedSide, now: CheckedSide): WorkbookDiff {
  const canon = new Canon();
  const a = new Side(old, canon, "o");
  const b = new Side(now, canon, "n");
  const itemPairs = matchItems(a.items, b.items, a.snapshot.hasIds && b.snapshot.hasIds);
  const items = new Pairing(a.items.count, b.items.count);
  for (const p of itemPairs) items.pair(p.old, p.new);
  const itemDiff = diffItems(a.items, b.items, itemPairs, items);
  const rows = pairRiskRows(a, b, items, canon);
  const riskDiff = diffRisks(a.risks, b.risks, rows);
  const findings = diffFindings(a, b, items, rows.pairing);

  const errors = (list: readonly Finding[]) => list.reduce((n, f) => n + (isOpenError(f) ? 1 : 0), 0);
  const newFields = new Set(b.snapshot.ledgerFields);
  const oldFields = new Set(a.snapshot.ledgerFields);
  const side = (r: WorkbookReport): DiffSide => (r.overview ? { sheets: r.sheets, summary: r.summary, overview: r.overview } : { sheets: r.sheets, summary: r.summary });
  return {
    summary: {
      items: itemDiff.summary,
      risks: riskDiff.summary,
      findings: {
        resolved: findings.resolved.length,
        new: findings.new.length,
        open: findings.open.length,
        resolvedErrors: errors(findings.resolved),
        newErrors: errors(findings.new),
        openErrors: findings.open.reduce((n, o) => n + (isOpenError(o.finding) ? 1 : 0), 0),
      },
    },
    old: side(old.report),
    new: side(now.report),
    ledgerFields: {
      added: b.snapshot.ledgerFields.filter((f) => !oldFields.has(f)).map((field) => ({ field, label: fieldLabel("ledger", field) })),
      removed: a.snapshot.ledgerFields.filter((f) => !newFields.has(f)).map((field) => ({ field, label: fieldLabel("ledger", field) })),
    },
    items: itemDiff.items,
    risks: riskDiff.groups,
    findings,
  };
}
