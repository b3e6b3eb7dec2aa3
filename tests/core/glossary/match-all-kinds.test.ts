import { describe, expect, it } from "vitest";
import { FIELD_CATALOGUE } from "../../../packages/core/src/glossary/fields";
import { RECOGNISED_KINDS, type RecognisedKind } from "../../../packages/core/src/glossary/kinds";
import { kindSlot, matchAllKinds, matchField, MAX_HEADER_LENGTH, type FieldMatch } from "../../../packages/core/src/glossary/match";
import { normaliseHeader } from "../../../packages/core/src/glossary/normalise";

/**
 * The definition the indexed matcher must agree with: an exact spelling of the kind, else the
 * first of the kind's containable spellings (longest first, catalogue order among equals) that
 * occurs anywhere in the label; scored by how much of the label it covers.
 */
type Spelling = { id: string; signature: boolean };
const tables = new Map<RecognisedKind, { exact: Map<string, Spelling>; contained: (Spelling & { text: string })[] }>();

function tableOf(kind: RecognisedKind) {
  let t = tables.get(kind);
  if (!t) {
    const exact = new Map<string, Spelling>();
    const contained: (Spelling & { text: string })[] = [];
    for (const [id, raw] of Object.entries(FIELD_CATALOGUE[kind]) as [string, { synonyms: readonly string[]; label: { ja: string; en: string }; exactOnly?: readonly string[]; signature?: boolean }][]) {
      const exactOnly = new Set((raw.exactOnly ?? []).map(normaliseHeader));
      for (const s of [...raw.synonyms, raw.label.ja, raw.label.en]) {
        const text = normaliseHeader(s);
        if (text === "") continue;
        if (!exact.has(text)) exact.set(text, { id, signature: raw.signature === true });
        if (!exactOnly.has(text) && [...text].length >= 3) contained.push({ text, id, signature: raw.signature === true });
      }
    }
    // Longest first; a stable sort keeps catalogue order among spellings of equal length.
    contained.sort((a, b) => b.text.length - a.text.length);
    tables.set(kind, (t = { exact, contained }));
  }
  return t;
}

function reference(kind: RecognisedKind, label: string): FieldMatch | null {
  if (label.length > MAX_HEADER_LENGTH * 2) return null;
  const n = normaliseHeader(label);
  if (n === "" || [...n].length > MAX_HEADER_LENGTH) return null;
  const { exact, contained } = tableOf(kind);
  const e = exact.get(n);
  if (e) return { field: e.id, score: 1, exact: true, signature: e.signature };
  const hit = contained.find((c) => n.includes(c.text));
  if (!hit) return null;
  return { field: hit.id, score: 0.5 + 0.4 * ([...hit.text].length / [...n].length), exact: false, signature: hit.signature };
}

/** Every spelling of every kind, some joined to a group heading or to data, some cut short. */
function labels(): string[] {
  const out = new Set<string>(["", "No.", "備考", "山田太郎", "2024/4/1", "約1,000件", "氏名、住所、電話番号、メールアドレス", "𠮷野家の顧客名簿（紙）"]);
  const spellings: string[] = [];
  for (const kind of RECOGNISED_KINDS) {
    for (const raw of Object.values(FIELD_CATALOGUE[kind]) as { synonyms: readonly string[]; label: { ja: string; en: string } }[]) {
      spellings.push(...raw.synonyms, raw.label.ja, raw.label.en);
    }
  }
  spellings.forEach((s, i) => {
    out.add(s);
    out.add(`${s}（必須）`);
    out.add(s.slice(0, Math.max(1, s.length - 1)));
    out.add(`取得${s}`);
    const other = spellings[(i * 7 + 3) % spellings.length] as string;
    out.add(`${other}${s}`);
    out.add(`${s}・${other}の記入欄`);
  });
  return [...out];
}

describe("matchAllKinds", () => {
  const all = labels();

  it("answers for each kind what a scan of that kind's spellings finds", () => {
    let matched = 0;
    for (const label of all) {
      const answers = matchAllKinds(label);
      expect(answers).toHaveLength(RECOGNISED_KINDS.length);
      for (const kind of RECOGNISED_KINDS) {
        const want = reference(kind, label);
        expect(answers[kindSlot(kind)] ?? null, `${kind}: ${label}`).toEqual(want);
        expect(matchField(kind, label)).toEqual(want);
        if (want) matched++;
      }
    }
    // The labels above exercise both outcomes, in every kind.
    expect(matched).toBeGreaterThan(all.length);
    expect(all.length).toBeGreaterThan(1000);
  });

  it("gives the same answer when asked again (memoised) and for labels too long to be headers", () => {
    const label = "個人情報の名称";
    expect(matchAllKinds(label)).toBe(matchAllKinds(label));
    expect(matchAllKinds("個".repeat(MAX_HEADER_LENGTH * 2 + 1)).every((m) => m === null)).toBe(true);
    expect(matchAllKinds("保管場所".repeat(16)).every((m) => m === null)).toBe(true);
  });
});
