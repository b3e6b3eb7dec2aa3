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
function lazyIndexes(items: readonly LedgerItem[]): (mode: RefMode) => ModeIndex {
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

type RefMode = (typeof MODE_ORDER)[number];
/** Per mode, the items each entry of a sheet resolved to, by the entry's position. */
type Resolved = Map<RefMode, (LedgerItem[] | undefined)[]>;

/** Entries come sheet after sheet: cut where the sheet changes (a lookup per run, not per entry). */
function entriesBySheet(entries: readonly RiskEntry[]): Map<RecognisedSheet, RiskEntry[]> {
  const bySheet = new Map<RecognisedSheet, RiskEntry[]>();
  let run: RiskEntry[] = [];
  let runSheet: RecognisedSheet | undefined;
  for (const e of entries) {
    if (e.sheet !== runSheet) {
      runSheet = e.sheet;
      const known = bySheet.get(e.sheet);
      if (known) run = known;
      else bySheet.set(e.sheet, (run = []));
    }
    run.push(e);
  }
  return bySheet;
}

/** What one mode resolves for each entry, and the share of referencing entries it resolves. */
function resolveAll(list: readonly RiskEntry[], field: RiskReferenceField, index: () => ModeIndex): { found: (LedgerItem[] | undefined)[]; rate: number | null } {
  const found: (LedgerItem[] | undefined)[] = new Array(list.length);
  let withRef = 0;
  let resolved = 0;
  // An item's phase rows repeat its reference one after another: the previous row's answer
  // serves without a lookup.
  let lastText = "";
  let lastItems: LedgerItem[] = [];
  list.forEach((e, k) => {
    const text = e.refs[field].text;
    if (text === "") return;
    withRef++;
    if (text !== lastText) {
      lastItems = resolve(index(), text);
      lastText = text;
    }
    found[k] = lastItems;
    if (lastItems.length > 0) resolved++;
  });
  return { found, rate: withRef === 0 ? null : resolved / withRef };
}

/**
 * The mode that resolves the most references wins; on a tie the earlier one (id, name,
 * business, category). Ids that happen to be row counters resolve few and lose to names.
 */
function chooseMode(list: readonly RiskEntry[], available: readonly RefMode[], indexOf: (m: RefMode) => ModeIndex): { mode: RefMode | null; resolved: Resolved } {
  let mode: RefMode | null = null;
  let bestRate = -1;
  // Kept for the linking pass: reading every entry's reference again costs a cache miss per
  // entry on a 300k-row sheet.
  const resolved: Resolved = new Map();
  for (const m of available) {
    const { found, rate } = resolveAll(list, MODE_FIELDS[m].risk, () => indexOf(m));
    resolved.set(m, found);
    if (rate === null) continue;
    if (mode === null || rate > bestRate) {
      mode = m;
      bestRate = rate;
    }
    // A later mode has to resolve strictly more to win: none can beat every reference.
    if (bestRate === 1) break;
  }
  return { mode, resolved };
}

/** Items whose name the sheet's title or tab names: a risk sheet kept per item. */
function itemsNamedByTitle(sheet: RecognisedSheet, items: readonly LedgerItem[]): LedgerItem[] {
  const keys = titleTexts(sheet).map(looseNameKey).filter((k) => k.length >= 2);
  return items.filter((i) => {
    const k = looseNameKey(i.name.text || i.dataItems.text);
    return k.length >= 2 && keys.some((t) => t === k || t.includes(k));
  });
}

function attach(entry: RiskEntry, linked: LedgerItem[]): void {
  entry.linkedItems = linked;
  for (const item of linked) {
    const l = item.linkedEntries;
    if (l) l.push(entry);
    else item.linkedEntries = [entry];
  }
}

export function linkRisks(riskSheets: readonly RecognisedSheet[], entries: readonly RiskEntry[], items: readonly LedgerItem[]): RiskLinks {
  // Links live on the entries and items themselves: the overview and several rules ask for
  // every one, and a Map keyed by 50k objects no longer fits the processor's caches.
  for (const item of items) item.linkedEntries = undefined;
  const modeOf = new Map<RecognisedSheet, LinkMode | null>();
  const indexOf = lazyIndexes(items);
  const bySheet = entriesBySheet(entries);
  for (const sheet of riskSheets) {
    const list = bySheet.get(sheet) ?? [];
    const hasRef = (f: RiskReferenceField) => sheet.byField.has(f) || (f === "itemRef" && list.some((e) => e.refs.itemRef.text !== ""));
    const available = MODE_ORDER.filter((m) => hasRef(MODE_FIELDS[m].risk) && items.some((i) => MODE_FIELDS[m].ledger(i).some((v) => v !== "")));
    const { mode, resolved } = chooseMode(list, available, indexOf);
    const inMode = (m: RefMode, k: number, e: RiskEntry): LedgerItem[] => {
      const found = resolved.get(m);
      return found ? (found[k] ?? []) : resolve(indexOf(m), e.refs[MODE_FIELDS[m].risk].text);
    };
    if (mode === null) {
      const titled = available.length === 0 ? itemsNamedByTitle(sheet, items) : [];
      modeOf.set(sheet, titled.length > 0 ? "title" : null);
      for (const e of list) attach(e, titled);
      continue;
    }
    modeOf.set(sheet, mode);
    list.forEach((e, k) => {
      let linked = inMode(mode, k, e);
      // A row may use another reference than the sheet's usual one.
      for (const m of available) {
        if (linked.length > 0) break;
        linked = inMode(m, k, e);
      }
      attach(e, linked);
    });
  }
  return { itemsOf: ITEMS_OF, entriesOf: ENTRIES_OF, modeOf };
}
