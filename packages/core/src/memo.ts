/**
 * Every cache core keeps, in this one module, with one bounding policy.
 *
 * A store holds a pure function's results by cell text: a sheet repeats the same few texts
 * (高/中/低, ○/×, phase names, a template's wording) down thousands of rows, and ICU
 * normalisation and the readers' patterns cost more than a lookup. Each store keeps at most
 * `ENTRIES` texts per generation in two generations: when the current one is full it becomes the
 * previous one and the one before is dropped, and a text found in the previous one moves back.
 * A working set that fits stays served; a larger one loses only its oldest texts. Texts longer
 * than `MAX_TEXT` are computed and not kept. Stores of something a profile owns (its phases, its
 * extra header spellings) are kept per owner object and go with it.
 *
 * A store is here only while measurement shows it pays on a first check (bench/README.md);
 * everything else is computed once in the workbook model, not cached.
 */

/** The stores, by what they remember. */
export type Store =
  /** NFKC of a text (an ICU call). */
  | "nfkc"
  /** A header label's normal form, and what it names for every kind (per header index). */
  | "header"
  | "fieldMatches"
  /** The value readers: level words, yes/no, phases (per phase list), categories, counts, dates, media. */
  | "level"
  | "yesNo"
  | "phase"
  | "category"
  | "count"
  | "date"
  | "medium"
  /** Name keys for linking risk rows to ledger items. */
  | "nameKey"
  | "looseNameKey"
  /** Whether a contractor or recipient cell names parties. */
  | "party"
  /** A retention period read from text. */
  | "retention"
  /** Text classifications of risk and measure cells. */
  | "measure"
  | "improper"
  | "vague"
  | "cloud";

/** Texts per generation: the distinct texts of a 50,000-item ledger's busiest column fit. */
const ENTRIES = 100_000;
/** Texts longer than this are computed each time: real cell values are short. */
export const MAX_TEXT = 200;

class Generations<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  get(key: string): V | undefined {
    let out = this.current.get(key);
    if (out === undefined) {
      out = this.previous.get(key);
      if (out !== undefined) this.set(key, out);
    }
    return out;
  }

  set(key: string, value: V): void {
    if (this.current.size >= ENTRIES) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }
}

const stores = new Map<Store, Generations<unknown>>();
const owned = new Map<Store, WeakMap<object, Generations<unknown>>>();

function storeOf(store: Store, owner?: object): Generations<unknown> {
  if (owner === undefined) {
    let s = stores.get(store);
    if (!s) stores.set(store, (s = new Generations()));
    return s;
  }
  let byOwner = owned.get(store);
  if (!byOwner) owned.set(store, (byOwner = new WeakMap()));
  let s = byOwner.get(owner);
  if (!s) byOwner.set(owner, (s = new Generations()));
  return s;
}

/**
 * `compute(text, arg)` remembered by text in `store` (per `owner` when given: a result that
 * depends on the owner's contents). `undefined` results are not kept.
 */
export function byText<T, A = undefined>(store: Store, text: string, compute: (text: string, arg: A) => T, arg?: A, owner?: object): T {
  if (text.length > MAX_TEXT) return compute(text, arg as A);
  const s = storeOf(store, owner) as Generations<T>;
  let out = s.get(text);
  if (out === undefined) {
    out = compute(text, arg as A);
    if (out !== undefined) s.set(text, out);
  }
  return out;
}

/** `compute(text)` remembered in `store`, as a function of the text (for module-level readers). */
export function textMemo<T>(store: Store, compute: (text: string) => T): (text: string) => T {
  return (text) => byText(store, text, compute);
}

const derived = new WeakMap<object, Map<string, unknown>>();

/**
 * Something built once from an object a profile owns (its phase table, its header index): kept
 * as long as the object is, one per `kind`.
 */
export function fromOwner<O extends object, T>(kind: string, owner: O, build: (owner: O) => T): T {
  let byKind = derived.get(owner);
  if (!byKind) derived.set(owner, (byKind = new Map()));
  let out = byKind.get(kind) as T | undefined;
  if (out === undefined) {
    out = build(owner);
    byKind.set(kind, out);
  }
  return out;
}
