import type { LocalisedText } from "../i18n/text";
import type { Medium } from "../read/medium";
import { fromOwner } from "../memo";
import { BUILTIN_LIBRARY, genericEntry } from "./entries";
import { IMPROPER_HANDLING, libraryEntrySchema, type ItemTrait, type LibraryEntry, type RiskLibraryInput } from "./schema";

export * from "./schema";

/**
 * The risk library a draft takes its rows from: the built-in entries, with a profile's own added
 * or put in place of built-in ones with the same id, and its excluded ids left out. Checked
 * when loaded, the built-in data as a profile file is: each entry against the schema, and the
 * whole for what a schema cannot say (ids used twice, a phase the profile does not have, texts
 * missing in one language or left untranslated, improper handling without a measure).
 */

/** A problem with a library, at a path inside the profile (`$.riskLibrary.entries[3].risk.en`). */
export interface LibraryProblem {
  path: (string | number)[];
  message: LocalisedText;
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]/;

/**
 * What is wrong with a list of entries: `phases` are the ids the profile knows, `at` maps an
 * entry's index to its path. Improper handling must come with a measure in both languages,
 * since J.3.1.4 allows no residual risk of it.
 */
export function libraryProblems(entries: readonly LibraryEntry[], phases: readonly string[], at: (i: number) => (string | number)[] = (i) => [i]): LibraryProblem[] {
  const out: LibraryProblem[] = [];
  const seen = new Map<string, number>();
  const known = new Set(phases);
  entries.forEach((e, i) => {
    const path = at(i);
    const first = seen.get(e.id);
    if (first !== undefined) out.push({ path: [...path, "id"], message: { ja: `ID「${e.id}」が ${first + 1} 件目と重複しています`, en: `id "${e.id}" is used twice (also entry ${first + 1})` } });
    else seen.set(e.id, i);
    if (!known.has(e.phase)) {
      const list = phases.join(", ");
      out.push({ path: [...path, "phase"], message: { ja: `局面「${e.phase}」はプロファイルにありません(${list})`, en: `phase "${e.phase}" is not one of the profile's (${list})` } });
    }
    for (const key of ["risk", "measure"] as const) {
      const text = e[key];
      if (text.ja.trim() === "") out.push({ path: [...path, key, "ja"], message: { ja: "日本語の文が空です", en: "the Japanese text is empty" } });
      else if (!JAPANESE.test(text.ja)) out.push({ path: [...path, key, "ja"], message: { ja: "日本語の文に日本語がありません(英語のままです)", en: "the Japanese text has no Japanese in it" } });
      if (text.en.trim() === "") out.push({ path: [...path, key, "en"], message: { ja: "英語の文が空です", en: "the English text is empty" } });
      else if (JAPANESE.test(text.en)) out.push({ path: [...path, key, "en"], message: { ja: "英語の文に日本語が残っています(未翻訳)", en: "the English text still has Japanese in it (untranslated)" } });
    }
    if (IMPROPER_HANDLING.has(e.type) && !/J\.3\.1\.4/.test(e.clause)) {
      out.push({
        path: [...path, "clause"],
        message: {
          ja: "不適正な取扱い(目的外利用・不正取得・同意のない提供・法令違反)のリスクは、残留リスクとして受容できない根拠 J.3.1.4 を挙げてください",
          en: "a risk of improper handling must cite J.3.1.4, which allows no residual risk of it",
        },
      });
    }
  });
  return out;
}

/** The built-in entries, checked the first time they are used: a broken entry is a bug, never a silent gap. */
export function builtinLibrary(): readonly LibraryEntry[] {
  return fromOwner("checked", BUILTIN_LIBRARY, checkedBuiltin);
}

function checkedBuiltin(entries: readonly LibraryEntry[]): readonly LibraryEntry[] {
  entries.forEach((e, i) => {
    const parsed = libraryEntrySchema.safeParse(e);
    if (!parsed.success) throw new Error(`risk library entry ${i} (${e.id}): ${parsed.error.issues[0]?.message ?? "invalid"}`);
  });
  const problems = libraryProblems(entries, ["acquire", "transfer", "use", "store", "entrust", "dispose"]);
  if (problems[0]) throw new Error(`risk library entry ${String(problems[0].path[0])}: ${problems[0].message.en}`);
  return entries;
}

/** The library a profile drafts from: built-in entries (unless `builtin: false`), minus `exclude`, with the profile's entries replacing or added. */
export function resolveLibrary(input: RiskLibraryInput | undefined): LibraryEntry[] {
  const excluded = new Set(input?.exclude ?? []);
  const own = input?.entries ?? [];
  const replaced = new Map(own.map((e) => [e.id, e]));
  const out: LibraryEntry[] = [];
  if (input?.builtin !== false) {
    for (const e of builtinLibrary()) {
      if (excluded.has(e.id)) continue;
      const r = replaced.get(e.id);
      out.push(r ?? e);
      if (r) replaced.delete(e.id);
    }
  }
  // Entries that replaced nothing are added, in the profile's order.
  for (const e of own) if (replaced.get(e.id) === e && !excluded.has(e.id)) out.push(e);
  return out;
}

/**
 * Entries for an item in a phase: those of its medium (both media's for an item on paper and
 * in data, or whose medium the ledger does not say) whose traits the item all has. A phase the
 * library has no entry for at all gets the generic one, so no phase is left undrafted.
 */
export function entriesFor(library: readonly LibraryEntry[], phase: string, medium: Medium | null, traits: ReadonlySet<ItemTrait>): LibraryEntry[] {
  let known = false;
  const out: LibraryEntry[] = [];
  for (const e of library) {
    if (e.phase !== phase) continue;
    known = true;
    if ((e.media === "any" || medium === null || medium === "both" || e.media === medium) && (e.when ?? []).every((t) => traits.has(t))) out.push(e);
  }
  return known ? out : [genericEntry(phase)];
}

/** The scoring inputs a profile may give drafted rows a default for. */
export const DRAFT_SCORE_FIELDS = ["likelihood", "impact", "assetValue", "confidentiality", "integrity", "availability", "threat", "vulnerability"] as const;

/**
 * What is wrong with a profile's library and draft settings beyond what its schema says, with
 * paths into the profile file: `phases` are the ids the profile ends up with (its own, its
 * base's or the default's).
 */
export function profileLibraryProblems(input: { riskLibrary?: RiskLibraryInput | undefined; draft?: { scores?: Record<string, unknown> | undefined } | undefined }, phases: readonly string[]): LibraryProblem[] {
  const own = input.riskLibrary?.entries ?? [];
  const out = libraryProblems(own, phases, (i) => ["riskLibrary", "entries", i]);
  const known = new Set(builtinLibrary().map((e) => e.id));
  (input.riskLibrary?.exclude ?? []).forEach((id, i) => {
    if (!known.has(id)) out.push({ path: ["riskLibrary", "exclude", i], message: { ja: `組み込みのリスクライブラリに ID「${id}」はありません`, en: `the built-in risk library has no id "${id}"` } });
  });
  const fields: readonly string[] = DRAFT_SCORE_FIELDS;
  for (const key of Object.keys(input.draft?.scores ?? {})) {
    if (!fields.includes(key)) out.push({ path: ["draft", "scores", key], message: { ja: `評価の入力項目ではありません(${fields.join(", ")})`, en: `not a scoring input (${fields.join(", ")})` } });
  }
  return out;
}
