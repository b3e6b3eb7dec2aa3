import { COMPARED_FIELDS } from "./snapshot";

/**
 * Pairs last year's ledger items with this year's, in four passes, each over what the earlier
 * ones left:
 *
 * 1. the same id and the same name;
 * 2. the same name (normalised for width, case, spaces and brackets); several items of one name
 *    (紙 and 電子 rows) pair by how many of their other fields agree;
 * 3. the same id under another name, when the names are near misses or most other fields agree
 *    (an id column that only numbers the rows would otherwise pair unrelated items);
 * 4. near-miss names alone: 「お問い合わせフォーム」 and 「問い合わせフォーム」, 「名刺」 and
 *    「名刺（営業部）」. These are shown as "renamed?", never silently taken as the same item.
 *
 * Ids count only when unique on both sides and both ledgers have an id column.
 */
export interface ItemPair {
  old: number;
  new: number;
  match: "id" | "name" | "similar";
}

/**
 * One year's items as the matcher reads them. Ids are canonical across both years (the same
 * text has the same id on both sides; 0 is the blank text); -1 where there is nothing.
 */
export interface ItemView {
  count: number;
  nameKey(i: number): string;
  nameId(i: number): number;
  looseId(i: number): number;
  idId(i: number): number;
  /** The comparison key of item i's field f (COMPARED_FIELDS order); -1 when its sheet has no such column. */
  fieldKey(i: number, f: number): number;
}

/** A near-miss name: the bigram similarity of the two names at least this. */
const SIMILAR = 0.5;
/** Same id, other name: paired when this share of the other fields agrees. */
const AGREEING = 0.6;
/** Fields that must be compared for the agreement to count. */
const MIN_COMPARED = 3;
/** Candidates weighed per item in pass 4, and index entries followed per item to find them. */
const CANDIDATES = 50;
const SCANNED_MAX = 2_000;
/** Near-miss risk texts are looked for only among this many pairs of rows of one item and phase. */
const ROW_PAIRS_MAX = 10_000;
const NAME_FIELD = COMPARED_FIELDS.indexOf("name");

/** Distinct character bigrams of a key (a one-character key is its own bigram). */
export function bigrams(key: string): Set<string> {
  const chars = Array.from(key);
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0] as string);
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/** Dice's coefficient of two bigram sets, 0–1. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Bigram sets of one side's names, made when first asked for. */
class Grams {
  private readonly made = new Map<number, Set<string>>();
  constructor(private readonly view: ItemView) {}
  of(i: number): Set<string> {
    let g = this.made.get(i);
    if (!g) this.made.set(i, (g = bigrams(this.view.nameKey(i))));
    return g;
  }
}

/** How alike two items' names are, 0–1: 1 when they differ only in bracketed notes, else the bigram similarity. */
function similarity(a: ItemView, i: number, ga: Grams, b: ItemView, j: number, gb: Grams): number {
  if (a.nameId(i) <= 0 || b.nameId(j) <= 0) return 0;
  const la = a.looseId(i);
  if (la > 0 && la === b.looseId(j)) return 1;
  return dice(ga.of(i), gb.of(j));
}

/** The share of the fields recorded on both sides (other than the name) whose values agree, or null when too few are. */
function agreement(a: ItemView, i: number, b: ItemView, j: number): number | null {
  let compared = 0;
  let same = 0;
  for (let f = 0; f < COMPARED_FIELDS.length; f++) {
    if (f === NAME_FIELD) continue;
    const x = a.fieldKey(i, f);
    const y = b.fieldKey(j, f);
    if (x < 0 || y < 0 || (x === 0 && y === 0)) continue;
    compared++;
    if (x === y) same++;
  }
  return compared >= MIN_COMPARED ? same / compared : null;
}

/** Ids used once on a side: id → item. */
function uniqueIds(view: ItemView): Map<number, number> {
  const seen = new Map<number, number>();
  const repeated = new Set<number>();
  for (let i = 0; i < view.count; i++) {
    const k = view.idId(i);
    if (k <= 0) continue;
    if (seen.has(k)) repeated.add(k);
    else seen.set(k, i);
  }
  for (const k of repeated) seen.delete(k);
  return seen;
}

export function matchItems(a: ItemView, b: ItemView, useIds: boolean): ItemPair[] {
  const pairs: ItemPair[] = [];
  const oldTaken = new Uint8Array(a.count);
  const newTaken = new Uint8Array(b.count);
  const take = (o: number, n: number, match: ItemPair["match"]) => {
    oldTaken[o] = 1;
    newTaken[n] = 1;
    pairs.push({ old: o, new: n, match });
  };
  const ga = new Grams(a);
  const gb = new Grams(b);

  const oldIds = useIds ? uniqueIds(a) : new Map<number, number>();
  const newIds = useIds ? uniqueIds(b) : new Map<number, number>();

  // 1. Same id, same name.
  for (const [id, n] of newIds) {
    const o = oldIds.get(id);
    if (o !== undefined && a.nameId(o) === b.nameId(n)) take(o, n, "id");
  }

  // 2. Same name.
  const byName = new Map<number, { olds: number[]; news: number[] }>();
  for (let i = 0; i < a.count; i++) {
    const k = a.nameId(i);
    if (oldTaken[i] || k <= 0) continue;
    let g = byName.get(k);
    if (!g) byName.set(k, (g = { olds: [], news: [] }));
    g.olds.push(i);
  }
  for (let i = 0; i < b.count; i++) {
    const k = b.nameId(i);
    if (newTaken[i] || k <= 0) continue;
    byName.get(k)?.news.push(i);
  }
  for (const g of byName.values()) {
    if (g.news.length === 0) continue;
    if (g.olds.length === 1 && g.news.length === 1) {
      take(g.olds[0] as number, g.news[0] as number, "name");
      continue;
    }
    // Several rows of one name: the pairs whose other fields agree most go first, then row order.
    const candidates: { o: number; n: number; score: number }[] = [];
    for (const o of g.olds.slice(0, CANDIDATES)) for (const n of g.news.slice(0, CANDIDATES)) candidates.push({ o, n, score: agreement(a, o, b, n) ?? 0 });
    candidates.sort((x, y) => y.score - x.score || x.o - y.o || x.n - y.n);
    for (const c of candidates) if (!oldTaken[c.o] && !newTaken[c.n]) take(c.o, c.n, "name");
    // Beyond the rows weighed, the rest of one name pair in row order.
    const olds = g.olds.filter((o) => !oldTaken[o]);
    const news = g.news.filter((n) => !newTaken[n]);
    for (let k = 0; k < olds.length && k < news.length; k++) take(olds[k] as number, news[k] as number, "name");
  }

  // 3. Same id, another name.
  for (const [id, n] of newIds) {
    const o = oldIds.get(id);
    if (o === undefined || oldTaken[o] || newTaken[n]) continue;
    if (similarity(a, o, ga, b, n, gb) >= SIMILAR || (agreement(a, o, b, n) ?? 0) >= AGREEING) take(o, n, "id");
  }

  // 4. Near-miss names: candidates from an index of last year's name bigrams, the rarest bigrams first.
  const postings = new Map<string, number[]>();
  const byLoose = new Map<number, number[]>();
  let rest = 0;
  for (let o = 0; o < a.count; o++) {
    if (oldTaken[o] || a.nameId(o) <= 0) continue;
    rest++;
    for (const g of ga.of(o)) {
      const list = postings.get(g);
      if (list) list.push(o);
      else postings.set(g, [o]);
    }
    const loose = a.looseId(o);
    if (loose <= 0) continue;
    const same = byLoose.get(loose);
    if (same) same.push(o);
    else byLoose.set(loose, [o]);
  }
  if (rest === 0) return pairs;
  const found: { o: number; n: number; score: number }[] = [];
  const shared = new Map<number, number>();
  for (let n = 0; n < b.count; n++) {
    if (newTaken[n] || b.nameId(n) <= 0) continue;
    // Names equal but for bracketed notes are candidates whatever their bigrams.
    const loose = b.looseId(n);
    const sameLoose = loose > 0 ? byLoose.get(loose) : undefined;
    if (sameLoose) for (const o of sameLoose.slice(0, CANDIDATES)) found.push({ o, n, score: 1 });
    const lists: number[][] = [];
    for (const g of gb.of(n)) {
      const list = postings.get(g);
      if (list) lists.push(list);
    }
    lists.sort((x, y) => x.length - y.length);
    shared.clear();
    let scanned = 0;
    for (const list of lists) {
      // A bigram in thousands of names says little: stop once enough of the rarer ones were followed.
      if (scanned > 0 && scanned + list.length > SCANNED_MAX) break;
      scanned += list.length;
      for (const o of list) shared.set(o, (shared.get(o) ?? 0) + 1);
    }
    // Only the items sharing the most bigrams can be near; weigh at most CANDIDATES of them.
    let most = 0;
    for (const c of shared.values()) if (c > most) most = c;
    const close: [number, number][] = [];
    for (const e of shared) if (e[1] * 2 >= most) close.push(e);
    const best = close.length > CANDIDATES ? close.sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, CANDIDATES) : close;
    for (const [o] of best) {
      if (loose > 0 && a.looseId(o) === loose) continue;
      const score = similarity(a, o, ga, b, n, gb);
      if (score >= SIMILAR) found.push({ o, n, score });
    }
  }
  found.sort((x, y) => y.score - x.score || x.o - y.o || x.n - y.n);
  for (const c of found) if (!oldTaken[c.o] && !newTaken[c.n]) take(c.o, c.n, "similar");
  return pairs;
}

/**
 * Pairs the risk rows of one item and phase across the years, given their risk texts' canonical
 * ids: the same risk text first, then near-miss texts, then, when one row is left on each side,
 * those two (the same risk reworded). Returns pairs of indexes into the two lists.
 */
export function matchRows(olds: readonly number[], news: readonly number[], text: (id: number) => string): [number, number][] {
  // Most item–phase groups hold one row each year: the same risk, reworded or not.
  if (olds.length === 1 && news.length === 1) return [[0, 0]];
  const out: [number, number][] = [];
  const oldTaken = new Uint8Array(olds.length);
  const newTaken = new Uint8Array(news.length);
  const byText = new Map<number, number[]>();
  olds.forEach((t, i) => {
    const list = byText.get(t);
    if (list) list.push(i);
    else byText.set(t, [i]);
  });
  let paired = 0;
  news.forEach((t, n) => {
    const list = byText.get(t);
    const o = list?.shift();
    if (o === undefined) return;
    oldTaken[o] = 1;
    newTaken[n] = 1;
    out.push([o, n]);
    paired++;
  });
  // Rows of one item and phase are a handful and every pair is weighed; a sheet whose rows name
  // no item puts them all in one group, where only equal texts pair.
  const weighed = (olds.length - paired) * (news.length - paired) <= ROW_PAIRS_MAX;
  const found: { o: number; n: number; score: number }[] = [];
  if (weighed && paired < olds.length && paired < news.length) {
    const gramsOf = new Map<number, Set<string>>();
    const grams = (id: number) => {
      let g = gramsOf.get(id);
      if (!g) gramsOf.set(id, (g = bigrams(text(id))));
      return g;
    };
    for (let o = 0; o < olds.length; o++) {
      if (oldTaken[o]) continue;
      for (let n = 0; n < news.length; n++) {
        if (newTaken[n]) continue;
        const score = dice(grams(olds[o] as number), grams(news[n] as number));
        if (score >= SIMILAR) found.push({ o, n, score });
      }
    }
  }
  found.sort((x, y) => y.score - x.score || x.o - y.o || x.n - y.n);
  for (const c of found) {
    if (oldTaken[c.o] || newTaken[c.n]) continue;
    oldTaken[c.o] = 1;
    newTaken[c.n] = 1;
    out.push([c.o, c.n]);
  }
  const leftOld: number[] = [];
  const leftNew: number[] = [];
  for (let o = 0; o < olds.length && leftOld.length < 2; o++) if (!oldTaken[o]) leftOld.push(o);
  for (let n = 0; n < news.length && leftNew.length < 2; n++) if (!newTaken[n]) leftNew.push(n);
  if (leftOld.length === 1 && leftNew.length === 1) out.push([leftOld[0] as number, leftNew[0] as number]);
  return out;
}
