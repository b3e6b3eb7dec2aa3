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
  const out = new Set<string>();
  let previous = "";
  for (const ch of key) {
    if (previous !== "") out.add(previous + ch);
    previous = ch;
  }
  if (out.size === 0 && previous !== "") out.add(previous);
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

/** A candidate pair and how alike the two are; the best go first, then row order. */
interface Candidate {
  o: number;
  n: number;
  score: number;
}

const byScore = (x: Candidate, y: Candidate): number => y.score - x.score || x.o - y.o || x.n - y.n;

/** Last year's names not yet paired, indexed for pass 4: by bigram, and by name without bracketed notes. */
interface NameIndex {
  postings: Map<string, number[]>;
  byLoose: Map<number, number[]>;
}

/** The four passes of `matchItems`, each over the items the earlier ones left free. */
class ItemMatcher {
  readonly pairs: ItemPair[] = [];
  private readonly oldTaken: Uint8Array;
  private readonly newTaken: Uint8Array;
  private readonly ga: Grams;
  private readonly gb: Grams;
  constructor(
    private readonly a: ItemView,
    private readonly b: ItemView,
  ) {
    this.oldTaken = new Uint8Array(a.count);
    this.newTaken = new Uint8Array(b.count);
    this.ga = new Grams(a);
    this.gb = new Grams(b);
  }

  private take(o: number, n: number, match: ItemPair["match"]): void {
    this.oldTaken[o] = 1;
    this.newTaken[n] = 1;
    this.pairs.push({ old: o, new: n, match });
  }

  /** 1. Same id, same name. */
  sameIdSameName(oldIds: ReadonlyMap<number, number>, newIds: ReadonlyMap<number, number>): void {
    for (const [id, n] of newIds) {
      const o = oldIds.get(id);
      if (o !== undefined && this.a.nameId(o) === this.b.nameId(n)) this.take(o, n, "id");
    }
  }

  /** 2. Same name. */
  sameName(): void {
    const { a, b } = this;
    const byName = new Map<number, { olds: number[]; news: number[] }>();
    for (let i = 0; i < a.count; i++) {
      const k = a.nameId(i);
      if (this.oldTaken[i] || k <= 0) continue;
      let g = byName.get(k);
      if (!g) byName.set(k, (g = { olds: [], news: [] }));
      g.olds.push(i);
    }
    for (let i = 0; i < b.count; i++) {
      const k = b.nameId(i);
      if (this.newTaken[i] || k <= 0) continue;
      byName.get(k)?.news.push(i);
    }
    for (const g of byName.values()) {
      if (g.news.length === 0) continue;
      const oneOld = only(g.olds);
      const oneNew = only(g.news);
      if (oneOld >= 0 && oneNew >= 0) this.take(oneOld, oneNew, "name");
      else this.namesakes(g.olds, g.news);
    }
  }

  /** Several rows of one name (紙 and 電子): the pairs whose other fields agree most go first, then row order. */
  private namesakes(olds: readonly number[], news: readonly number[]): void {
    const candidates: Candidate[] = [];
    for (const o of olds.slice(0, CANDIDATES)) for (const n of news.slice(0, CANDIDATES)) candidates.push({ o, n, score: agreement(this.a, o, this.b, n) ?? 0 });
    candidates.sort(byScore);
    for (const c of candidates) if (!this.oldTaken[c.o] && !this.newTaken[c.n]) this.take(c.o, c.n, "name");
    // Beyond the rows weighed, the rest of one name pair in row order.
    const left = news.filter((n) => !this.newTaken[n]);
    let k = 0;
    for (const o of olds) {
      if (this.oldTaken[o]) continue;
      const n = left[k++];
      if (n === undefined) break;
      this.take(o, n, "name");
    }
  }

  /** 3. Same id, another name: only when the names are near misses or most other fields agree. */
  sameIdOtherName(oldIds: ReadonlyMap<number, number>, newIds: ReadonlyMap<number, number>): void {
    const { a, b } = this;
    for (const [id, n] of newIds) {
      const o = oldIds.get(id);
      if (o === undefined || this.oldTaken[o] || this.newTaken[n]) continue;
      if (similarity(a, o, this.ga, b, n, this.gb) >= SIMILAR || (agreement(a, o, b, n) ?? 0) >= AGREEING) this.take(o, n, "id");
    }
  }

  /** 4. Near-miss names: candidates from an index of last year's name bigrams, the rarest bigrams first. */
  nearMissNames(): void {
    const index = this.freeOldNames();
    if (!index) return;
    const found: Candidate[] = [];
    const shared = new Map<number, number>();
    for (let n = 0; n < this.b.count; n++) {
      if (this.newTaken[n] || this.b.nameId(n) <= 0) continue;
      this.nearMissesOf(n, index, shared, found);
    }
    found.sort(byScore);
    for (const c of found) if (!this.oldTaken[c.o] && !this.newTaken[c.n]) this.take(c.o, c.n, "similar");
  }

  /** The index of last year's free names; null when none is left. */
  private freeOldNames(): NameIndex | null {
    const postings = new Map<string, number[]>();
    const byLoose = new Map<number, number[]>();
    let rest = 0;
    for (let o = 0; o < this.a.count; o++) {
      if (this.oldTaken[o] || this.a.nameId(o) <= 0) continue;
      rest++;
      for (const g of this.ga.of(o)) {
        const list = postings.get(g);
        if (list) list.push(o);
        else postings.set(g, [o]);
      }
      const loose = this.a.looseId(o);
      if (loose <= 0) continue;
      const same = byLoose.get(loose);
      if (same) same.push(o);
      else byLoose.set(loose, [o]);
    }
    return rest === 0 ? null : { postings, byLoose };
  }

  /** Adds to `found` last year's names near this year's name n; `shared` is scratch space. */
  private nearMissesOf(n: number, index: NameIndex, shared: Map<number, number>, found: Candidate[]): void {
    // Names equal but for bracketed notes are candidates whatever their bigrams.
    const loose = this.b.looseId(n);
    const sameLoose = loose > 0 ? index.byLoose.get(loose) : undefined;
    if (sameLoose) for (const o of sameLoose.slice(0, CANDIDATES)) found.push({ o, n, score: 1 });
    this.countShared(n, index.postings, shared);
    for (const o of closest(shared)) {
      if (loose > 0 && this.a.looseId(o) === loose) continue;
      const score = similarity(this.a, o, this.ga, this.b, n, this.gb);
      if (score >= SIMILAR) found.push({ o, n, score });
    }
  }

  /** Into `shared`: last year's items and how many of name n's bigrams they share, following the rarest bigrams first. */
  private countShared(n: number, postings: ReadonlyMap<string, number[]>, shared: Map<number, number>): void {
    const lists: number[][] = [];
    for (const g of this.gb.of(n)) {
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
  }
}

/** Only the items sharing the most bigrams can be near: at most CANDIDATES of those sharing at least half the most. */
function closest(shared: ReadonlyMap<number, number>): number[] {
  let most = 0;
  for (const c of shared.values()) if (c > most) most = c;
  const close: [number, number][] = [];
  for (const e of shared) if (e[1] * 2 >= most) close.push(e);
  const best = close.length > CANDIDATES ? close.sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, CANDIDATES) : close;
  return best.map(([o]) => o);
}

/** Pairs last year's items with this year's in the four passes described at ItemPair. */
export function matchItems(a: ItemView, b: ItemView, useIds: boolean): ItemPair[] {
  const matcher = new ItemMatcher(a, b);
  const oldIds = useIds ? uniqueIds(a) : new Map<number, number>();
  const newIds = useIds ? uniqueIds(b) : new Map<number, number>();
  matcher.sameIdSameName(oldIds, newIds);
  matcher.sameName();
  matcher.sameIdOtherName(oldIds, newIds);
  matcher.nearMissNames();
  return matcher.pairs;
}

/** The risk texts of both years' rows as canonical ids, and the text of an id. */
export interface RowTexts {
  oldId(row: number): number;
  newId(row: number): number;
  text(id: number): string;
}

/**
 * Indexes paired across the years (items or risk rows), each pair numbered in the order it was
 * made; -1 for an index without a partner.
 */
export class Pairing {
  readonly pairs: [number, number][] = [];
  private readonly ofOld: Int32Array;
  private readonly ofNew: Int32Array;
  constructor(oldCount: number, newCount: number) {
    this.ofOld = new Int32Array(oldCount).fill(-1);
    this.ofNew = new Int32Array(newCount).fill(-1);
  }
  pair(o: number, n: number): void {
    this.ofOld[o] = this.pairs.length;
    this.ofNew[n] = this.pairs.length;
    this.pairs.push([o, n]);
  }
  /** The number of the pair last year's index o is in; -1 when it has no partner. */
  ofOldIndex(o: number): number {
    return this.ofOld[o] ?? -1;
  }
  ofNewIndex(n: number): number {
    return this.ofNew[n] ?? -1;
  }
  oldFree(o: number): boolean {
    return this.ofOldIndex(o) === -1;
  }
  newFree(n: number): boolean {
    return this.ofNewIndex(n) === -1;
  }
}

/** The one entry of a list; -1 when it has none or several. */
function only(list: readonly number[]): number {
  return list.length === 1 ? (list[0] ?? -1) : -1;
}

/** The one entry of a list that is still free; -1 when none or several are. */
function onlyFree(list: readonly number[], free: (k: number) => boolean): number {
  let found = -1;
  for (const k of list) {
    if (!free(k)) continue;
    if (found >= 0) return -1;
    found = k;
  }
  return found;
}

/**
 * Pairs the free risk rows of one item and phase across the years, by their risk texts: the
 * same text first, then near-miss texts, then, when one row is left on each side, those two
 * (the same risk reworded). Rows are indexes into each year's risk rows; pairs go to `pairing`.
 */
export function matchRows(olds: readonly number[], news: readonly number[], texts: RowTexts, pairing: Pairing): void {
  // Most item–phase groups hold one row each year: the same risk, reworded or not.
  const oneOld = only(olds);
  const oneNew = only(news);
  if (oneOld >= 0 && oneNew >= 0) {
    pairing.pair(oneOld, oneNew);
    return;
  }
  const byText = new Map<number, number[]>();
  for (const o of olds) {
    const t = texts.oldId(o);
    const list = byText.get(t);
    if (list) list.push(o);
    else byText.set(t, [o]);
  }
  let paired = 0;
  for (const n of news) {
    const o = byText.get(texts.newId(n))?.shift();
    if (o === undefined) continue;
    pairing.pair(o, n);
    paired++;
  }
  // Rows of one item and phase are a handful and every pair is weighed; a sheet whose rows name
  // no item puts them all in one group, where only equal texts pair.
  const weighed = (olds.length - paired) * (news.length - paired) <= ROW_PAIRS_MAX;
  // x and y: the rows' places in the lists, which break ties.
  const found: { o: number; n: number; x: number; y: number; score: number }[] = [];
  if (weighed && paired < olds.length && paired < news.length) {
    const gramsOf = new Map<number, Set<string>>();
    const grams = (id: number) => {
      let g = gramsOf.get(id);
      if (!g) gramsOf.set(id, (g = bigrams(texts.text(id))));
      return g;
    };
    for (const [x, o] of olds.entries()) {
      if (!pairing.oldFree(o)) continue;
      const oldGrams = grams(texts.oldId(o));
      for (const [y, n] of news.entries()) {
        if (!pairing.newFree(n)) continue;
        const score = dice(oldGrams, grams(texts.newId(n)));
        if (score >= SIMILAR) found.push({ o, n, x, y, score });
      }
    }
  }
  found.sort((p, q) => q.score - p.score || p.x - q.x || p.y - q.y);
  for (const c of found) if (pairing.oldFree(c.o) && pairing.newFree(c.n)) pairing.pair(c.o, c.n);
  const leftOld = onlyFree(olds, (o) => pairing.oldFree(o));
  const leftNew = onlyFree(news, (n) => pairing.newFree(n));
  if (leftOld >= 0 && leftNew >= 0) pairing.pair(leftOld, leftNew);
}
