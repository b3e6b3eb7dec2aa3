import { FIELD_CATALOGUE, type FieldDef } from "./fields";
import { RECOGNISED_KINDS, type RecognisedKind } from "./kinds";
import { byText, fromOwner } from "../memo";
import { normaliseHeader } from "./normalise";

/** How well one header label names a field: exact spelling, or a known spelling inside it. */
export interface FieldMatch {
  field: string;
  /** 1 for an exact match; below 1 for a containment match, higher when the synonym covers more of the label. */
  score: number;
  exact: boolean;
  signature: boolean;
}

interface KindIndex {
  exact: Map<string, FieldDef>;
  /** Synonyms usable inside a longer label, longest first. */
  contained: { text: string; def: FieldDef }[];
  /**
   * The positions in `contained` of the synonyms starting with each character (UTF-16 unit):
   * a label is searched at each of its characters for the synonyms that could start there,
   * instead of for every synonym in turn.
   */
  byFirst: Map<string, number[]>;
}

export type ExtraSynonyms = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

const MIN_CONTAINED = 3;
/** Labels longer than this are prose, not headers. */
export const MAX_HEADER_LENGTH = 60;

/** The indexes of every kind, and what all kinds together know about a label. */
interface Index {
  kinds: Record<RecognisedKind, KindIndex>;
  /** For each first character (UTF-16 unit), each kind's `byFirst` list (in RECOGNISED_KINDS order). */
  byFirst: Map<string, (readonly number[] | undefined)[]>;
}

const KIND_SLOT = new Map<RecognisedKind, number>(RECOGNISED_KINDS.map((k, i) => [k, i]));
const NO_MATCHES: readonly null[] = Object.freeze(RECOGNISED_KINDS.map(() => null));

const NO_EXTRA: ExtraSynonyms = {};

/** Length in code points, counted without building an array. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function buildIndex(extra: ExtraSynonyms): Index {
  const out = {} as Record<RecognisedKind, KindIndex>;
  for (const kind of RECOGNISED_KINDS) {
    const exact = new Map<string, FieldDef>();
    const contained: { text: string; def: FieldDef }[] = [];
    const catalogue = FIELD_CATALOGUE[kind] as Record<string, Omit<FieldDef, "id">>;
    for (const [id, raw] of Object.entries(catalogue)) {
      const def: FieldDef = { id, ...raw };
      const exactOnly = new Set((raw.exactOnly ?? []).map(normaliseHeader));
      // A field's own labels always name it: templates write them as headers (templates/).
      const spellings = [...raw.synonyms, raw.label.ja, raw.label.en, ...(extra[kind]?.[id] ?? [])];
      for (const s of spellings) {
        const n = normaliseHeader(s);
        if (n === "") continue;
        // First definition wins: the catalogue lists each spelling under the field it means most often.
        if (!exact.has(n)) exact.set(n, def);
        if (!exactOnly.has(n) && codePoints(n) >= MIN_CONTAINED) contained.push({ text: n, def });
      }
    }
    contained.sort((a, b) => b.text.length - a.text.length);
    const byFirst = new Map<string, number[]>();
    contained.forEach(({ text }, i) => {
      const first = text.charAt(0);
      const list = byFirst.get(first);
      if (list) list.push(i);
      else byFirst.set(first, [i]);
    });
    out[kind] = { exact, contained, byFirst };
  }
  const byFirst = new Map<string, (readonly number[] | undefined)[]>();
  RECOGNISED_KINDS.forEach((kind, slot) => {
    for (const [first, list] of out[kind].byFirst) {
      let lists = byFirst.get(first);
      if (!lists) byFirst.set(first, (lists = RECOGNISED_KINDS.map(() => undefined)));
      lists[slot] = list;
    }
  });
  return { kinds: out, byFirst };
}

/**
 * A normalised label's match for every kind, from one scan of the label. Recognition asks about
 * each cell of the first rows for all seven kinds, and most of those cells are data: one scan
 * answers for all seven, and a label is scanned once per index.
 */
function matchesOf(all: Index, n: string): readonly (FieldMatch | null)[] {
  return byText("fieldMatches", n, scanKinds, all, all);
}

function scanKinds(n: string, all: Index): readonly (FieldMatch | null)[] {
  // The first synonym (longest first) found anywhere in the label wins, per kind.
  const best: number[] = RECOGNISED_KINDS.map(() => Infinity);
  for (let i = 0; i < n.length; i++) {
    const lists = all.byFirst.get(n.charAt(i));
    if (!lists) continue;
    for (let slot = 0; slot < lists.length; slot++) {
      const candidates = lists[slot];
      if (!candidates) continue;
      const contained = all.kinds[RECOGNISED_KINDS[slot] as RecognisedKind].contained;
      for (const k of candidates) {
        // Candidates are in list order: the first that fits here is the best from this position.
        if (k >= (best[slot] as number)) break;
        if (n.startsWith((contained[k] as { text: string }).text, i)) {
          best[slot] = k;
          break;
        }
      }
    }
  }
  let any = false;
  const out = RECOGNISED_KINDS.map((kind, slot): FieldMatch | null => {
    const idx = all.kinds[kind];
    const exact = idx.exact.get(n);
    if (exact) {
      any = true;
      return { field: exact.id, score: 1, exact: true, signature: exact.signature === true };
    }
    const k = best[slot] as number;
    if (k === Infinity) return null;
    any = true;
    const { text, def } = idx.contained[k] as { text: string; def: FieldDef };
    const coverage = codePoints(text) / codePoints(n);
    return { field: def.id, score: 0.5 + 0.4 * coverage, exact: false, signature: def.signature === true };
  });
  return any ? out : NO_MATCHES;
}

function indexFor(extra: ExtraSynonyms): Index {
  return fromOwner("fieldIndex", extra, buildIndex);
}

/** The field a header label names for a given sheet kind, or null. */
export function matchField(kind: RecognisedKind, label: string, extra: ExtraSynonyms = NO_EXTRA): FieldMatch | null {
  return matchAllKinds(label, extra)[kindSlot(kind)] ?? null;
}

/** Where a kind's answer sits in `matchAllKinds`' list (the order of RECOGNISED_KINDS). */
export function kindSlot(kind: RecognisedKind): number {
  return KIND_SLOT.get(kind) as number;
}

/** What a header label names for every kind at once (by `kindSlot`); shared, do not modify. */
export function matchAllKinds(label: string, extra: ExtraSynonyms = NO_EXTRA): readonly (FieldMatch | null)[] {
  if (label.length > MAX_HEADER_LENGTH * 2) return NO_MATCHES;
  const n = normaliseHeader(label);
  // Code points never outnumber UTF-16 units: count them only for a long label.
  if (n === "" || (n.length > MAX_HEADER_LENGTH && codePoints(n) > MAX_HEADER_LENGTH)) return NO_MATCHES;
  return matchesOf(indexFor(extra), n);
}
