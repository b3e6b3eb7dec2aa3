import { COMPARED_FIELDS, type ItemSnapshot } from "./snapshot";

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
 *    「名刺（営業）」. These are shown as "renamed?", never silently taken as the same item.
 *
 * Ids count only when unique on both sides and both ledgers have an id column.
 */
export interface ItemPair {
  old: number;
  new: number;
  match: "id" | "name" | "similar";
}

/** A near-miss name: the bigram similarity of the two names (brackets dropped) at least this. */
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

type Named = Pick<ItemSnapshot, "nameKey" | "looseKey">;

/** How alike two items' names are, 0–1: 1 when they differ only in bracketed notes, else the bigram similarity. */
export function nameSimilarity(a: Named, b: Named): number {
  if (a.nameKey === "" || b.nameKey === "") return 0;
  if (a.looseKey !== "" && a.looseKey === b.looseKey) return 1;
  return dice(bigrams(a.nameKey), bigrams(b.nameKey));
}

/** The share of the fields recorded on both sides (other than the name) whose values agree, or null when too few are. */
export function fieldAgreement(a: ItemSnapshot, b: ItemSnapshot): number | null {
  let compared = 0;
  let same = 0;
  for (const f of COMPARED_FIELDS) {
    if (f === "name") continue;
    const x = a.fields[f];
    const y = b.fields[f];
    if (x === undefined || y === undefined || (x.key === "" && y.key === "")) continue;
    compared++;
    if (x.key === y.key) same++;
  }
  return compared >= MIN_COMPARED ? same / compared : null;
}

function uniqueKeys(items: readonly ItemSnapshot[], key: (i: ItemSnapshot) => string): Map<string, number> {
  const seen = new Map<string, number>();
  const repeated = new Set<string>();
  items.forEach((it, i) => {
    const k = key(it);
    if (k === "") return;
    if (seen.has(k)) repeated.add(k);
    else seen.set(k, i);
  });
  for (const k of repeated) seen.delete(k);
  return seen;
}

export function matchItems(olds: readonly ItemSnapshot[], news: readonly ItemSnapshot[], useIds: boolean): ItemPair[] {
  const pairs: ItemPair[] = [];
  const oldTaken = new Uint8Array(olds.length);
  const newTaken = new Uint8Array(news.length);
  const take = (o: number, n: number, match: ItemPair["match"]) => {
    oldTaken[o] = 1;
    newTaken[n] = 1;
    pairs.push({ old: o, new: n, match });
  };

  const oldIds = useIds ? uniqueKeys(olds, (i) => i.idKey) : new Map<string, number>();
  const newIds = useIds ? uniqueKeys(news, (i) => i.idKey) : new Map<string, number>();

  // 1. Same id, same name.
  for (const [id, n] of newIds) {
    const o = oldIds.get(id);
    if (o !== undefined && (olds[o] as ItemSnapshot).nameKey === (news[n] as ItemSnapshot).nameKey) take(o, n, "id");
  }

  // 2. Same name.
  const byName = new Map<string, { olds: number[]; news: number[] }>();
  olds.forEach((it, i) => {
    if (oldTaken[i] || it.nameKey === "") return;
    let g = byName.get(it.nameKey);
    if (!g) byName.set(it.nameKey, (g = { olds: [], news: [] }));
    g.olds.push(i);
  });
  news.forEach((it, i) => {
    if (newTaken[i] || it.nameKey === "") return;
    byName.get(it.nameKey)?.news.push(i);
  });
  for (const g of byName.values()) {
    if (g.news.length === 0) continue;
    if (g.olds.length === 1 && g.news.length === 1) {
      take(g.olds[0] as number, g.news[0] as number, "name");
      continue;
    }
    // Several rows of one name: the pairs whose other fields agree most go first, then row order.
    const candidates: { o: number; n: number; score: number }[] = [];
    for (const o of g.olds) for (const n of g.news) candidates.push({ o, n, score: fieldAgreement(olds[o] as ItemSnapshot, news[n] as ItemSnapshot) ?? 0 });
    candidates.sort((a, b) => b.score - a.score || a.o - b.o || a.n - b.n);
    for (const c of candidates) if (!oldTaken[c.o] && !newTaken[c.n]) take(c.o, c.n, "name");
  }

  // 3. Same id, another name.
  for (const [id, n] of newIds) {
    const o = oldIds.get(id);
    if (o === undefined || oldTaken[o] || newTaken[n]) continue;
    const a = olds[o] as ItemSnapshot;
    const b = news[n] as ItemSnapshot;
    if (nameSimilarity(a, b) >= SIMILAR || (fieldAgreement(a, b) ?? 0) >= AGREEING) take(o, n, "id");
  }

  // 4. Near-miss names: candidates from an index of last year's name bigrams, the rarest bigrams first.
  const restOld: number[] = [];
  olds.forEach((it, i) => {
    if (!oldTaken[i] && it.nameKey !== "") restOld.push(i);
  });
  if (restOld.length === 0) return pairs;
  const postings = new Map<string, number[]>();
  const byLoose = new Map<string, number[]>();
  for (const o of restOld) {
    const it = olds[o] as ItemSnapshot;
    for (const g of bigrams(it.nameKey)) {
      const list = postings.get(g);
      if (list) list.push(o);
      else postings.set(g, [o]);
    }
    if (it.looseKey === "") continue;
    const same = byLoose.get(it.looseKey);
    if (same) same.push(o);
    else byLoose.set(it.looseKey, [o]);
  }
  const found: { o: number; n: number; score: number }[] = [];
  const shared = new Map<number, number>();
  news.forEach((it, n) => {
    if (newTaken[n] || it.nameKey === "") return;
    // Names equal but for bracketed notes are candidates whatever their bigrams.
    const sameLoose = it.looseKey === "" ? undefined : byLoose.get(it.looseKey);
    if (sameLoose) for (const o of sameLoose.slice(0, CANDIDATES)) found.push({ o, n, score: 1 });
    const lists: number[][] = [];
    for (const g of bigrams(it.nameKey)) {
      const list = postings.get(g);
      if (list) lists.push(list);
    }
    lists.sort((a, b) => a.length - b.length);
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
    const best = close.length > CANDIDATES ? close.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CANDIDATES) : close;
    for (const [o] of best) {
      const old = olds[o] as ItemSnapshot;
      if (sameLoose && old.looseKey === it.looseKey) continue;
      const score = nameSimilarity(old, it);
      if (score >= SIMILAR) found.push({ o, n, score });
    }
  });
  found.sort((a, b) => b.score - a.score || a.o - b.o || a.n - b.n);
  for (const c of found) if (!oldTaken[c.o] && !newTaken[c.n]) take(c.o, c.n, "similar");
  return pairs;
}

/**
 * Pairs the risk rows of one item and phase across the years: the same risk text first, then
 * near-miss texts, then, when one row is left on each side, those two (the same risk reworded).
 * Returns pairs of indexes into the two lists.
 */
export function matchRows(olds: readonly string[], news: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  const oldTaken = new Uint8Array(olds.length);
  const newTaken = new Uint8Array(news.length);
  const byText = new Map<string, number[]>();
  olds.forEach((t, i) => {
    const list = byText.get(t);
    if (list) list.push(i);
    else byText.set(t, [i]);
  });
  news.forEach((t, n) => {
    const list = byText.get(t);
    const o = list?.shift();
    if (o === undefined) return;
    oldTaken[o] = 1;
    newTaken[n] = 1;
    out.push([o, n]);
  });
  const found: { o: number; n: number; score: number }[] = [];
  // Rows of one item and phase are a handful and every pair is weighed; a sheet whose rows name
  // no item puts them all in one group, where only equal texts pair.
  const weighed = (olds.length - out.length) * (news.length - out.length) <= ROW_PAIRS_MAX;
  for (let o = 0; o < olds.length && weighed; o++) {
    if (oldTaken[o]) continue;
    for (let n = 0; n < news.length; n++) {
      if (newTaken[n]) continue;
      const score = dice(bigrams(olds[o] as string), bigrams(news[n] as string));
      if (score >= SIMILAR) found.push({ o, n, score });
    }
  }
  found.sort((a, b) => b.score - a.score || a.o - b.o || a.n - b.n);
  for (const c of found) {
    if (oldTaken[c.o] || newTaken[c.n]) continue;
    oldTaken[c.o] = 1;
    newTaken[c.n] = 1;
    out.push([c.o, c.n]);
  }
  const leftOld = [...oldTaken.keys()].filter((i) => !oldTaken[i]);
  const leftNew = [...newTaken.keys()].filter((i) => !newTaken[i]);
  if (leftOld.length === 1 && leftNew.length === 1) out.push([leftOld[0] as number, leftNew[0] as number]);
  return out;
}
