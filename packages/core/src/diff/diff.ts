import { checkWorkbookModel, type CheckOptions } from "../check";
import type { Finding } from "../findings/finding";
import { fieldLabel } from "../glossary/fields";
import type { SheetGrid } from "../grid/grid";
import type { LocalisedText } from "../i18n/text";
import type { WorkbookReport } from "../report/types";
import { levelRank, type LevelId } from "../scoring/levels";
import { matchItems, matchRows, type ItemView } from "./match";
import { COMPARED_FIELDS, LEVEL_CODES, phaseKeyOf, snapshotWorkbook, type FindingAnchor, type WorkbookSnapshot } from "./snapshot";
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
}

/** One year's snapshot with its strings numbered canonically. */
class Side {
  readonly canon: Int32Array;
  readonly view: ItemView;
  constructor(
    readonly s: WorkbookSnapshot,
    canon: Canon,
  ) {
    this.canon = canon.map(s.strings);
    const c = this.canon;
    const at = (col: Int32Array, i: number) => {
      const k = col[i] as number;
      return k < 0 ? -1 : (c[k] as number);
    };
    const items = s.items;
    this.view = {
      count: items.count,
      nameKey: (i) => s.strings[items.nameKey[i] as number] as string,
      nameId: (i) => at(items.nameKey, i),
      looseId: (i) => at(items.looseKey, i),
      idId: (i) => at(items.idKey, i),
      fieldKey: (i, f) => at(items.fields, (i * F + f) * 2 + 1),
    };
  }
  text(k: number): string {
    return k < 0 ? "" : (this.s.strings[k] as string);
  }
  /** Canonical id of a string column's entry (-1: none). */
  id(col: Int32Array, i: number): number {
    const k = col[i] as number;
    return k < 0 ? -1 : (this.canon[k] as number);
  }
  item(i: number): ItemRef {
    const t = this.s.items;
    return { sheet: this.text(t.sheet[i] as number), row: t.row[i] as number, cell: this.text(t.cell[i] as number), id: this.text(t.id[i] as number), label: this.text(t.label[i] as number) };
  }
  level(codes: Int8Array, r: number): LevelId | null {
    return LEVEL_CODES[codes[r] as number] ?? null;
  }
  row(r: number): RiskRowRef {
    const t = this.s.risks;
    return {
      sheet: this.text(t.sheet[r] as number),
      row: t.row[r] as number,
      risk: this.text(t.risk[r] as number),
      measure: this.text(t.measure[r] as number),
      before: this.level(t.before, r),
      after: this.level(t.after, r),
    };
  }
  /** The ledger items of risk row r. */
  itemsOf(r: number): Int32Array {
    const t = this.s.risks;
    return t.itemList.subarray(t.itemStart[r] as number, t.itemStart[r + 1] as number);
  }
  labels(r: number): string[] {
    const items = this.itemsOf(r);
    if (items.length === 0) return [this.text(this.s.risks.ref[r] as number)];
    const out = new Set<string>();
    for (const k of items) out.add(this.text(this.s.items.label[k] as number));
    return [...out];
  }
}

function levelChange(from: LevelId | null, to: LevelId | null): LevelChange | undefined {
  if (from === to) return undefined;
  const direction = from === null ? "set" : to === null ? "cleared" : levelRank(to) > levelRank(from) ? "up" : "down";
  return { from, to, direction };
}

function fieldChanges(a: Side, i: number, b: Side, j: number): FieldChange[] {
  const out: FieldChange[] = [];
  const renamed = a.view.nameId(i) !== b.view.nameId(j);
  const fa = a.s.items.fields;
  const fb = b.s.items.fields;
  for (let f = 0; f < F; f++) {
    const x = a.view.fieldKey(i, f);
    const y = b.view.fieldKey(j, f);
    if (x < 0 || y < 0 || x === y) continue;
    // Names are compared as items are paired (width, spaces and brackets folded).
    if (f === NAME_FIELD && !renamed) continue;
    const field = COMPARED_FIELDS[f] as string;
    out.push({ field, label: fieldLabel("ledger", field), old: a.text(fa[(i * F + f) * 2] as number), new: b.text(fb[(j * F + f) * 2] as number) });
  }
  return out;
}

function isOpenError(f: Finding): boolean {
  return f.severity === "error" && f.accepted !== true;
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
  const a = new Side(old.snapshot, canon);
  const b = new Side(now.snapshot, canon);
  const pairs = matchItems(a.view, b.view, a.s.hasIds && b.s.hasIds);
  const pairOfOld = new Int32Array(a.view.count).fill(-1);
  const pairOfNew = new Int32Array(b.view.count).fill(-1);
  pairs.forEach((p, k) => {
    pairOfOld[p.old] = k;
    pairOfNew[p.new] = k;
  });

  // ---- items
  const changed: ItemChange[] = [];
  let renamed = 0;
  let renamedUncertain = 0;
  let fieldsChanged = 0;
  for (const p of [...pairs].sort((x, y) => x.new - y.new)) {
    const fields = fieldChanges(a, p.old, b, p.new);
    const isRenamed = p.match === "similar" || a.view.nameId(p.old) !== b.view.nameId(p.new);
    if (p.match === "similar") renamedUncertain++;
    else if (isRenamed) renamed++;
    if (fields.some((f) => f.field !== "name")) fieldsChanged++;
    if (isRenamed || fields.length > 0) changed.push({ old: a.item(p.old), new: b.item(p.new), match: p.match, renamed: isRenamed, fields });
  }
  const added: ItemRef[] = [];
  for (let i = 0; i < b.view.count; i++) if (pairOfNew[i] === -1) added.push(b.item(i));
  const removed: ItemRef[] = [];
  for (let i = 0; i < a.view.count; i++) if (pairOfOld[i] === -1) removed.push(a.item(i));
  const unchanged = pairs.length - changed.length;

  // ---- risk rows, per item (as paired) and phase
  // Groups are numbered, not named: a paired item, an item of one year only, a row's own
  // reference (rows linked to no item), or a set of several items; times the phase.
  const P = pairs.length;
  const itemNum = (i: number, pairOf: Int32Array, old: boolean) => (pairOf[i] !== -1 ? (pairOf[i] as number) : P + (old ? i : a.view.count + i));
  const refBase = P + a.view.count + b.view.count;
  const sets = new Map<string, number>();
  let setBase = refBase + canon.texts.length;
  const setNum = (s: Side, r: number, pairOf: Int32Array, old: boolean): number => {
    const items = s.itemsOf(r);
    if (items.length === 0) return refBase + s.id(s.s.risks.refKey, r);
    if (items.length === 1) return itemNum(items[0] as number, pairOf, old);
    const ids = new Set<number>();
    for (const i of items) ids.add(itemNum(i, pairOf, old));
    const key = [...ids].sort((x, y) => x - y).join(",");
    let k = sets.get(key);
    if (k === undefined) sets.set(key, (k = setBase++));
    return k;
  };
  const phaseCount = Math.max(a.s.phases.length, b.s.phases.length) + 1;
  const phaseNum = (s: Side, r: number): number => {
    const p = s.s.risks.phase[r] as number;
    if (p >= 0) return p;
    const t = s.id(s.s.risks.phaseText, r);
    // An unknown phase is grouped by its text (normalised), no phase apart.
    return t < 0 ? phaseCount - 1 : phaseCount + (phaseIds.get(phaseKeyOf(s.s, r)) ?? registerPhase(phaseKeyOf(s.s, r)));
  };
  const phaseIds = new Map<string, number>();
  const registerPhase = (k: string) => {
    const id = phaseIds.size;
    phaseIds.set(k, id);
    return id;
  };
  type Group = { olds: number[]; news: number[] };
  const ra = a.s.risks;
  const rb = b.s.risks;
  const riskPairOld = new Int32Array(ra.count).fill(-1);
  const riskPairNew = new Int32Array(rb.count).fill(-1);
  const rowPairs: [number, number][] = [];
  const text = (id: number) => canon.texts[id] as string;
  const pairWithin = (groups: Iterable<Group>) => {
    for (const g of groups) {
      if (g.olds.length === 0 || g.news.length === 0) continue;
      const olds = g.olds.filter((i) => riskPairOld[i] === -1);
      const news = g.news.filter((i) => riskPairNew[i] === -1);
      if (olds.length === 0 || news.length === 0) continue;
      const found = matchRows(
        olds.map((i) => a.id(ra.riskKey, i)),
        news.map((i) => b.id(rb.riskKey, i)),
        text,
      );
      for (const [x, y] of found) {
        const oi = olds[x] as number;
        const ni = news[y] as number;
        riskPairOld[oi] = rowPairs.length;
        riskPairNew[ni] = rowPairs.length;
        rowPairs.push([oi, ni]);
      }
    }
  };
  // First the rows about the same items; then rows about several items (a business, a category
  // code, an id two items share) pair with the rows of any one of their items.
  const bySet = new Map<number, Group>();
  const byItem = new Map<number, Group>();
  const groupIn = (map: Map<number, Group>, key: number): Group => {
    let g = map.get(key);
    if (!g) map.set(key, (g = { olds: [], news: [] }));
    return g;
  };
  const groupOld = new Float64Array(ra.count);
  const groupNew = new Float64Array(rb.count);
  // Wider than any phase number: every (set, phase) pair has its own number.
  const PH = phaseCount + ra.count + rb.count + 1;
  for (let i = 0; i < ra.count; i++) {
    const phase = phaseNum(a, i);
    groupOld[i] = setNum(a, i, pairOfOld, true) * PH + phase;
    groupIn(bySet, groupOld[i] as number).olds.push(i);
    const items = a.itemsOf(i);
    if (items.length > 1) for (const k of items) groupIn(byItem, itemNum(k, pairOfOld, true) * PH + phase).olds.push(i);
  }
  for (let i = 0; i < rb.count; i++) {
    const phase = phaseNum(b, i);
    groupNew[i] = setNum(b, i, pairOfNew, false) * PH + phase;
    groupIn(bySet, groupNew[i] as number).news.push(i);
    const items = b.itemsOf(i);
    if (items.length > 1) for (const k of items) groupIn(byItem, itemNum(k, pairOfNew, false) * PH + phase).news.push(i);
  }
  // Rows about one item join the per-item groups that rows about several items opened.
  for (let i = 0; i < ra.count; i++) {
    const items = a.itemsOf(i);
    if (items.length === 1) byItem.get(itemNum(items[0] as number, pairOfOld, true) * PH + phaseNum(a, i))?.olds.push(i);
  }
  for (let i = 0; i < rb.count; i++) {
    const items = b.itemsOf(i);
    if (items.length === 1) byItem.get(itemNum(items[0] as number, pairOfNew, false) * PH + phaseNum(b, i))?.news.push(i);
  }
  pairWithin(bySet.values());
  pairWithin(byItem.values());

  const risks = { old: ra.count, new: rb.count, added: 0, removed: 0, changed: 0, before: { up: 0, down: 0 }, after: { up: 0, down: 0 } };
  // Changes are shown per item and phase as this year has them (last year's for removed rows), in this year's row order.
  const shown = new Map<number, { change: RiskGroupChange; order: number }>();
  const phaseLabel = (s: Side, r: number): LocalisedText => {
    const p = s.s.risks.phase[r] as number;
    if (p >= 0) {
      const l = (s.s.phases[p] as { label: LocalisedText }).label;
      return { ja: l.ja, en: l.en };
    }
    const t = s.s.risks.phaseText[r] as number;
    return t >= 0 ? { ja: s.text(t), en: s.text(t) } : { ...NO_PHASE };
  };
  const show = (key: number, s: Side, r: number, items: RiskGroupChange["items"], row: RiskRowChange, order: number) => {
    let entry = shown.get(key);
    if (!entry) {
      const p = s.s.risks.phase[r] as number;
      entry = { change: { items, phase: p >= 0 ? (s.s.phases[p] as { id: string }).id : null, phaseLabel: phaseLabel(s, r), rows: [] }, order };
      shown.set(key, entry);
    }
    entry.change.rows.push(row);
    if (order < entry.order) entry.order = order;
  };
  for (const [oi, ni] of rowPairs) {
    const ratedOld = ra.rated[oi] as number;
    const ratedNew = rb.rated[ni] as number;
    // A level is compared only where both years' sheets rate it (a wide sheet may keep only the residual).
    const before = ratedOld & ratedNew & 1 ? levelChange(a.level(ra.before, oi), b.level(rb.before, ni)) : undefined;
    const after = ratedOld & ratedNew & 2 ? levelChange(a.level(ra.after, oi), b.level(rb.after, ni)) : undefined;
    const reworded = a.id(ra.riskKey, oi) !== b.id(rb.riskKey, ni);
    const measureChanged = a.id(ra.measureKey, oi) !== b.id(rb.measureKey, ni);
    if (!before && !after && !reworded && !measureChanged) continue;
    const row: RiskRowChange = { change: "changed", old: a.row(oi), new: b.row(ni) };
    if (before) row.before = before;
    if (after) row.after = after;
    if (reworded) row.reworded = true;
    if (measureChanged) row.measureChanged = true;
    risks.changed++;
    if (before?.direction === "up") risks.before.up++;
    if (before?.direction === "down") risks.before.down++;
    if (after?.direction === "up") risks.after.up++;
    if (after?.direction === "down") risks.after.down++;
    show(groupNew[ni] as number, b, ni, { old: a.labels(oi), new: b.labels(ni) }, row, ni);
  }
  for (let ni = 0; ni < rb.count; ni++) {
    if (riskPairNew[ni] !== -1) continue;
    risks.added++;
    show(groupNew[ni] as number, b, ni, { old: [], new: b.labels(ni) }, { change: "added", new: b.row(ni) }, ni);
  }
  for (let oi = 0; oi < ra.count; oi++) {
    if (riskPairOld[oi] !== -1) continue;
    risks.removed++;
    // Removed rows are shown apart from this year's rows of the same group (negative keys).
    show(-1 - (groupOld[oi] as number), a, oi, { old: a.labels(oi), new: [] }, { change: "removed", old: a.row(oi) }, rb.count + oi);
  }
  const riskGroups = [...shown.values()].sort((x, y) => x.order - y.order).map((e) => e.change);

  // ---- findings
  const anchorOf = (on: FindingAnchor["on"], itemPair: Int32Array, riskPair: Int32Array, side: string): string => {
    if ("item" in on) return itemPair[on.item] !== -1 ? `p${itemPair[on.item]}` : `${side}i${on.item}`;
    if ("risk" in on) return riskPair[on.risk] !== -1 ? `r${riskPair[on.risk]}` : `${side}r${on.risk}`;
    return `s:${on.sheet}:${on.row}`;
  };
  const keyOf = (f: FindingAnchor, itemPair: Int32Array, riskPair: Int32Array, side: string) => `${anchorOf(f.on, itemPair, riskPair, side)}\u0002${f.key}`;
  const waiting = new Map<string, number[]>();
  a.s.findings.forEach((f, i) => {
    const key = keyOf(f, pairOfOld, riskPairOld, "o");
    const list = waiting.get(key);
    if (list) list.push(i);
    else waiting.set(key, [i]);
  });
  const oldFindings = old.report.findings;
  const newFindings = now.report.findings;
  const stillOpen = new Uint8Array(oldFindings.length);
  const open: OpenFinding[] = [];
  const fresh: Finding[] = [];
  b.s.findings.forEach((f, i) => {
    const finding = newFindings[i] as Finding;
    const o = waiting.get(keyOf(f, pairOfNew, riskPairNew, "n"))?.shift();
    if (o === undefined) {
      fresh.push(finding);
      return;
    }
    stillOpen[o] = 1;
    const was = oldFindings[o] as Finding;
    open.push({ finding, was: { sheet: was.sheet, cell: was.cell } });
  });
  const resolved = oldFindings.filter((_f, i) => stillOpen[i] === 0);
  const errors = (list: readonly Finding[]) => list.reduce((n, f) => n + (isOpenError(f) ? 1 : 0), 0);

  const newFields = new Set(b.s.ledgerFields);
  const oldFields = new Set(a.s.ledgerFields);
  const side = (r: WorkbookReport): DiffSide => (r.overview ? { sheets: r.sheets, summary: r.summary, overview: r.overview } : { sheets: r.sheets, summary: r.summary });
  return {
    summary: {
      items: { old: a.view.count, new: b.view.count, added: added.length, removed: removed.length, renamed, renamedUncertain, changed: fieldsChanged, unchanged },
      risks,
      findings: {
        resolved: resolved.length,
        new: fresh.length,
        open: open.length,
        resolvedErrors: errors(resolved),
        newErrors: errors(fresh),
        openErrors: open.reduce((n, o) => n + (isOpenError(o.finding) ? 1 : 0), 0),
      },
    },
    old: side(old.report),
    new: side(now.report),
    ledgerFields: {
      added: b.s.ledgerFields.filter((f) => !oldFields.has(f)).map((field) => ({ field, label: fieldLabel("ledger", field) })),
      removed: a.s.ledgerFields.filter((f) => !newFields.has(f)).map((field) => ({ field, label: fieldLabel("ledger", field) })),
    },
    items: { added, removed, changed },
    risks: riskGroups,
    findings: { resolved, new: fresh, open },
  };
}
