import type { LocalisedText } from "@pmark/core";
import { READ_LIMITS, type BudgetLimit } from "./budget";

/**
 * Why an input could not be checked. Failures are data: the loader never throws for a bad
 * file, and every code renders as one line in Japanese and English that names the file.
 */
export type FailureCode =
  | "not-found"
  | "is-directory"
  | "no-spreadsheets"
  | "empty"
  | "no-data"
  | "not-spreadsheet"
  | "truncated"
  | "corrupt"
  | "encrypted"
  | "too-large"
  | "unsupported-format"
  | "unreadable"
  | "internal-error";

export const FAILURE_CODES: readonly FailureCode[] = [
  "not-found",
  "is-directory",
  "no-spreadsheets",
  "empty",
  "no-data",
  "not-spreadsheet",
  "truncated",
  "corrupt",
  "encrypted",
  "too-large",
  "unsupported-format",
  "unreadable",
  "internal-error",
];

/** What the bytes looked like when they are not a spreadsheet (for a more useful message). */
export type LooksLike =
  | "png"
  | "jpeg"
  | "gif"
  | "pdf"
  | "word"
  | "powerpoint"
  | "zip"
  | "ole"
  | "text"
  | "binary";

export interface LoadFailure {
  code: FailureCode;
  /** Technical detail shown in parentheses (a library message, a size). Never cell content. */
  detail?: string;
  /** For "not-spreadsheet": what the file seems to be. */
  looksLike?: LooksLike;
  /** For "too-large": which limit of the read budget (budget.ts) was passed... */
  limit?: BudgetLimit;
  /** ...its value (bytes, cells or entries)... */
  max?: number;
  /** ...where (a ZIP part or a sheet)... */
  where?: string;
  /** ...and whether it was SheetJS's share of the budget. */
  sheetjs?: boolean;
}

/**
 * A file that was read, with something the user should know: bytes of a CSV that were not valid
 * in its encoding and were read as U+FFFD. One line on stderr; the check goes on.
 */
export interface LoadWarning {
  code: "bytes-replaced";
  encoding: string;
  count: number;
  /** The CSV row (1-based) of the first replaced byte. */
  row: number;
}

const ENCODING_NAMES: Record<string, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8",
  "utf-16le": "UTF-16",
  "utf-16be": "UTF-16",
  shift_jis: "Shift_JIS",
};

/** One line per warning, naming the file (already made safe by the caller). */
export function warningMessage(file: string, w: LoadWarning): LocalisedText {
  const enc = ENCODING_NAMES[w.encoding] ?? w.encoding;
  const n = w.count.toLocaleString("en-US");
  return {
    ja: `「${file}」: ${enc} として読めないバイト列が ${n} か所あり、「\ufffd」に置き換えて読みました (最初は ${w.row} 行目)。その行の文字を確かめてください`,
    en: `"${file}": ${n} byte sequence${w.count === 1 ? " is" : "s are"} not valid ${enc} and ${w.count === 1 ? "was" : "were"} read as "\ufffd" (the first in row ${w.row}); check the text in that row`,
  };
}

const LOOKS_LIKE: Record<LooksLike, LocalisedText> = {
  png: { ja: "PNG 画像のようです", en: "it looks like a PNG image" },
  jpeg: { ja: "JPEG 画像のようです", en: "it looks like a JPEG image" },
  gif: { ja: "GIF 画像のようです", en: "it looks like a GIF image" },
  pdf: { ja: "PDF のようです", en: "it looks like a PDF document" },
  word: { ja: "Word 文書のようです", en: "it looks like a Word document" },
  powerpoint: { ja: "PowerPoint ファイルのようです", en: "it looks like a PowerPoint file" },
  zip: { ja: "スプレッドシートを含まない ZIP ファイルです", en: "it is a ZIP file with no spreadsheet in it" },
  ole: { ja: "ブックを含まない OLE 複合文書です", en: "it is an OLE compound file with no workbook in it" },
  text: { ja: "テキストファイルのようです", en: "it looks like a text file" },
  binary: { ja: "形式を判別できません", en: "its format is not recognised" },
};

const count = (n: number | undefined): string => (n === undefined ? "?" : n.toLocaleString("en-US"));
const size = (n: number | undefined): string => (n === undefined ? "?" : n >= 1024 * 1024 * 1024 ? `${n / (1024 * 1024 * 1024)} GB` : `${Math.round(n / (1024 * 1024))} MB`);

/** Over the read budget: one sentence naming the limit, its value and where it was passed. */
function overBudget(f: LoadFailure): LocalisedText {
  const where = f.where !== undefined ? f.where : undefined;
  const at = (ja: string, en: string): LocalisedText => (where === undefined ? { ja, en } : { ja: `${ja} (${where})`, en: `${en} (${where})` });
  const sheetjs: LocalisedText = f.sheetjs
    ? { ja: "。この形式は SheetJS で読むため、上限はその半分です", en: "; files read with SheetJS get half of each limit" }
    : { ja: "", en: "" };
  const tail = (t: LocalisedText): LocalisedText => ({ ja: `${t.ja}${sheetjs.ja}`, en: `${t.en}${sheetjs.en}` });
  const detail = (t: LocalisedText): LocalisedText => (f.detail ? { ja: `${t.ja} (${f.detail})`, en: `${t.en} (${f.detail})` } : t);
  switch (f.limit) {
    case "expanded-size":
      return detail({ ja: `展開後のサイズの合計が上限 (${size(f.max)}) を超えます`, en: `its parts expand to more than the ${size(f.max)} limit` });
    case "inflated-size":
      return tail(at(`読み込む部分の展開後のサイズが合計で上限 (${size(f.max)}) を超えます`, `the parts to read expand to more than the ${size(f.max)} limit in total`));
    case "part-size":
      return tail(at(`部品 1 つの展開後のサイズが上限 (${size(f.max)}) を超えます`, `one part expands to more than the ${size(f.max)} limit`));
    case "cells":
      return tail({ ja: `セルが多すぎます (上限はブック全体で ${count(f.max)} セル)`, en: `too many cells (the limit is ${count(f.max)} in a workbook)` });
    case "sheet-cells":
      return tail(at(`1 つのシートのセルが多すぎます (上限は ${count(f.max)} セル)`, `too many cells in one sheet (the limit is ${count(f.max)})`));
    case "strings":
      return tail({ ja: `文字列が多すぎます (上限は ${count(f.max)} 個)`, en: `too many distinct texts (the limit is ${count(f.max)})` });
    case "text":
      return tail({ ja: `セルの文字が多すぎます (上限は合計 ${count(f.max)} 文字)`, en: `too much text in the cells (the limit is ${count(f.max)} characters)` });
    case "entries":
      return { ja: `ZIP の項目が多すぎます (上限は ${count(f.max)} 個)`, en: `too many ZIP entries (the limit is ${count(f.max)})` };
    case "compression-ratio":
      return detail({
        ja: "圧縮率が異常に高いため展開しません (ZIP 爆弾の疑い)",
        en: "its compression ratio is abnormally high (possible zip bomb); not expanded",
      });
    case "memory":
      return f.max !== undefined
        ? { ja: `検査に使えるメモリの上限 (${size(f.max)}) を超えました`, en: `checking it needs more than the ${size(f.max)} memory limit` }
        : detail({ ja: "メモリが足りず読み込めません", en: "it does not fit in memory" });
    case "file-size":
    default:
      return detail({ ja: `ファイルサイズが上限 (${size(READ_LIMITS.fileBytes)}) を超えます`, en: `the file exceeds the ${size(READ_LIMITS.fileBytes)} size limit` });
  }
}

function reason(f: LoadFailure): LocalisedText {
  const d = (ja: string, en: string): LocalisedText =>
    f.detail ? { ja: `${ja} (${f.detail})`, en: `${en} (${f.detail})` } : { ja, en };
  switch (f.code) {
    case "not-found":
      return { ja: "ファイルが見つかりません", en: "no such file" };
    case "is-directory":
      return { ja: "フォルダです。ファイルを指定してください", en: "it is a folder, not a file" };
    case "no-spreadsheets":
      return {
        ja: "フォルダに検査できるファイル (.xlsx .xlsm .xls .ods .csv) がありません",
        en: "the folder holds no file to check (.xlsx .xlsm .xls .ods .csv)",
      };
    case "empty":
      return { ja: "ファイルが空です (0 バイト)", en: "the file is empty (0 bytes)" };
    case "no-data":
      return d("ファイルにデータがありません", "the file holds no data");
    case "not-spreadsheet": {
      const base = {
        ja: "スプレッドシート (.xlsx .xlsm .xls .ods .csv) ではありません",
        en: "not a spreadsheet (.xlsx .xlsm .xls .ods .csv)",
      };
      const like = f.looksLike ? LOOKS_LIKE[f.looksLike] : undefined;
      return like ? { ja: `${base.ja}。${like.ja}`, en: `${base.en}: ${like.en}` } : base;
    }
    case "truncated":
      return d("ファイルが途中で切れています。コピーやダウンロードをやり直してください", "the file is truncated; copy or download it again");
    case "corrupt":
      return d("ファイルが壊れています", "the file is corrupt");
    case "encrypted":
      return {
        ja: "パスワードで保護されているか権限管理 (IRM) されています。保護を解除して保存し直してから検査してください",
        en: "it is password-protected or rights-managed (IRM); remove the protection, save it and check it again",
      };
    case "too-large":
      return overBudget(f);
    case "unsupported-format":
      return d("対応していない形式です", "unsupported format");
    case "unreadable":
      return d("読み取る権限がないかアクセスできません", "permission denied or I/O error");
    case "internal-error":
      return d("内部エラーが起きました", "internal error");
  }
}

/** One line per failure, naming the file: 「a.xlsx」を読めません: … / cannot read "a.xlsx": … */
export function failureMessage(file: string, failure: LoadFailure): LocalisedText {
  const r = reason(failure);
  return {
    ja: `「${file}」を読めません: ${r.ja}`,
    en: `cannot read "${file}": ${r.en}`,
  };
}

export function fail(code: FailureCode, extra: Omit<LoadFailure, "code"> = {}): { ok: false; reason: LoadFailure } {
  return { ok: false, reason: { code, ...extra } };
}

/** Error text for details: the message only, one line, never a stack. */
export function errorText(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const line = raw.split(/\r?\n/)[0] ?? "";
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
