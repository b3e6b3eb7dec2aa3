import type { CellValue } from "../grid/grid";
import { nfkc } from "../glossary/normalise";
import { DEFAULT_PHASES } from "../glossary/phases";
import { fromOwner } from "../memo";
import type { PhaseDef } from "../profile/schema";
import { fail, ok, prepare, stripBrackets, readByText, type ReadResult } from "./result";

/** Circled numbers (①–⑳, ㉑–㊿, ❶…) become plain digits under NFKC, so they go first. */
const CIRCLED = /[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf\u2776-\u2793]/g;
/** Leading numbering: 「1.」「1)」「1-」「1:」「1、」「1 」 (「(1)」 went with the brackets). */
const LEADING_NUMBER = /^\d{1,2}(?:\s*[.):、-]|\s)\s*/;
/** Separators inside a phase label: 「取得・入力」「取得/入力」「消去及び廃棄」「Use & processing」. */
const JOINERS = /[\s・･·•/、,.。&+_-]+|及び|および/g;

/** The normal form phase labels and cells are compared in. */
export function normalisePhase(text: string): string {
  const s = nfkc(text.replace(CIRCLED, "")).toLowerCase();
  const bare = (t: string): string => t.trim().replace(LEADING_NUMBER, "").replace(JOINERS, "");
  // A cell that is only a bracketed label (「【廃棄】」) keeps its content.
  return bare(stripBrackets(s)) || bare(stripBrackets(s, true));
}

interface PhaseTable {
  /** Normalised spelling → phase id, or null when two phases claim the same spelling. */
  exact: Map<string, string | null>;
  /** Unambiguous spellings of two or more characters, longest first, for prefix matches. */
  prefixes: { key: string; id: string }[];
}

// Readers run once per row over tens of thousands of rows: the table is built once per phase list.
function tableFor(phases: readonly PhaseDef[]): PhaseTable {
  return fromOwner("phaseTable", phases, buildTable);
}

function buildTable(phases: readonly PhaseDef[]): PhaseTable {
  const exact = new Map<string, string | null>();
  for (const phase of phases) {
    for (const spelling of [phase.id, phase.label.ja, phase.label.en, ...phase.synonyms]) {
      const key = normalisePhase(spelling);
      if (key === "") continue;
      const prior = exact.get(key);
      exact.set(key, prior === undefined || prior === phase.id ? phase.id : null);
    }
  }
  const prefixes = [...exact]
    .filter((e): e is [string, string] => e[1] !== null && [...e[0]].length >= 2)
    .map(([key, id]) => ({ key, id }))
    .sort((a, b) => b.key.length - a.key.length);
  return { exact, prefixes };
}

/**
 * Reads a lifecycle-phase cell as a phase id. An exact spelling (after normalisation) wins;
 * otherwise a cell that starts with a spelling, longest first, is that phase (「取得時」,
 * 「保管中」; hint 「部分一致」) unless the rest names another phase (「取得・利用」: hint 「複数該当」).
 * Pass the profile's phases; the lookup is cached per array, so reuse the same array.
 */
export function readPhase(v: CellValue, phases: readonly PhaseDef[] = DEFAULT_PHASES): ReadResult<string> | null {
  return readByText("phase", v, readPhaseOnce, phases, phases);
}

function readPhaseOnce(v: CellValue, phases: readonly PhaseDef[]): ReadResult<string> | null {
  const cell = prepare(v);
  if (cell.kind === "blank") return null;
  if (cell.kind !== "text") return fail();
  const key = normalisePhase(cell.text);
  if (key === "") return fail();
  const table = tableFor(phases);

  const exact = table.exact.get(key);
  if (exact !== undefined) return exact === null ? fail("複数該当") : ok(exact);

  const head = table.prefixes.find((p) => key.startsWith(p.key));
  if (!head) return fail();
  const rest = key.slice(head.key.length);
  const other = table.prefixes.some((p) => p.id !== head.id && rest.includes(p.key));
  return other ? fail("複数該当") : ok(head.id, "部分一致");
}
