import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import type { SheetGrid } from "@pmark/core";
import { OverBudget, READ_LIMITS, ReadBudget } from "./budget";
import { inspectCfb } from "./cfb";
import { csvRowAt, csvToGrid, decodeText } from "./csv";
import { errorText, fail, type LoadFailure, type LoadWarning } from "./failure";
import { readOoxmlDirect } from "./ooxml";
import { biffCells, markupCells, odsContentCounter, sharedStringsCounter, worksheetCounter, xlsbSheetCounter } from "./scan";
import { readWorkbook, workbookToGrids } from "./sheetjs";
import { sniffContainer } from "./sniff";
import { entryText, inspectZip, verifyZipEntries, type PartCounter, type ZipEntry } from "./zip";

export type LoadResult = { ok: true; grids: SheetGrid[]; warnings?: LoadWarning[] } | { ok: false; reason: LoadFailure };

export const MAX_FILE_BYTES = READ_LIMITS.fileBytes;

/** Extensions the folder walk picks up (explicitly named files may have any extension). */
export const SPREADSHEET_EXTENSIONS = [".xlsx", ".xlsm", ".xls", ".ods", ".csv"] as const;

/**
 * .xlsx and .xlsm go through the direct reader (ooxml.ts) unless PMARK_READER=sheetjs asks for
 * SheetJS alone, to compare the two or to get past a reader bug.
 */
function directReader(): boolean {
  return (process.env.PMARK_READER ?? "").toLowerCase() !== "sheetjs";
}

function isPasswordError(message: string): boolean {
  return /password|encrypt|decrypt/i.test(message);
}

function overBudget(e: unknown): LoadResult {
  if (e instanceof OverBudget) return { ok: false, reason: { code: "too-large", ...e.info } };
  throw e;
}

/** Reads the bytes through SheetJS (only once the budget scan passed); its exceptions become failures. */
function readWithSheetJS(buf: Buffer): LoadResult {
  try {
    return { ok: true, grids: workbookToGrids(readWorkbook(buf)) };
  } catch (e) {
    const msg = errorText(e);
    if (isPasswordError(msg)) return fail("encrypted");
    if (e instanceof RangeError && /allocation|array length|buffer|string length/i.test(msg)) {
      return fail("too-large", { limit: "memory", detail: msg });
    }
    return fail("corrupt", { detail: msg });
  }
}

function hasEntry(entries: readonly ZipEntry[], name: string): boolean {
  const lower = name.toLowerCase();
  return entries.some((e) => e.name.toLowerCase() === lower);
}

function smallEntryText(buf: Buffer, entry: ZipEntry | undefined, max = 1024 * 1024): string | null {
  return entry ? entryText(buf, entry, max) : null;
}

type ZipKind = "ooxml" | "ods" | "ods-encrypted" | "numbers" | "word" | "powerpoint" | "other";

function classifyZip(buf: Buffer, entries: readonly ZipEntry[]): ZipKind {
  if (hasEntry(entries, "xl/workbook.xml") || hasEntry(entries, "xl/workbook.bin")) return "ooxml";
  const mimetype = smallEntryText(buf, entries.find((e) => e.name === "mimetype"), 256)?.trim();
  if (mimetype === "application/vnd.oasis.opendocument.spreadsheet" || (!mimetype && hasEntry(entries, "content.xml"))) {
    const manifest = smallEntryText(buf, entries.find((e) => e.name === "META-INF/manifest.xml"));
    return manifest && /encryption-data/.test(manifest) ? "ods-encrypted" : "ods";
  }
  if (entries.some((e) => e.name.startsWith("Index/") && e.name.endsWith(".iwa"))) return "numbers";
  if (hasEntry(entries, "word/document.xml")) return "word";
  if (hasEntry(entries, "ppt/presentation.xml")) return "powerpoint";
  // Some writers put the workbook part elsewhere; [Content_Types].xml names it.
  const types = smallEntryText(buf, entries.find((e) => e.name === "[Content_Types].xml"));
  if (types && /spreadsheetml\.(sheet|template)\.main|ms-excel\.(sheet|template)\.macroEnabled\.main/i.test(types)) {
    return "ooxml";
  }
  return "other";
}

/**
 * What SheetJS would build from each part, counted as the part streams past: worksheet cells of
 * .xlsx and .xlsb, shared strings, and the cells of an .ods (repeats multiplied out).
 */
function sheetjsCounter(budget: ReadBudget): (entry: ZipEntry) => PartCounter | undefined {
  return (entry) => {
    const name = entry.name.toLowerCase();
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) return worksheetCounter(entry.name, budget);
    if (/^xl\/worksheets\/[^/]+\.bin$/.test(name)) return xlsbSheetCounter(entry.name, budget);
    if (/^xl\/sharedstrings\.(xml|bin)$/.test(name)) return sharedStringsCounter(budget);
    if (name === "content.xml") return odsContentCounter(entry.name, budget);
    return undefined;
  };
}

async function loadZip(buf: Buffer): Promise<LoadResult> {
  const inspected = inspectZip(buf);
  if (!inspected.ok) return inspected;
  const entries = inspected.entries;
  if (entries.length === 0) return fail("not-spreadsheet", { looksLike: "zip" });
  switch (classifyZip(buf, entries)) {
    case "ooxml": {
      const direct = directReader() ? readOoxmlDirect(buf, entries, new ReadBudget("direct")) : null;
      if (direct?.ok) {
        // The parts it read were checked against their sizes and CRCs; check the others.
        const problem = await verifyZipEntries(buf, entries.filter((e) => !direct.inflated.has(e.name)));
        return problem ? { ok: false, reason: problem } : { ok: true, grids: direct.grids };
      }
      // Damaged or over budget: final. Anything else the direct reader does not read goes to SheetJS.
      if (direct?.failure) return { ok: false, reason: direct.failure };
      break;
    }
    case "ods":
      break;
    case "ods-encrypted":
      return fail("encrypted");
    case "numbers":
      return fail("unsupported-format", { detail: "Apple Numbers" });
    case "word":
      return fail("not-spreadsheet", { looksLike: "word" });
    case "powerpoint":
      return fail("not-spreadsheet", { looksLike: "powerpoint" });
    default:
      return fail("not-spreadsheet", { looksLike: "zip" });
  }
  // SheetJS inflates every part and keeps it: all of them are scanned against its budget first.
  const budget = new ReadBudget("sheetjs");
  const problem = await verifyZipEntries(buf, entries, { budget, counter: sheetjsCounter(budget) });
  if (problem) return { ok: false, reason: problem };
  return readWithSheetJS(buf);
}

/** A legacy .xls: its cell records counted against SheetJS's budget before SheetJS reads it. */
function loadXls(buf: Buffer, workbookStream: Uint8Array | undefined): LoadResult {
  const budget = new ReadBudget("sheetjs");
  if (workbookStream) {
    try {
      const counted = biffCells(workbookStream);
      budget.addStrings(counted.strings);
      budget.addText(counted.textBytes);
      counted.sheets.forEach((n, i) => budget.addCells(`#${i}`, n));
    } catch (e) {
      return overBudget(e);
    }
  }
  return readWithSheetJS(buf);
}

function loadCfb(buf: Buffer): LoadResult {
  const inspected = inspectCfb(buf);
  if (!inspected.ok) return inspected;
  switch (inspected.kind) {
    case "encrypted":
      return fail("encrypted");
    case "xls":
      return loadXls(buf, inspected.workbook);
    case "word":
      return fail("not-spreadsheet", { looksLike: "word" });
    case "powerpoint":
      return fail("not-spreadsheet", { looksLike: "powerpoint" });
    default:
      return fail("not-spreadsheet", { looksLike: "ole" });
  }
}

/** Markup saved as .xls (HTML table, SpreadsheetML 2003): its cells counted before SheetJS reads it. */
function loadMarkup(buf: Buffer): LoadResult {
  try {
    const budget = new ReadBudget("sheetjs");
    const counted = markupCells(buf.toString("latin1"));
    budget.addCells("markup", counted.cells);
    budget.addText(counted.chars);
  } catch (e) {
    return overBudget(e);
  }
  return readWithSheetJS(buf);
}

function loadCsv(path: string, buf: Buffer): LoadResult {
  const decoded = decodeText(buf);
  const { text } = decoded;
  if (text.includes("\u0000")) return fail("not-spreadsheet", { looksLike: "binary" });
  // A BOM and nothing else, or only line breaks and spaces: nothing to check.
  if (text.trim() === "") return fail("no-data");
  const name = basename(path, extname(path)) || "Sheet1";
  let grid: SheetGrid;
  try {
    grid = csvToGrid(name, text, new ReadBudget("direct"));
  } catch (e) {
    return overBudget(e);
  }
  if (decoded.replaced === 0) return { ok: true, grids: [grid] };
  const warning: LoadWarning = {
    code: "bytes-replaced",
    encoding: decoded.encoding,
    count: decoded.replaced,
    row: csvRowAt(text, decoded.firstReplaced),
  };
  return { ok: true, grids: [grid], warnings: [warning] };
}

function statFailure(e: unknown): { ok: false; reason: LoadFailure } {
  const code = (e as { code?: string } | null)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return fail("not-found");
  if (code === "EISDIR") return fail("is-directory");
  return fail("unreadable", { detail: code ?? errorText(e) });
}

/** The bytes of one file, decided by their magic bytes; .csv by extension. */
export async function loadBytes(path: string, buf: Buffer): Promise<LoadResult> {
  if (buf.length === 0) return fail("empty");
  const ext = extname(path).toLowerCase();
  const container = sniffContainer(buf, ext);
  switch (container.kind) {
    case "zip":
      return loadZip(buf);
    case "cfb":
      return loadCfb(buf);
    case "biff-old":
      return fail("unsupported-format", { detail: "Excel 4.0 or earlier" });
    case "markup":
      return loadMarkup(buf);
    case "other":
      if (ext === ".csv") {
        const utf16 = (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
        if (container.looksLike === "text" || utf16) return loadCsv(path, buf);
      }
      return fail("not-spreadsheet", { looksLike: container.looksLike });
  }
}

/** A file's bytes, once it is known to be a regular file within the size limit (loadBytes refuses an empty one). */
export async function readInputFile(path: string): Promise<{ ok: true; buf: Buffer } | { ok: false; reason: LoadFailure }> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) return fail("is-directory");
    if (!st.isFile()) return fail("unreadable", { detail: "not a regular file" });
    size = st.size;
  } catch (e) {
    return statFailure(e);
  }
  if (size > MAX_FILE_BYTES) return fail("too-large", { limit: "file-size", detail: `${Math.round(size / 1048576)} MB` });
  try {
    return { ok: true, buf: await readFile(path) };
  } catch (e) {
    return statFailure(e);
  }
}

/**
 * Loads every sheet of a workbook (.xlsx .xlsm .xls .ods .csv) as SheetGrids, reading the file
 * once. Never throws for a bad file: failures come back as data.
 */
export async function loadWorkbook(path: string): Promise<LoadResult> {
  const read = await readInputFile(path);
  return read.ok ? loadBytes(path, read.buf) : read;
}
