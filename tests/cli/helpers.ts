/**
 * Test inputs for the CLI, generated at test time into a temporary folder: a real .xlsx written
 * with ExcelJS, legacy .xls and .ods written with SheetJS, hand-made ZIP containers (bombs,
 * truncations), an encrypted-OOXML-shaped CFB container written with SheetJS's bundled CFB
 * writer, and CSV bytes in several encodings (Shift_JIS from a small hand mapping).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import type { SheetGrid } from "../../packages/core/src/grid/grid";
import * as XLSX from "@e965/xlsx";
import type { Finding, WorkbookReport } from "@pmark/core";
import { tempDir as scratchDir } from "../scratch";

export const ROOT = resolve(__dirname, "..", "..");
export const CLI = join(ROOT, "packages", "cli", "dist", "pmark.cjs");

export function buildCli(): void {
  execFileSync(process.execPath, [join(ROOT, "scripts", "build.mjs"), "cli"], { cwd: ROOT, stdio: "pipe" });
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runPmark(args: readonly string[], env: Record<string, string> = {}, cwd = ROOT): RunResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface MeasuredRun extends RunResult {
  /** The process's peak resident memory, worker threads included (MB). */
  maxRssMb: number;
  ms: number;
}

/**
 * Runs the built CLI through a one-line wrapper that, when the process exits, writes its peak
 * RSS (process.resourceUsage().maxRSS, which counts the worker threads) to a file: stdout and
 * stderr stay exactly pmark's own.
 */
export function runPmarkMeasured(args: readonly string[], dir: string, env: Record<string, string> = {}): MeasuredRun {
  const wrapper = join(dir, "measure-pmark.cjs");
  const out = join(dir, `rss-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(
    wrapper,
    `process.on("exit", () => require("node:fs").writeFileSync(process.env.PMARK_RSS_FILE, String(process.resourceUsage().maxRSS)));\nrequire(${JSON.stringify(CLI)});\n`,
  );
  const started = Date.now();
  const r = spawnSync(process.execPath, [wrapper, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env, PMARK_RSS_FILE: out },
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Date.now() - started;
  let maxRssMb = NaN;
  try {
    maxRssMb = Number(readFileSync(out, "utf8")) / 1024;
  } catch {
    // the process died before its exit handler ran: the caller sees the status
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, maxRssMb, ms };
}

export function tempDir(prefix = "pmark-cli-"): string {
  return scratchDir(prefix);
}

/** Lines of a stream's text, without the empty string after the last newline. */
export function lines(text: string): string[] {
  return text.split("\n").filter((l, i, all) => !(l === "" && i === all.length - 1));
}

// ---------------------------------------------------------------- workbooks

/**
 * 個人情報管理台帳 (visible): title merged over A1:D1, a header in row 3, a date in C4
 * (2024-04-01 = serial 45383), a formula with a cached value in D4 (=B4*2 → 20), TRUE in E4,
 * #N/A in F4, and a vertical merge A5:A6. リスク分析 (hidden): one value in C5.
 */
export async function writeSampleXlsx(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("個人情報管理台帳");
  ws.getCell("A1").value = "個人情報管理台帳";
  ws.mergeCells("A1:D1");
  ws.getCell("A3").value = "個人情報の名称";
  ws.getCell("B3").value = "件数";
  ws.getCell("C3").value = "取得日";
  ws.getCell("D3").value = "倍";
  ws.getCell("A4").value = "顧客名簿";
  ws.getCell("B4").value = 10;
  ws.getCell("C4").value = new Date(Date.UTC(2024, 3, 1));
  ws.getCell("C4").numFmt = "yyyy/mm/dd";
  ws.getCell("D4").value = { formula: "B4*2", result: 20 };
  ws.getCell("E4").value = true;
  ws.getCell("F4").value = { error: "#N/A" };
  ws.getCell("A5").value = "従業員名簿";
  ws.mergeCells("A5:A6");
  ws.getCell("B6").value = 3;
  const risk = wb.addWorksheet("リスク分析", { state: "hidden" });
  risk.getCell("C5").value = "漏えい";
  await wb.xlsx.writeFile(path);
}

/** Writes grids as an .xlsx as a host would have them: values, formulas with their cached results, merges. */
export async function writeGridsXlsx(path: string, grids: readonly SheetGrid[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const grid of grids) {
    const ws = wb.addWorksheet(grid.name);
    grid.values.forEach((row, r) => {
      row.forEach((v, c) => {
        const formula = grid.formulas?.[r]?.[c];
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof formula === "string" && formula.startsWith("=")) cell.value = { formula: formula.slice(1), result: v === null || v === undefined ? "" : v } as ExcelJS.CellFormulaValue;
        else if (v !== null && v !== undefined && v !== "") cell.value = v;
      });
    });
    for (const m of grid.merges ?? []) ws.mergeCells(m.startRow + 1, m.startCol + 1, m.endRow + 1, m.endCol + 1);
  }
  await wb.xlsx.writeFile(path);
}

/** A legacy BIFF8 .xls and an .ods written by SheetJS from the same cells. */
export function writeSheetJsWorkbook(path: string, bookType: "biff8" | "ods" | "xlsx"): void {
  const ws = XLSX.utils.aoa_to_sheet([
    ["項目", "件数"],
    ["顧客名簿", 12],
  ]);
  ws["C2"] = { t: "n", v: 24, f: "B2*2" };
  ws["!ref"] = "A1:C2";
  ws["!merges"] = [{ s: { r: 0, c: 1 }, e: { r: 0, c: 2 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "台帳");
  writeFileSync(path, XLSX.write(wb, { type: "buffer", bookType }));
}

/**
 * The shape of an Excel-encrypted .xlsx: an OLE compound file holding EncryptionInfo,
 * EncryptedPackage and the \x06DataSpaces storage (written with SheetJS's CFB writer; the
 * streams' contents are placeholders, which is enough: the loader must refuse before decrypting).
 */
export function encryptedOoxml(options: { dataSpacesOnly?: boolean } = {}): Buffer {
  const CFB = XLSX.CFB;
  const c = CFB.utils.cfb_new();
  CFB.utils.cfb_add(c, "/\u0006DataSpaces/Version", Buffer.alloc(76, 1));
  if (!options.dataSpacesOnly) {
    // Agile encryption header: version 4.4, flags 0x40, then XML.
    CFB.utils.cfb_add(c, "/EncryptionInfo", Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from("<?xml version=\"1.0\"?><encryption/>")]));
    CFB.utils.cfb_add(c, "/EncryptedPackage", Buffer.alloc(8192, 0x5a));
  } else {
    CFB.utils.cfb_add(c, "/Workbook", Buffer.alloc(4096, 0));
  }
  return CFB.write(c, { type: "buffer" }) as Buffer;
}

/**
 * A password-protected legacy .xls: SheetJS's BIFF8 output with a FilePass record (XOR
 * obfuscation, as Excel writes for "password to open" in old formats) after the first BOF.
 */
export function passwordXls(): Buffer {
  const CFB = XLSX.CFB;
  const ws = XLSX.utils.aoa_to_sheet([["項目"], ["顧客名簿"]]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "台帳");
  const cfb = CFB.read(XLSX.write(wb, { type: "buffer", bookType: "biff8" }), { type: "buffer" });
  const entry = CFB.find(cfb, "Workbook");
  const stream = Buffer.from(entry.content as Uint8Array);
  const bofLength = 4 + stream.readUInt16LE(2);
  const filePass = Buffer.from([0x2f, 0x00, 0x06, 0x00, 0x00, 0x00, 0x34, 0x12, 0x78, 0x56]);
  entry.content = Buffer.concat([stream.subarray(0, bofLength), filePass, stream.subarray(bofLength)]);
  entry.size = entry.content.length;
  return CFB.write(cfb, { type: "buffer" }) as Buffer;
}

/** An OLE compound file with a WordDocument stream (a .doc). */
export function wordCfb(): Buffer {
  const CFB = XLSX.CFB;
  const c = CFB.utils.cfb_new();
  CFB.utils.cfb_add(c, "/WordDocument", Buffer.alloc(4096, 0));
  return CFB.write(c, { type: "buffer" }) as Buffer;
}

// ---------------------------------------------------------------- ZIP

export interface ZipInput {
  name: string;
  data: Buffer;
  /** Store (0) or deflate (8, default). */
  method?: 0 | 8;
  /** Lie about the uncompressed size in both headers. */
  declaredSize?: number;
}

/** A part's bytes as stored in the ZIP, and the CRC of its data. */
export interface Packed {
  body: Buffer;
  crc: number;
}

function pack(data: Buffer, method: 0 | 8): Packed {
  return { body: method === 8 ? deflateRawSync(data) : data, crc: crc32(data) };
}

/**
 * A minimal ZIP writer (local headers, central directory, end record). `packer` turns a part's
 * data into its stored bytes: a test that repeats one large buffer can deflate it once.
 */
export function makeZip(inputs: readonly ZipInput[], packer: (data: Buffer, method: 0 | 8) => Packed = pack): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const method = input.method ?? 8;
    const { body, crc } = packer(input.data, method);
    const name = Buffer.from(input.name, "utf8");
    const usz = input.declaredSize ?? input.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(usz, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(usz, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    central.push(cd, name);
    offset += local.length + name.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(inputs.length, 8);
  end.writeUInt16LE(inputs.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, end]);
}

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
);

/** An .xlsx-looking ZIP whose one sheet part is 60 MB of spaces (compresses > 1000:1). */
export function zipBomb(): Buffer {
  return makeZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
    { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(60 * 1024 * 1024, 0x20) },
  ]);
}

/** A ZIP whose headers under-declare an entry's size (1 KB declared, 8 MB real). */
export function lyingZip(): Buffer {
  return makeZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
    { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(8 * 1024 * 1024, 0x20), declaredSize: 1024 },
  ]);
}

export function docxLikeZip(): Buffer {
  return makeZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "word/document.xml", data: Buffer.from("<w:document/>") },
  ]);
}

// ---------------------------------------------------------------- other bytes

export const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("0000000d4948445200000001000000010806000000", "hex"),
  Buffer.alloc(64, 0),
]);

export const PDF_BYTES = Buffer.from("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n", "latin1");

/** Shift_JIS (CP932) bytes of a few words, from a hand mapping (checked against iconv when present). */
export const SJIS: Record<string, number[]> = {
  利用目的: [0x97, 0x98, 0x97, 0x70, 0x96, 0xda, 0x93, 0x49],
  件数: [0x8c, 0x8f, 0x90, 0x94],
  顧客名簿: [0x8c, 0xda, 0x8b, 0x71, 0x96, 0xbc, 0x95, 0xeb],
  保管場所: [0x95, 0xdb, 0x8a, 0xc7, 0x8f, 0xea, 0x8f, 0x8a],
  事務所: [0x8e, 0x96, 0x96, 0xb1, 0x8f, 0x8a],
  "①": [0x87, 0x40],
  髙橋: [0xfb, 0xfc, 0x8b, 0xb4],
};

/** Encodes text made of SJIS's words plus ASCII as Shift_JIS bytes. */
export function toShiftJis(text: string): Buffer {
  const out: number[] = [];
  const words = Object.keys(SJIS).sort((a, b) => b.length - a.length);
  let i = 0;
  outer: while (i < text.length) {
    for (const w of words) {
      if (text.startsWith(w, i)) {
        out.push(...(SJIS[w] as number[]));
        i += w.length;
        continue outer;
      }
    }
    const code = text.charCodeAt(i);
    if (code > 0x7f) throw new Error(`no Shift_JIS mapping for ${text[i]}`);
    out.push(code);
    i++;
  }
  return Buffer.from(out);
}

/** The CSV text used in the encoding tests. */
export const CSV_TEXT =
  '利用目的,件数,保管場所\r\n顧客名簿,120,"事務所\r\n①"\r\n"髙橋, ""顧客名簿""",007,\r\n';

export function utf16le(text: string, bom = true): Buffer {
  const body = Buffer.from(text, "utf16le");
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

export function utf16be(text: string): Buffer {
  const le = Buffer.from(text, "utf16le");
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1] as number;
    be[i + 1] = le[i] as number;
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

// ---------------------------------------------------------------- reports

export function finding(partial: Partial<Finding> & Pick<Finding, "rule" | "sheet" | "cell" | "row" | "col">): Finding {
  return {
    severity: "error",
    messageId: `${partial.rule}.default`,
    message: { ja: `${partial.rule} の日本語`, en: `${partial.rule} in English` },
    ...partial,
  };
}

/** A hand-made report: two sheets, findings out of order, one accepted error, one hint. */
export function sampleReport(): WorkbookReport {
  return {
    sheets: [
      { name: "台帳", kind: "ledger", headerRow: 3, rows: 42 },
      { name: "リスク分析", kind: "risk", headerRow: 2, rows: 10, layout: "long" },
    ],
    findings: [
      finding({
        rule: "risk/phase-missing",
        sheet: "リスク分析",
        cell: "B7",
        row: 7,
        col: 2,
        message: { ja: "「顧客名簿」の廃棄の局面にリスク分析がありません", en: "顧客名簿 has no risk analysis for disposal" },
        data: { item: "顧客名簿" },
      }),
      finding({
        rule: "cell/invalid-value",
        severity: "warning",
        sheet: "台帳",
        cell: "F12",
        row: 12,
        col: 6,
        hint: "全角数字",
        message: { ja: "件数を数値として読めません", en: "the count is not a number" },
      }),
      finding({
        rule: "ledger/required-empty",
        sheet: "台帳",
        cell: "C5",
        row: 5,
        col: 3,
        message: { ja: "利用目的が空です", en: "the purpose is blank" },
        accepted: false,
      }),
      finding({
        rule: "ledger/review-overdue",
        sheet: "台帳",
        cell: "AA5",
        row: 5,
        col: 27,
        accepted: true,
        message: { ja: "見直しが期限切れです", en: "the review is overdue" },
      }),
      finding({
        rule: "risk/flat-scoring",
        severity: "info",
        sheet: "リスク分析",
        cell: "E2",
        row: 2,
        col: 5,
        message: { ja: "ほぼすべての行が同じレベルです", en: "nearly every row has the same level" },
      }),
    ],
    summary: { errors: 2, warnings: 1, infos: 1, accepted: 1, risks: { high: 2, medium: 7, low: 30, incomplete: 1 } },
  };
}

export function cleanReport(): WorkbookReport {
  return {
    sheets: [{ name: "台帳", kind: "ledger", headerRow: 1, rows: 3 }],
    findings: [],
    summary: { errors: 0, warnings: 0, infos: 0, accepted: 0, risks: { high: 0, medium: 0, low: 0, incomplete: 0 } },
  };
}
