import { FIELD_CATALOGUE, type FieldDef } from "./fields";
import { RECOGNISED_KINDS, type RecognisedKind } from "./kinds";
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

const indexCache = new WeakMap<object, Record<RecognisedKind, KindIndex>>();
const NO_EXTRA: ExtraSynonyms = {};

function buildIndex(extra: ExtraSynonyms): Record<RecognisedKind, KindIndex> {
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
        if (!exactOnly.has(n) && [...n].length >= MIN_CONTAINED) contained.push({ text: n, def });
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
  return out;
}

function indexFor(extra: ExtraSynonyms): Record<RecognisedKind, KindIndex> {
  let idx = indexCache.get(extra);
  if (!idx) {
    idx = buildIndex(extra);
    indexCache.set(extra, idx);
  }
  return idx;
}

/** The field a header label names for a given sheet kind, or null. */
export function matchField(kind: RecognisedKind, label: string, extra: ExtraSynonyms = NO_EXTRA): FieldMatch | null {
  if (label.length > MAX_HEADER_LENGTH * 2) return null;
  const n = normaliseHeader(label);
  if (n === "" || [...n].length > MAX_HEADER_LENGTH) return null;
  const idx = indexFor(extra)[kind];
  const exact = idx.exact.get(n);
  if (exact) return { field: exact.id, score: 1, exact: true, signature: exact.signature === true };
  // The first synonym (longest first) found anywhere in the label wins.
  const found = firstContained(idx, n);
  if (found === undefined) return null;
  const { text, def } = found;
  const coverage = [...text].length / [...n].length;
  return { field: def.id, score: 0.5 + 0.4 * coverage, exact: false, signature: def.signature === true };
}

/** The earliest entry of `contained` that occurs in `n` (as a scan of the whole list would find). */
function firstContained(idx: KindIndex, n: string): { text: string; def: FieldDef } | undefined {
  let best = Infinity;
  for (let i = 0; i < n.length; i++) {
    const candidates = idx.byFirst.get(n.charAt(i));
    if (!candidates) continue;
    for (const k of candidates) {
      // Candidates are in list order: the first that fits here is the best from this position.
      if (k >= best) break;
      if (n.startsWith((idx.contained[k] as { text: string }).text, i)) {
        best = k;
        break;
      }
    }
  }
  return best === Infinity ? undefined : idx.contained[best];
}
