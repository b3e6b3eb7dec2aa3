import type { CellValue } from "../grid/grid";
import { nfkc } from "../glossary/normalise";
import { compact, fail, ok, prepare, stripBrackets, type ReadResult, readByText } from "./result";

export type Medium = "paper" | "electronic" | "both";

/** Dropdown choices, in the order of the Medium values. */
export const MEDIUM_CHOICES = { ja: ["紙", "電子", "紙・電子"], en: ["Paper", "Electronic", "Both"] } as const;

const PAPER_WORDS = [
  "紙", "紙媒体", "原紙", "書面", "書類", "帳票", "用紙", "紙資料", "紙ファイル", "印刷物", "文書",
  "paper", "hardcopy", "printed", "print",
];
const ELECTRONIC_WORDS = [
  "電子", "電子データ", "電子ファイル", "電子媒体", "電子記録", "電子文書", "電磁的記録", "電磁記録", "データ",
  "デジタル", "デジタルデータ", "pc", "パソコン", "サーバ", "サーバー", "ファイルサーバ", "ファイルサーバー",
  "nas", "システム", "データベース", "クラウド", "excel", "エクセル", "cd", "dvd", "cd-r", "usb", "usbメモリ",
  "画像", "音声", "動画", "ビデオ", "録音", "メール", "電子メール", "email", "e-mail", "pdf", "csv",
  "electronic", "digital", "data", "file", "database", "db", "cloud",
];
const BOTH_WORDS = ["両方", "併用", "both", "紙・電子", "紙/電子"];

const LOOKUP = new Map<string, Medium>([
  ...PAPER_WORDS.map((w) => [w, "paper"] as const),
  ...ELECTRONIC_WORDS.map((w) => [w, "electronic"] as const),
  ...BOTH_WORDS.map((w) => [compact(nfkc(w).toLowerCase()), "both"] as const),
]);

/** Separators between media in one cell: 「紙・電子」「紙/電子」「紙+データ」「紙及び電子」「紙、PC」. */
const SEPARATOR = /[\s・/+、,;&|]+|及び|および|並びに|ならびに|と|\bor\b|\band\b/g;

/**
 * Reads a 媒体 cell as paper, electronic or both. Every word in the cell must be a known medium
 * word; bracketed notes (「紙（申込書）」) are ignored. A cell naming a paper word and an
 * electronic word, or 両方/併用, is "both".
 */
export function readMedium(v: CellValue): ReadResult<Medium> | null {
  return readByText("medium", v, readMediumOnce, undefined);
}

function readMediumOnce(v: CellValue): ReadResult<Medium> | null {
  const cell = prepare(v);
  if (cell.kind === "blank") return null;
  if (cell.kind !== "text") return fail();
  const text = stripBrackets(nfkc(cell.text).toLowerCase());
  // Whole cell first, so that words with spaces ("hard copy") or separators ("cd-r") survive.
  const whole = LOOKUP.get(compact(text));
  if (whole) return ok(whole);

  let paper = false;
  let electronic = false;
  for (const word of text.split(SEPARATOR)) {
    if (word === "") continue;
    const medium = LOOKUP.get(word);
    if (!medium) return fail();
    paper ||= medium !== "electronic";
    electronic ||= medium !== "paper";
  }
  if (paper && electronic) return ok("both");
  if (paper) return ok("paper");
  if (electronic) return ok("electronic");
  return fail();
}
