import type { LooksLike } from "./failure";

/** What the first bytes of a file say it is. The extension only matters for CSV. */
export type Container =
  | { kind: "zip" }
  | { kind: "cfb" }
  | { kind: "biff-old" }
  | { kind: "markup" }
  | { kind: "other"; looksLike: LooksLike };

function startsWith(buf: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (buf.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[at + i] !== bytes[i]) return false;
  return true;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF = [0x47, 0x49, 0x46, 0x38];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** True when the bytes contain NUL or other control bytes that text files do not have. */
export function looksBinary(buf: Uint8Array, limit = 8192): boolean {
  const n = Math.min(buf.length, limit);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i] as number;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.01;
}

/** Markup a spreadsheet program also saves as ".xls": SpreadsheetML 2003 or an HTML table. */
function isSpreadsheetMarkup(buf: Uint8Array): boolean {
  const head = Buffer.from(buf.subarray(0, 65536)).toString("latin1").replace(/^\uFEFF|^\xEF\xBB\xBF/, "").trimStart();
  if (!head.startsWith("<")) return false;
  const lower = head.toLowerCase();
  return lower.includes("urn:schemas-microsoft-com:office:spreadsheet") || lower.includes("<table");
}

export function sniffContainer(buf: Uint8Array, ext: string): Container {
  if (startsWith(buf, ZIP) || startsWith(buf, ZIP_EMPTY)) return { kind: "zip" };
  if (startsWith(buf, CFB)) return { kind: "cfb" };
  if (startsWith(buf, PNG)) return { kind: "other", looksLike: "png" };
  if (startsWith(buf, JPEG)) return { kind: "other", looksLike: "jpeg" };
  if (startsWith(buf, GIF)) return { kind: "other", looksLike: "gif" };
  if (startsWith(buf, PDF)) return { kind: "other", looksLike: "pdf" };
  // BIFF2-4 worksheets (Excel 2.x-4.0) are bare record streams: a BOF record 0x0009/0x0209/0x0409.
  if (ext === ".xls" && buf.length >= 4 && (buf[0] === 0x09 && [0x00, 0x02, 0x04].includes(buf[1] as number))) {
    return { kind: "biff-old" };
  }
  if ((ext === ".xls" || ext === ".xml") && isSpreadsheetMarkup(buf)) return { kind: "markup" };
  return { kind: "other", looksLike: looksBinary(buf) ? "binary" : "text" };
}
