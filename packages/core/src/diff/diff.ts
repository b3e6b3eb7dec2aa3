import { checkWorkbookModel, type CheckOptions } from "../check";
import type { Finding } from "../findings/finding";
import { fieldLabel } from "../glossary/fields";
import type { SheetGrid } from "../grid/grid";
import type { LocalisedText } from "../i18n/text";
import type { WorkbookReport } from "../report/types";
import { levelRank, type LevelId } from "../scoring/levels";
import { matchItems, matchRows } from "./match";
import { COMPARED_FIELDS, phaseKey, snapshotWorkbook, type FindingAnchor, type ItemSnapshot, type RiskSnapshot, type WorkbookSnapshot } from "./snapshot";
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

function itemRef(s: ItemSnapshot): ItemRef {
  return { sheet: s.sheet, row: s.row, cell: s.cell, id: s.id, label: s.label };
}

function rowRef(r: RiskSnapshot): RiskRowRef {
  return { sheet: r.sheet, row: r.row, risk: r.risk.text, measure: r.measure.text, before: r.before, after: r.after };
}

function levelChange(from: LevelId | null, to: LevelId | null): LevelChange | undefined {
  if (from === to) return undefined;
  const direction = from === null ? "set" : to === null ? "cleared" : levelRank(to) > levelRank(from) ? "up" : "down";
  return { from, to, direction };
}

function fieldChanges(a: ItemSnapshot, b: ItemSnapshot): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of COMPARED_FIELDS) {
    const x = a.fields[f];
    const y = b.fields[f];
    if (x === undefined || y === undefined) continue;
    // Names are compared as items are paired (width, spaces and brackets folded).
    const differs = f === "name" ? a.nameKey !== b.nameKey && x.key !== y.key : x.key !== y.key;
    if (differs) out.push({ field: f, label: fieldLabel("ledger", f), old: x.text, new: y.text });
  }
  return out;
}

const NO_PHASE: LocalisedText = { ja: "(局面なし)", en: "(no phase)" };

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
  const a = old.snapshot;
  const b = now.snapshot;
  const pairs = matchItems(a.items, b.items, a.hasIds && b.hasIds);
  const pairOfOld = new Int32Array(a.items.length).fill(-1);
  const pairOfNew = new Int32Array(b.items.length).fill(-1);
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
    const o = a.items[p.old] as ItemSnapshot;
    const n = b.items[p.new] as ItemSnapshot;
    const fields = fieldChanges(o, n);
    const isRenamed = p.match === "similar" || o.nameKey !== n.nameKey;
    const other = fields.some((f) => f.field !== "name");
    if (p.match === "similar") renamedUncertain++;
    else if (isRenamed) renamed++;
    if (other) fieldsChanged++;
    if (isRenamed || fields.length > 0) changed.push({ old: itemRef(o), new: itemRef(n), match: p.match, renamed: isRenamed, fields });
  }
  const added: ItemRef[] = [];
  b.items.forEach((it, i) => {
    if (pairOfNew[i] === -1) added.push(itemRef(it));
  });
  const removed: ItemRef[] = [];
  a.items.forEach((it, i) => {
    if (pairOfOld[i] === -1) removed.push(itemRef(it));
  });
  const unchanged = pairs.length - changed.length;

  // ---- risk rows, per item (as paired) and phase
  const itemKey = (i: number, pairOf: Int32Array, side: "o" | "n") => (pairOf[i] !== -1 ? `p${pairOf[i]}` : `${side}${i}`);
  const setKey = (r: RiskSnapshot, pairOf: Int32Array, side: "o" | "n"): string => {
    if (r.items.length === 0) return `ref:${r.refKey}`;
    const ids = new Set<string>();
    for (const i of r.items) ids.add(itemKey(i, pairOf, side));
    return [...ids].sort().join(",");
  };
  type Group = { olds: number[]; news: number[] };
  const riskPairOld = new Int32Array(a.risks.length).fill(-1);
  const riskPairNew = new Int32Array(b.risks.length).fill(-1);
  const rowPairs: [number, number][] = [];
  const pairWithin = (groups: Iterable<Group>) => {
    for (const g of groups) {
      const olds = g.olds.filter((i) => riskPairOld[i] === -1);
      const news = g.news.filter((i) => riskPairNew[i] === -1);
      if (olds.length === 0 || news.length === 0) continue;
      const found = matchRows(
        olds.map((i) => (a.risks[i] as RiskSnapshot).risk.key),
        news.map((i) => (b.risks[i] as RiskSnapshot).risk.key),
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
  const bySet = new Map<string, Group>();
  const byItem = new Map<string, Group>();
  const groupIn = (map: Map<string, Group>, key: string): Group => {
    let g = map.get(key);
    if (!g) map.set(key, (g = { olds: [], news: [] }));
    return g;
  };
  a.risks.forEach((r, i) => {
    const phase = phaseKey(r);
    groupIn(bySet, `${setKey(r, pairOfOld, "o")}\u0001${phase}`).olds.push(i);
    for (const k of r.items) groupIn(byItem, `${itemKey(k, pairOfOld, "o")}\u0001${phase}`).olds.push(i);
  });
  b.risks.forEach((r, i) => {
    const phase = phaseKey(r);
    groupIn(bySet, `${setKey(r, pairOfNew, "n")}\u0001${phase}`).news.push(i);
    for (const k of r.items) groupIn(byItem, `${itemKey(k, pairOfNew, "n")}\u0001${phase}`).news.push(i);
  });
  pairWithin(bySet.values());
  pairWithin(byItem.values());

  const risks = { old: a.risks.length, new: b.risks.length, added: 0, removed: 0, changed: 0, before: { up: 0, down: 0 }, after: { up: 0, down: 0 } };
  // Changes are shown per item and phase as this year has them (last year's for removed rows), in this year's row order.
  const shown = new Map<string, { change: RiskGroupChange; order: number }>();
  const labels = (side: WorkbookSnapshot, r: RiskSnapshot): string[] => {
    if (r.items.length === 0) return [r.ref];
    return [...new Set(r.items.map((k) => (side.items[k] as ItemSnapshot).label))];
  };
  const show = (key: string, sample: RiskSnapshot, phases: WorkbookSnapshot["phases"], items: RiskGroupChange["items"], row: RiskRowChange, order: number) => {
    let entry = shown.get(key);
    if (!entry) {
      const label = sample.phase !== null ? (phases.find((p) => p.id === sample.phase)?.label ?? { ja: sample.phase, en: sample.phase }) : sample.phaseText !== "" ? { ja: sample.phaseText, en: sample.phaseText } : NO_PHASE;
      entry = { change: { items, phase: sample.phase, phaseLabel: { ja: label.ja, en: label.en }, rows: [] }, order };
      shown.set(key, entry);
    }
    entry.change.rows.push(row);
    if (order < entry.order) entry.order = order;
  };
  for (const [oi, ni] of rowPairs) {
    const o = a.risks[oi] as RiskSnapshot;
    const n = b.risks[ni] as RiskSnapshot;
    // A level is compared only where both years' sheets rate it (a wide sheet may keep only the residual).
    const before = o.rated.before && n.rated.before ? levelChange(o.before, n.before) : undefined;
    const after = o.rated.after && n.rated.after ? levelChange(o.after, n.after) : undefined;
    const reworded = o.risk.key !== n.risk.key;
    const measureChanged = o.measure.key !== n.measure.key;
    if (!before && !after && !reworded && !measureChanged) continue;
    const row: RiskRowChange = { change: "changed", old: rowRef(o), new: rowRef(n) };
    if (before) row.before = before;
    if (after) row.after = after;
    if (reworded) row.reworded = true;
    if (measureChanged) row.measureChanged = true;
    risks.changed++;
    if (before?.direction === "up") risks.before.up++;
    if (before?.direction === "down") risks.before.down++;
    if (after?.direction === "up") risks.after.up++;
    if (after?.direction === "down") risks.after.down++;
    show(`${setKey(n, pairOfNew, "n")}\u0001${phaseKey(n)}`, n, b.phases, { old: labels(a, o), new: labels(b, n) }, row, ni);
  }
  b.risks.forEach((n, ni) => {
    if (riskPairNew[ni] !== -1) return;
    risks.added++;
    show(`${setKey(n, pairOfNew, "n")}\u0001${phaseKey(n)}`, n, b.phases, { old: [], new: labels(b, n) }, { change: "added", new: rowRef(n) }, ni);
  });
  a.risks.forEach((o, oi) => {
    if (riskPairOld[oi] !== -1) return;
    risks.removed++;
    show(`old:${setKey(o, pairOfOld, "o")}\u0001${phaseKey(o)}`, o, a.phases, { old: labels(a, o), new: [] }, { change: "removed", old: rowRef(o) }, b.risks.length + oi);
  });
  const riskGroups = [...shown.values()].sort((x, y) => x.order - y.order).map((e) => e.change);

  // ---- findings
  const anchorOf = (on: FindingAnchor["on"], itemPair: Int32Array, riskPair: Int32Array, side: string): string => {
    if ("item" in on) return itemPair[on.item] !== -1 ? `p${itemPair[on.item]}` : `${side}i${on.item}`;
    if ("risk" in on) return riskPair[on.risk] !== -1 ? `r${riskPair[on.risk]}` : `${side}r${on.risk}`;
    return `s:${on.sheet}:${on.row}`;
  };
  const keyOf = (f: FindingAnchor, itemPair: Int32Array, riskPair: Int32Array, side: string) => `${anchorOf(f.on, itemPair, riskPair, side)}\u0002${f.key}`;
  const waiting = new Map<string, number[]>();
  a.findings.forEach((f, i) => {
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
  b.findings.forEach((f, i) => {
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
  const count = (list: readonly Finding[]) => list.reduce((n, f) => n + (isOpenError(f) ? 1 : 0), 0);

  const added_ = new Set(b.ledgerFields);
  const removed_ = new Set(a.ledgerFields);
  const side = (r: WorkbookReport): DiffSide => (r.overview ? { sheets: r.sheets, summary: r.summary, overview: r.overview } : { sheets: r.sheets, summary: r.summary });
  return {
    summary: {
      items: {
        old: a.items.length,
        new: b.items.length,
        added: added.length,
        removed: removed.length,
        renamed,
        renamedUncertain,
        changed: fieldsChanged,
        unchanged,
      },
      risks,
      findings: {
        resolved: resolved.length,
        new: fresh.length,
        open: open.length,
        resolvedErrors: count(resolved),
        newErrors: count(fresh),
        openErrors: count(open.map((o) => o.finding)),
      },
    },
    old: side(old.report),
    new: side(now.report),
    ledgerFields: {
      added: b.ledgerFields.filter((f) => !removed_.has(f)).map((field) => ({ field, label: fieldLabel("ledger", field) })),
      removed: a.ledgerFields.filter((f) => !added_.has(f)).map((field) => ({ field, label: fieldLabel("ledger", field) })),
    },
    items: { added, removed, changed },
    risks: riskGroups,
    findings: { resolved, new: fresh, open },
  };
}
