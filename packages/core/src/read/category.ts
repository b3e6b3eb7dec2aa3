import type { CellValue } from "../grid/grid";
import { nfkc } from "../glossary/normalise";
import { INFO_CATEGORY_WORDS, type InfoCategory } from "../glossary/value-words";
import { compact, fail, ok, prepare, readByText, type ReadResult } from "./result";

export type { InfoCategory } from "../glossary/value-words";

/** What a 区分 cell says about an item: its categories, and the flags they imply. */
export interface CategoryValue {
  categories: readonly InfoCategory[];
  /** 要配慮個人情報 (or a category handled like it). */
  sensitive: boolean;
  /** 特定個人情報 (My Number). */
  myNumber: boolean;
}

const LOOKUP: ReadonlyMap<string, InfoCategory> = new Map(
  (Object.entries(INFO_CATEGORY_WORDS) as [InfoCategory, readonly string[]][]).flatMap(([category, words]) => words.map((w) => [compact(nfkc(w).toLowerCase()), category] as const)),
);

/** Several categories in one cell: 「個人情報・要配慮個人情報」「特定個人情報/個人情報」. */
const SEPARATOR = /[、,，/／・･;；|]+|及び|および|\band\b/;

/**
 * Reads a 個人情報区分 cell: 個人情報, 要配慮個人情報, 特定個人情報, 個人関連情報, 仮名加工情報,
 * 匿名加工情報 (and their short and English spellings), alone or several in one cell. A bracketed
 * note naming a category counts too: 「個人情報(要配慮)」 is sensitive.
 */
export function readInfoCategory(v: CellValue): ReadResult<CategoryValue> | null {
  return readByText("category", v, readOnce, undefined);
}

function readOnce(v: CellValue): ReadResult<CategoryValue> | null {
  const cell = prepare(v);
  if (cell.kind === "blank") return null;
  if (cell.kind !== "text") return fail();
  const text = nfkc(cell.text).toLowerCase().replace(/[()[\]「」【】]/g, "・");
  const found: InfoCategory[] = [];
  for (const part of text.split(SEPARATOR)) {
    const key = compact(part);
    if (key === "") continue;
    const category = LOOKUP.get(key);
    if (category === undefined) return fail();
    if (!found.includes(category)) found.push(category);
  }
  if (found.length === 0) return fail();
  return ok({ categories: found, sensitive: found.includes("sensitive"), myNumber: found.includes("myNumber") });
}
