import type { LocalisedText } from "@pmark/core";

/**
 * Why an input could not be checked. Failures are data: the loader never throws for a bad
 * file, and every code renders as one line in Japanese and English that names the file.
 */
export type FailureCode =
  | "not-found"
  | "is-directory"
  | "no-spreadsheets"
  | "empty"
  | "not-spreadsheet"
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
  "not-spreadsheet",
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
  /** For "too-large": which limit was hit. */
  limit?: "file-size" | "expanded-size" | "compression-ratio" | "memory";
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
    case "not-spreadsheet": {
      const base = {
        ja: "スプレッドシート (.xlsx .xlsm .xls .ods .csv) ではありません",
        en: "not a spreadsheet (.xlsx .xlsm .xls .ods .csv)",
      };
      const like = f.looksLike ? LOOKS_LIKE[f.looksLike] : undefined;
      return like ? { ja: `${base.ja}。${like.ja}`, en: `${base.en}: ${like.en}` } : base;
    }
    case "corrupt":
      return d("ファイルが壊れているか途中で切れています", "the file is corrupt or truncated");
    case "encrypted":
      return {
        ja: "パスワードで保護されているか権限管理 (IRM) されています。保護を解除して保存し直してから検査してください",
        en: "it is password-protected or rights-managed (IRM); remove the protection, save it and check it again",
      };
    case "too-large":
      switch (f.limit) {
        case "expanded-size":
          return d("展開後のサイズが上限 (1 GB) を超えます", "its expanded size exceeds the 1 GB limit");
        case "compression-ratio":
          return d(
            "圧縮率が異常に高いため展開しません (ZIP 爆弾の疑い)",
            "its compression ratio is abnormally high (possible zip bomb); not expanded",
          );
        case "memory":
          return d("メモリが足りず読み込めません", "it does not fit in memory");
        default:
          return d("ファイルサイズが上限 (200 MB) を超えます", "the file exceeds the 200 MB size limit");
      }
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
