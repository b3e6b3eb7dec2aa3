import { cellText } from "../grid/grid";
import { looseNameKey, nameKey, type LedgerItem, type RiskEntry, type RiskReferenceField } from "../model/records";
import type { RecognisedSheet } from "../recognise/sheet";

/**
 * Which ledger items each risk row is about: by id when both sheets have ids, else by the item's
 * name (normalised for spaces, width and brackets), else by business, else by a category code
 * several items share, else (one risk sheet per item) by the name in the sheet's title or tab.
 * Per sheet, the reference that resolves most of its rows wins; a row may still use another.
 */

export type LinkMode = "id" | "name" | "business" | "category" | "title";

export interface RiskLinks {
  /** Ledger items each risk entry covers (several for a business or category code). */
  itemsOf: { get(entry: RiskEntry): LedgerItem[] | undefined };
  /** Risk entries covering each ledger item. */
  entriesOf: { get(item: LedgerItem): RiskEntry[] | undefined };
  /** How each risk sheet refers to ledger items (null when it has no reference at all). */
  modeOf: Map<RecognisedSheet, LinkMode | null>;
}

const MODE_FIELDS: Record<Exclude<LinkMode, "title">, { risk: RiskReferenceField; ledger: (i: LedgerItem) => string[] }> = {
  id: { risk: "itemRef", ledger: (i) => [i.id.text] },
  name: { risk: "itemName", ledger: (i) => [i.name.text, i.dataItems.text] },
  business: { risk: "business", ledger: (i) => [i.business.text] },
  category: { risk: "categoryCode", ledger: (i) => [i.categoryCode.text] },
};
const MODE_ORDER = ["id", "name", "business", "category"] as const;

type Index = Map<string, LedgerItem[]>;

function push(index: Index, key: string, item: LedgerItem): void {
  if (key === "") return;
  const list = index.get(key);
  if (!list) index.set(key, [item]);
  // An item's values are pushed one after another, so a repeat can only be the last element.
  else if (list[list.length - 1] !== item) list.push(item);
}

type ModeIndex = {
  strict: Index;
  loose: Index;
  /** The ledger's own texts, each to its strict key's list: a reference copied from the ledger resolves in one lookup. */
  exact: Index;
  memo?: Map<string, LedgerItem[] | null>;
};

function buildIndex(items: readonly LedgerItem[], mode: (typeof MODE_ORDER)[number]): ModeIndex {
  const strict: Index = new Map();
  const loose: Index = new Map();
  const exact: Index = new Map();
  for (const item of items) {
    const values = MODE_FIELDS[mode].ledger(item);
    // For names, the data-items text only serves when the ledger has no name column.
    const usable = mode === "name" && item.name.col >= 0 ? values.slice(0, 1) : values;
    for (const v of usable) {
      const key = nameKey(v);
      push(strict, key, item);
      push(loose, looseNameKey(v), item);
      if (key !== "" && !exact.has(v)) exact.set(v, strict.get(key) as LedgerItem[]);
    }
  }
  return { strict, loose, exact };
}

/** The ledger indexed by each reference mode, built the first time a risk sheet uses the mode. */
function lazyIndexes(items: readonly LedgerItem[]): (mode: (typeof MODE_ORDER)[number]) => ModeIndex {
  const built = new Map<(typeof MODE_ORDER)[number], ModeIndex>();
  return (mode) => {
    let index = built.get(mode);
    if (!index) built.set(mode, (index = buildIndex(items, mode)));
    return index;
  };
}

function resolve(index: ModeIndex, text: string): LedgerItem[] {
  if (text === "") return [];
  // Equal texts have equal keys: the list of the ledger's own text is the strict one.
  const same = index.exact.get(text);
  if (same !== undefined) return same;
  // Every phase row repeats its item's reference: key each distinct text once.
  const memo = (index.memo ??= new Map());
  let found = memo.get(text);
  if (found === undefined) {
    found = index.strict.get(nameKey(text)) ?? index.loose.get(looseNameKey(text)) ?? null;
    memo.set(text, found);
  }
  return found ?? [];
}

/** Text above the header and the tab name: where a one-item risk sheet names its item. */
function titleTexts(sheet: RecognisedSheet): string[] {
  const out = [sheet.name];
  for (let r = 0; r < Math.max(0, sheet.headerRows[0] ?? sheet.headerRow); r++) {
    for (const v of sheet.grid.values[r] ?? []) {
      const t = cellText(v);
      if (t !== "" && t.length <= 80) out.push(t);
    }
  }
  return out;
}

const ITEMS_OF = { get: (entry: RiskEntry): LedgerItem[] | undefined => entry.linkedItems };
const ENTRIES_OF = { get: (item: LedgerItem): RiskEntry[] | undefined => item.linkedEntries };

export function linkRisks(riskSheets: readonly RecognisedSheet[], entries: readonly RiskEntry[], items: readonly LedgerItem[]): RiskLinks {
  // Each entry keeps its items in a slot: rules ask for every entry, and a Map keyed by 60k
  // entries costs a hash lookup per question.
  // Likewise each item keeps its entries: at 50k items a Map keyed by them no longer fits the
  // processor's caches, and the overview and three rules look every item up. Both readers are
  // the same objects for every check (see Workbook below).
  const itemsOf = ITEMS_OF;
  const entriesOf = ENTRIES_OF;
  for (const item of items) item.linkedEntries = undefined;
  const modeOf = new Map<RecognisedSheet, LinkMode | null>();
  const indexOf = lazyIndexes(items);
  // Entries come sheet after sheet: cut where the sheet changes (a lookup per run, not per entry).
  const bySheet = new Map<RecognisedSheet, RiskEntry[]>();
  for (let from = 0, k = 1; from < entries.length; k++) {
    const sheet = (entries[from] as RiskEntry).sheet;
    if (k < entries.length && (entries[k] as RiskEntry).sheet === sheet) continue;
    const list = bySheet.get(sheet);
    if (list) for (let j = from; j < k; j++) list.push(entries[j] as RiskEntry);
    else bySheet.set(sheet, entries.slice(from, k));
    from = k;
  }
  for (const sheet of riskSheets) {
    const list = bySheet.get(sheet) ?? [];
    const hasRef = (f: RiskReferenceField) => sheet.byField.has(f) || (f === "itemRef" && list.some((e) => e.refs.itemRef.text !== ""));
    const available = MODE_ORDER.filter((m) => hasRef(MODE_FIELDS[m].risk) && items.some((i) => MODE_FIELDS[m].ledger(i).some((v) => v !== "")));
    // The mode that resolves the most references wins; on a tie the earlier one (id, name,
    // business, category). Ids that happen to be row counters resolve few and lose to names.
    let mode: LinkMode | null = null;
    let bestRate = -1;
    // What each mode resolved, by position in `list`, kept for the linking pass below: reading
    // every entry's reference again costs a cache miss per entry on a 300k-row sheet.
    const resolvedBy = new Map<(typeof MODE_ORDER)[number], (LedgerItem[] | undefined)[]>();
    for (const m of available) {
      const field = MODE_FIELDS[m].risk;
      let index: ModeIndex | undefined;
      let withRef = 0;
      let resolved = 0;
      const found: (LedgerItem[] | undefined)[] = new Array(list.length);
      // An item's phase rows repeat its reference one after another: the previous row's answer
      // serves without a lookup in a memo that, at 50k items, no longer fits the caches.
      let lastText = "";
      let lastItems: LedgerItem[] = [];
      for (let k = 0; k < list.length; k++) {
        const text = (list[k] as RiskEntry).refs[field].text;
        if (text === "") continue;
        withRef++;
        if (text !== lastText) {
          index ??= indexOf(m);
          lastItems = resolve(index, text);
          lastText = text;
        }
        found[k] = lastItems;
        if (lastItems.length > 0) resolved++;
      }
      resolvedBy.set(m, found);
      if (withRef === 0) continue;
      const rate = resolved / withRef;
      if (mode === null || rate > bestRate) {
        mode = m;
        bestRate = rate;
      }
      // A later mode has to resolve strictly more to win: none can beat every reference.
      if (bestRate === 1) break;
    }
    let titleItems: LedgerItem[] = [];
    if (mode === null && available.length === 0) {
      const keys = titleTexts(sheet).map(looseNameKey).filter((k) => k.length >= 2);
      titleItems = items.filter((i) => {
        const k = looseNameKey(i.name.text || i.dataItems.text);
        return k.length >= 2 && keys.some((t) => t === k || t.includes(k));
      });
      if (titleItems.length > 0) mode = "title";
    }
    modeOf.set(sheet, mode);
    const inMode = (m: (typeof MODE_ORDER)[number], k: number, e: RiskEntry): LedgerItem[] => {
      const found = resolvedBy.get(m);
      return found ? (found[k] ?? []) : resolve(indexOf(m), e.refs[MODE_FIELDS[m].risk].text);
    };
    for (let k = 0; k < list.length; k++) {
      const e = list[k] as RiskEntry;
      let linked: LedgerItem[] = [];
      if (mode === "title") linked = titleItems;
      else if (mode !== null) {
        linked = inMode(mode, k, e);
        // A row may use another reference than the sheet's usual one.
        for (const m of available) {
          if (linked.length > 0) break;
          linked = inMode(m, k, e);
        }
      }
      e.linkedItems = linked;
      for (const item of linked) {
        const l = item.linkedEntries;
        if (l) l.push(e);
        else item.linkedEntries = [e];
      }
    }
  }
  return { itemsOf, entriesOf, modeOf };
}

