import { isAscii } from "node:buffer";
import { inflateRawSync } from "node:zlib";
import type { CellValue, MergedRange, SheetGrid } from "@pmark/core";
import { OverBudget, ReadBudget } from "./budget";
import type { LoadFailure } from "./failure";
import { crc32, entryData, partName, type ZipEntry } from "./zip";

/**
 * A direct reader for the common shape of .xlsx / .xlsm workbooks: cell values, formulas and
 * merged ranges straight from the sheet XML into SheetGrids, with no intermediate cell
 * objects, styles or number formatting. It gives the same grids as SheetJS followed by
 * `sheetToGrid` (tests/cli/ooxml.test.ts compares the two on every workbook the tests and the
 * bench write), at a fraction of the cost: SheetJS parses each part with regular expressions
 * and formats every number it will never be asked to show.
 *
 * It only reads what it fully understands. Anything else (a binary .xlsb workbook, a prefixed
 * XML dialect, ISO date cells, CDATA, chart sheets, a shared-string index out of range, damaged
 * compressed data, or an error of its own) returns `{ ok: false }` with the reason, and the
 * loader reads the file with SheetJS as before. Where SheetJS has a quirk that changes what a check sees (a
 * formula with no cached value is dropped with its cell, a `t="str"` cell without a value reads
 * as ""), this reader keeps it, so that a workbook's report does not depend on which reader
 * took it.
 *
 * What it cannot read because the file is damaged (a part whose data does not inflate to its
 * declared size and CRC) or too large (the read budget, budget.ts: part sizes checked before
 * inflating, cells counted as they are read) is not handed on: it comes back as the failure.
 */
export type DirectRead =
  | { ok: true; grids: SheetGrid[]; inflated: ReadonlySet<string> }
  | { ok: false; why: string; failure?: LoadFailure };

class Unsupported extends Error {}

class Corrupt extends Error {}

function unsupported(why: string): never {
  throw new Unsupported(why);
}

export function readOoxmlDirect(buf: Buffer, entries: readonly ZipEntry[], budget: ReadBudget = new ReadBudget("direct")): DirectRead {
  try {
    return { ok: true, ...new Package(buf, entries, budget).read() };
  } catch (e) {
    if (e instanceof OverBudget) return { ok: false, why: e.message, failure: { code: "too-large", ...e.info } };
    if (e instanceof Corrupt) return { ok: false, why: e.message, failure: { code: "corrupt", detail: e.message } };
    if (e instanceof Unsupported) return { ok: false, why: e.message };
    if (e instanceof Error) return { ok: false, why: `${e.name}: ${e.message}` };
    throw e;
  }
}

// ------------------------------------------------------------------------ the package

const WORKBOOK_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  "application/vnd.ms-excel.template.macroEnabled.main+xml",
]);
const SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";

const MAX_CHUNK = 256 * 1024 * 1024;

class Package {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();
  readonly inflated = new Set<string>();

  constructor(
    private readonly buf: Buffer,
    entries: readonly ZipEntry[],
    private readonly budget: ReadBudget,
  ) {
    for (const e of entries) {
      this.byName.set(e.name, e);
      if (!this.byLowerName.has(e.name.toLowerCase())) this.byLowerName.set(e.name.toLowerCase(), e);
    }
  }

  private entry(path: string): ZipEntry | undefined {
    return this.byName.get(path) ?? this.byLowerName.get(path.toLowerCase());
  }

  /**
   * One part as text. Its declared size is charged to the budget before inflating, and is the
   * cap of the inflation, so a lying header cannot expand it; the result must match the
   * declared size and CRC-32, else the part is damaged.
   */
  private text(path: string): string {
    const entry = this.entry(path);
    if (!entry) unsupported(`no part ${path}`);
    const shown = partName(entry.name);
    const data = entryData(this.buf, entry);
    if (!data) throw new Corrupt(`bad local header for ${shown}`);
    this.budget.willInflate(entry.name, entry.uncompressedSize);
    let bytes: Buffer;
    if (entry.method === 0) bytes = data;
    else if (entry.method === 8) {
      try {
        // One output chunk of the declared size: zlib's default 16 KiB chunks cost a copy of
        // the whole part to join.
        const size = Math.max(1, entry.uncompressedSize);
        bytes = inflateRawSync(data, { maxOutputLength: size, chunkSize: Math.max(64, Math.min(size, MAX_CHUNK)) });
      } catch (e) {
        const beyond = e instanceof RangeError || (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
        throw new Corrupt(beyond ? `${shown} expands beyond the size its header says` : `${shown}: ${e instanceof Error ? e.message : String(e)}`);
      }
    } else unsupported(`ZIP compression method ${entry.method}`);
    if (bytes.length !== entry.uncompressedSize) throw new Corrupt(`${shown} is shorter than its header says`);
    if (crc32(bytes) !== entry.crc32) throw new Corrupt(`${shown}: CRC-32 mismatch`);
    this.budget.addInflated(entry.name, bytes.length, bytes.length);
    this.inflated.add(entry.name);
    return xmlText(bytes, entry.name);
  }

  read(): { grids: SheetGrid[]; inflated: ReadonlySet<string> } {
    const types = this.text("[Content_Types].xml");
    let workbookPart: string | null = null;
    let sstPart: string | null = null;
    for (const el of elements(types, "Override")) {
      const partName = el.attrs.get("PartName");
      const type = el.attrs.get("ContentType");
      if (!partName || !type) continue;
      if (WORKBOOK_TYPES.has(type)) {
        if (workbookPart !== null) unsupported("more than one workbook part");
        workbookPart = partName;
      } else if (type === SHARED_STRINGS_TYPE) sstPart = partName;
    }
    if (workbookPart === null) unsupported("no workbook part in [Content_Types].xml");
    if (workbookPart.replace(/^\//, "").toLowerCase() !== "xl/workbook.xml") unsupported(`workbook part at ${workbookPart}`);

    const strings = sstPart === null ? [] : parseSharedStrings(this.text(sstPart.replace(/^\//, "")));
    this.budget.addStrings(strings.length);
    let chars = 0;
    for (const t of strings) if (t !== undefined) chars += t.length;
    this.budget.addText(chars);
    const sheets = this.sheetList();
    const grids = sheets.map(({ name, path }) => parseWorksheet(name, this.text(path), strings, this.budget));
    return { grids, inflated: this.inflated };
  }

  /** The workbook's sheets in order, each with the path of its worksheet part. */
  private sheetList(): { name: string; path: string }[] {
    const workbook = this.text("xl/workbook.xml");
    rootMustBe(workbook, "workbook");
    const rels = new Map<string, { type: string; target: string }>();
    const relsText = this.entry("xl/_rels/workbook.xml.rels") ? this.text("xl/_rels/workbook.xml.rels") : "";
    for (const el of elements(relsText, "Relationship")) {
      const id = el.attrs.get("Id");
      const type = el.attrs.get("Type");
      const target = el.attrs.get("Target");
      if (id && type && target) rels.set(id, { type, target });
    }
    const sheetsAt = workbook.indexOf("<sheets");
    const sheetsEnd = workbook.indexOf("</sheets>", sheetsAt);
    if (sheetsAt < 0 || sheetsEnd < 0) unsupported("workbook.xml lists no sheets");
    const out: { name: string; path: string }[] = [];
    for (const el of elements(workbook.slice(sheetsAt, sheetsEnd), "sheet")) {
      const name = el.attrs.get("name");
      const id = el.attrs.get("r:id");
      if (name === undefined || !id) unsupported("a sheet without a name or relationship id");
      const rel = rels.get(id);
      if (!rel) unsupported(`no relationship ${id}`);
      if (!rel.type.endsWith("/worksheet")) unsupported(`sheet ${name} is a ${rel.type.split("/").pop()}`);
      const target = rel.target.replace(/\\/g, "/");
      if (target.includes("..") || /^[a-z]+:/i.test(target)) unsupported(`sheet target ${target}`);
      const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
      if (!this.entry(path)) unsupported(`no part ${path}`);
      out.push({ name: own(decodeXml(name, false)), path });
    }
    return out;
  }
}

function xmlText(bytes: Buffer, name: string): string {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes.length > 0 && bytes[0] !== 0x3c && bytes[0] !== 0x20 && bytes[0] !== 0x0a && bytes[0] !== 0x0d && bytes[0] !== 0x09) {
    unsupported(`${name} is not UTF-8 XML`);
  }
  // Sheet parts are mostly pure ASCII: Latin-1 decoding gives the same string, faster.
  const text = isAscii(bytes) ? bytes.toString("latin1", start) : bytes.toString("utf8", start);
  const decl = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(text);
  if (decl && decl[1]!.toLowerCase() !== "utf-8") unsupported(`${name} is ${decl[1]}`);
  if (text.includes("<![CDATA[")) unsupported(`${name} has CDATA`);
  return text;
}

/** The document element must be unprefixed: prefixed dialects go to SheetJS. */
function rootMustBe(xml: string, local: string): void {
  const head = xml.slice(0, 4096).replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  const m = /<([A-Za-z_][\w.:-]*)[\s/>]/.exec(head);
  if (!m || m[1] !== local) unsupported(`root element ${m?.[1] ?? "missing"}, expected ${local}`);
}

interface XmlElement {
  attrs: Map<string, string>;
}

/** Every `<local …>` start tag in a small XML text (content types, relationships, sheet list). */
function* elements(xml: string, local: string): Generator<XmlElement> {
  const re = new RegExp(`<${local}(?=[\\s/>])([^<>]*)>`, "g");
  for (let m = re.exec(xml); m; m = re.exec(xml)) yield { attrs: attributes(m[1]!) };
}

const ATTR = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag (or of the text after its name), values as written. */
export function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(text); m; m = ATTR.exec(text)) out.set(m[1]!, m[2] ?? m[3] ?? "");
  return out;
}

// ------------------------------------------------------------------------ text

const ENTITY = /&(?:(quot|apos|gt|lt|amp)|#([0-9]+)|#[xX]([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { quot: '"', apos: "'", gt: ">", lt: "<", amp: "&" };
const ESCAPED_CHAR = /_x([0-9a-fA-F]{4})_/g;

function codePoint(n: number, raw: string): string {
  return n <= 0x10ffff ? String.fromCodePoint(n) : raw;
}

/**
 * XML text as Excel means it: entities, then the `_xHHHH_` escapes Excel writes for control
 * characters, and (for cell text) CRLF as LF.
 */
export function decodeXml(text: string, cellText: boolean): string {
  let s = text;
  if (s.includes("&")) {
    s = s.replace(ENTITY, (raw, named: string | undefined, dec: string | undefined, hex: string | undefined) =>
      named ? NAMED[named]! : codePoint(dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16), raw),
    );
  }
  if (s.includes("_x")) s = s.replace(ESCAPED_CHAR, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  if (cellText && s.includes("\r\n")) s = s.replace(/\r\n/g, "\n");
  return s;
}

/**
 * A copy of `s` that does not keep the part's whole text alive. V8 makes a slice of 13 or more
 * characters a view into its parent string, so one long formula or text kept in a grid would
 * hold a sheet part of up to hundreds of megabytes for as long as the grid lives. Joining and
 * re-slicing makes the engine copy the characters once.
 */
function own(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

const RUN_START = /<r(?=[\s>/])[^<>]*>/;
const PHONETIC_RUN = /<rPh(?=[\s>/])[^<>]*>[\s\S]*?<\/rPh>/g;
const RUN_TEXT = /<t(?=[\s>/])[^<>]*>([^<]*)<\/t>/g;

/**
 * The text of one `<si>` or `<is>` body: its leading `<t>`, or else the `<t>` of each rich-text
 * run; phonetic guides (`<rPh>`, furigana) are not part of the text. Undefined when it has
 * neither, as SheetJS reads it.
 */
function stringItem(body: string): string | undefined {
  const x = body.trim();
  if (x.startsWith("<t")) {
    const open = x.indexOf(">");
    if (open < 0) unsupported("unterminated <t>");
    if (x.charCodeAt(open - 1) === 0x2f) return "";
    const close = x.indexOf("</t>", open);
    return decodeXml(close < 0 ? x.slice(open + 1) : x.slice(open + 1, close), true);
  }
  if (RUN_START.test(x)) {
    let text = "";
    const plain = x.includes("<rPh") ? x.replace(PHONETIC_RUN, "") : x;
    RUN_TEXT.lastIndex = 0;
    for (let m = RUN_TEXT.exec(plain); m; m = RUN_TEXT.exec(plain)) text += m[1];
    return decodeXml(text, true);
  }
  return undefined;
}

export function parseSharedStrings(xml: string): (string | undefined)[] {
  rootMustBe(xml, "sst");
  const out: (string | undefined)[] = [];
  let pos = 0;
  for (;;) {
    const at = xml.indexOf("<si", pos);
    if (at < 0) break;
    const next = xml.charCodeAt(at + 3);
    if (next !== 0x3e) unsupported(next === 0x2f || next === 0x20 ? "a <si> with attributes or empty" : "unexpected <si… element");
    const end = xml.indexOf("</si>", at + 4);
    if (end < 0) unsupported("unterminated <si>");
    const text = stringItem(xml.slice(at + 4, end));
    out.push(text === undefined ? text : own(text));
    pos = end + 5;
  }
  return out;
}

// ------------------------------------------------------------------------ cell references

const MAX_COL = 16383;
const MAX_ROW = 1048575;

/** Column letters as a 0-based index; -1 when `s` has none. */
function colIndex(s: string, from: number, to: number): number {
  let c = 0;
  for (let i = from; i < to; i++) c = c * 26 + (s.charCodeAt(i) - 64);
  return c - 1;
}

function colLetters(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The plain A1 reference in `text` between `from` and `to` ("B12" → row 11, col 1), into
 * `at`; anything else, or a cell outside the sheet's limits, is declined.
 */
function readRefAt(text: string, from: number, to: number, at: { row: number; col: number }): void {
  let i = from;
  let col = 0;
  for (let ch = text.charCodeAt(i); ch >= 65 && ch <= 90 && i < to; ch = text.charCodeAt(++i)) col = col * 26 + (ch - 64);
  const letters = i - from;
  let row = 0;
  for (; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
  }
  if (letters === 0 || letters > 3 || i !== to || i === from + letters || row < 1 || row - 1 > MAX_ROW || col - 1 > MAX_COL) {
    unsupported(`cell reference ${text.slice(from, to)}`);
  }
  at.row = row - 1;
  at.col = col - 1;
}

/**
 * A1 references in a formula, as SheetJS finds them to copy a shared formula to the cells it
 * covers: not after a letter, digit, "." or "_", not before "(" (LOG10() is a function), a
 * letter, digit, "." or "_"; columns A–XFD, rows 1–1048576 without leading zeros.
 */
const A1_REF = /(?<![._A-Z0-9])(\$?)([A-Z]{1,3})(\$?)([0-9]{1,7})(?![_.(A-Za-z0-9])/g;

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  return formula.replace(A1_REF, (whole, colAbs: string, letters: string, rowAbs: string, digits: string) => {
    const col = colIndex(letters, 0, letters.length);
    const row = Number(digits);
    if (col > MAX_COL || digits.charCodeAt(0) === 48 || row > MAX_ROW + 1) return whole;
    let c = letters;
    if (!colAbs) {
      const shifted = col + dCol;
      if (shifted < 0) unsupported("a shared formula shifted left of column A");
      c = colLetters(shifted);
    }
    return `${colAbs}${c}${rowAbs}${rowAbs ? digits : String(row + dRow)}`;
  });
}

function stripXlfn(f: string): string {
  return f.includes("_xlfn.") ? f.replace(/_xlfn\./g, "") : f;
}

// ------------------------------------------------------------------------ worksheets

const V_OPEN = /<v(?=[\s>/])[^<>]*>/;
const F_OPEN = /<f(?=[\s>/])[^<>]*>/;
const F_EMPTY = /<f[^<>]*\/>/;
const IS_OPEN = /<is(?=[\s>/])[^<>]*>/;
const MERGE = /<mergeCell ref=["']([A-Z0-9:]+)['"]\s*\/?>/g;

/** The text between the first `<tag …>` matched by `open` and the next `</tag>`, or null. */
function element(d: string, open: RegExp, tag: string): { start: string; body: string } | null {
  const m = open.exec(d);
  if (!m) return null;
  const from = m.index + m[0].length;
  const close = d.indexOf(`</${tag}>`, from);
  if (close < 0) return null;
  return { start: m[0], body: d.slice(from, close) };
}

/** One attribute of a start tag (the text after the element name), double-quoted as writers do. */
function attr(tag: string, name: string): string | undefined {
  const key = `${name}=`;
  for (let at = tag.indexOf(key); at >= 0; at = tag.indexOf(key, at + 1)) {
    const before = tag.charCodeAt(at - 1);
    if (before !== 0x20 && before !== 0x0a && before !== 0x0d && before !== 0x09) continue;
    const from = at + key.length;
    if (tag.charCodeAt(from) !== 0x22) unsupported(`attribute ${name} not in double quotes`);
    const end = tag.indexOf('"', from + 1);
    if (end < 0) unsupported(`unterminated attribute ${name}`);
    return tag.slice(from + 1, end);
  }
  return undefined;
}

interface SharedFormula {
  text: string;
  row: number;
  col: number;
}

/** Grid slots are charged to the budget in batches of this many (a check per cell would cost more than the cell). */
const CELL_BATCH = 65536;

class GridBuilder {
  readonly values: CellValue[][] = [];
  formulas: (string | null)[][] | null = null;
  /** Slots (rows and cells up to each row's last one) not yet charged to the budget. */
  private slots = 0;
  /** Characters of the sheet's own texts (inline strings, formulas) not yet charged. */
  private chars = 0;

  constructor(
    private readonly sheet: string,
    private readonly budget: ReadBudget,
  ) {}

  private grow(n: number): void {
    this.slots += n;
    if (this.slots >= CELL_BATCH) this.charge();
  }

  /** A text the grid keeps that is not a shared string (those are charged once, when read). */
  text(n: number): void {
    this.chars += n;
    if (this.chars >= CELL_BATCH * 16) this.charge();
  }

  charge(): void {
    const n = this.slots;
    const chars = this.chars;
    this.slots = 0;
    this.chars = 0;
    this.budget.addCells(this.sheet, n);
    this.budget.addText(chars);
  }

  set(r: number, c: number, v: CellValue, f: string | null): void {
    const values = this.values;
    if (values.length <= r) {
      this.grow(r + 1 - values.length);
      while (values.length <= r) values.push([]);
    }
    const row = values[r]!;
    if (v === null && f === null) {
      // A later duplicate of an address replaces the earlier cell, even with nothing.
      if (c < row.length) row[c] = null;
      const frow = this.formulas?.[r];
      if (frow && c < frow.length) frow[c] = null;
      return;
    }
    if (row.length <= c) this.grow(c + 1 - row.length);
    while (row.length < c) row.push(null);
    row[c] = v;
    if (f !== null || (this.formulas !== null && this.formulas[r] !== undefined && c < this.formulas[r]!.length)) {
      if (this.formulas === null) this.formulas = [];
      const formulas = this.formulas;
      while (formulas.length <= r) formulas.push([]);
      const frow = formulas[r]!;
      // Not charged: a formula row is never longer than its value row, already charged.
      while (frow.length < c) frow.push(null);
      frow[c] = f;
    }
  }

  grid(name: string, merges: MergedRange[]): SheetGrid {
    const values = this.values;
    const formulas = this.formulas;
    for (let r = 0; r < values.length; r++) {
      const row = values[r]!;
      const frow = formulas?.[r];
      while (row.length > 0 && row[row.length - 1] === null && (frow === undefined || frow.length < row.length || frow[row.length - 1] === null)) {
        row.pop();
      }
      if (frow) while (frow.length > 0 && frow[frow.length - 1] === null) frow.pop();
    }
    while (values.length > 0 && values[values.length - 1]!.length === 0) values.pop();
    const grid: { name: string; values: CellValue[][]; formulas?: (string | null)[][]; merges?: MergedRange[] } = { name, values };
    if (formulas !== null && formulas.some((row) => row.length > 0)) {
      formulas.length = Math.min(formulas.length, values.length);
      while (formulas.length < values.length) formulas.push([]);
      grid.formulas = formulas;
    }
    if (merges.length > 0) grid.merges = merges;
    return grid;
  }
}

export function parseWorksheet(name: string, xml: string, strings: readonly (string | undefined)[], budget: ReadBudget): SheetGrid {
  rootMustBe(xml, "worksheet");
  const out = new GridBuilder(name, budget);
  let after = 0;
  const open = /<sheetData(?=[\s>/])[^<>]*>/.exec(xml);
  if (open && open[0].endsWith("/>")) after = open.index + open[0].length;
  else if (open) {
    const end = xml.indexOf("</sheetData>", open.index);
    if (end < 0) unsupported("unterminated <sheetData>");
    readRows(xml, open.index + open[0].length, end, strings, out);
    after = end;
  }
  const merges: MergedRange[] = [];
  const tail = open ? xml.slice(after) : xml;
  MERGE.lastIndex = 0;
  const start = { row: -1, col: -1 };
  const end = { row: -1, col: -1 };
  for (let m = MERGE.exec(tail); m; m = MERGE.exec(tail)) {
    const ref = m[1]!;
    const colon = ref.indexOf(":");
    if (colon !== ref.lastIndexOf(":")) unsupported(`merged range ${ref}`);
    readRefAt(ref, 0, colon < 0 ? ref.length : colon, start);
    readRefAt(ref, colon < 0 ? 0 : colon + 1, ref.length, end);
    merges.push({ startRow: start.row, startCol: start.col, endRow: end.row, endCol: end.col });
  }
  out.charge();
  return out.grid(name, merges);
}

function isSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09;
}

/** A cell's start tag: where it ends and where its r and t attribute values are. */
interface CellTag {
  end: number;
  selfClosing: boolean;
  /** From the r attribute; row -1 without one. */
  row: number;
  col: number;
  type: string | undefined;
}

function readCellTag(xml: string, from: number, tag: CellTag): void {
  let q = from;
  tag.row = -1;
  tag.type = undefined;
  for (;;) {
    let ch = xml.charCodeAt(q);
    while (isSpace(ch)) ch = xml.charCodeAt(++q);
    if (ch === 0x3e) {
      tag.end = q + 1;
      tag.selfClosing = false;
      return;
    }
    if (ch === 0x2f && xml.charCodeAt(q + 1) === 0x3e) {
      tag.end = q + 2;
      tag.selfClosing = true;
      return;
    }
    const nameFrom = q;
    while (q < xml.length && ch !== 0x3d && ch !== 0x3e && ch !== 0x2f && !isSpace(ch)) ch = xml.charCodeAt(++q);
    if (ch !== 0x3d || xml.charCodeAt(q + 1) !== 0x22) unsupported("a cell attribute not written as name=\"value\"");
    const valueFrom = q + 2;
    const valueTo = xml.indexOf('"', valueFrom);
    if (valueTo < 0) unsupported("unterminated cell attribute");
    if (q - nameFrom === 1) {
      const name = xml.charCodeAt(nameFrom);
      if (name === 0x72 /* r */) readRefAt(xml, valueFrom, valueTo, tag);
      else if (name === 0x74 /* t */) tag.type = xml.slice(valueFrom, valueTo);
    }
    q = valueTo + 1;
  }
}

/** Digits only, short enough to be exact: their value; else -1. */
function smallInteger(xml: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function readRows(xml: string, from: number, to: number, strings: readonly (string | undefined)[], out: GridBuilder): void {
  const shared = new Map<string, SharedFormula>();
  const tag: CellTag = { end: 0, selfClosing: false, row: -1, col: -1, type: undefined };
  let rowNumber = 0;
  let pos = from;
  for (;;) {
    const rowAt = xml.indexOf("<row", pos);
    if (rowAt < 0 || rowAt >= to) break;
    const after = xml.charCodeAt(rowAt + 4);
    if (after !== 0x20 && after !== 0x3e && after !== 0x2f) unsupported("unexpected <row… element");
    const rowTagEnd = xml.indexOf(">", rowAt);
    if (rowTagEnd < 0 || rowTagEnd > to) unsupported("unterminated <row>");
    if (xml.charCodeAt(rowTagEnd - 1) === 0x2f) {
      pos = rowTagEnd + 1;
      continue;
    }
    const r = attr(xml.slice(rowAt, rowTagEnd), "r");
    rowNumber = r !== undefined ? parseInt(r, 10) : rowNumber + 1;
    let col = -1;
    let p = rowTagEnd + 1;
    for (;;) {
      const lt = xml.indexOf("<", p);
      if (lt < 0 || lt >= to) unsupported("unterminated <row>");
      if (xml.charCodeAt(lt + 1) === 0x2f) {
        if (!xml.startsWith("</row>", lt)) unsupported("unexpected end tag in a row");
        pos = lt + 6;
        break;
      }
      const ch = xml.charCodeAt(lt + 2);
      if (xml.charCodeAt(lt + 1) !== 0x63 /* c */ || (ch !== 0x20 && ch !== 0x3e && ch !== 0x2f)) {
        unsupported("an element other than <c> in a row");
      }
      readCellTag(xml, lt + 2, tag);
      let row: number;
      if (tag.row >= 0) {
        row = tag.row;
        col = tag.col;
      } else {
        col++;
        row = rowNumber - 1;
        if (!Number.isInteger(row) || row < 0 || row > MAX_ROW || col > MAX_COL) unsupported("a cell without a reference outside the sheet");
      }
      if (tag.selfClosing) {
        p = tag.end;
        readCell(tag.type, "", row, col, strings, shared, out);
        continue;
      }
      const q = tag.end;
      // The common cell, <v>…</v></c>, read in place.
      if (xml.startsWith("<v>", q)) {
        const vEnd = xml.indexOf("</v>", q + 3);
        if (vEnd > q + 3 && xml.startsWith("</c>", vEnd + 4) && xml.lastIndexOf("<", vEnd - 1) < q + 3) {
          const type = tag.type;
          if (type === "s") {
            const i = smallInteger(xml, q + 3, vEnd);
            if (i >= 0) {
              if (i >= strings.length) unsupported(`shared-string index ${i} of ${strings.length}`);
              out.set(row, col, strings[i] ?? null, null);
              p = vEnd + 8;
              continue;
            }
          } else if (type === undefined || type === "n") {
            const n = smallInteger(xml, q + 3, vEnd);
            out.set(row, col, n >= 0 ? n : parseFloat(decodeXml(xml.slice(q + 3, vEnd), false)), null);
            p = vEnd + 8;
            continue;
          }
        }
      }
      const close = xml.indexOf("</c>", q);
      if (close < 0 || close > to) unsupported("unterminated <c>");
      readCell(tag.type, xml.slice(q, close), row, col, strings, shared, out);
      p = close + 4;
    }
  }
}

function readCell(
  type: string | undefined,
  d: string,
  row: number,
  col: number,
  strings: readonly (string | undefined)[],
  shared: Map<string, SharedFormula>,
  out: GridBuilder,
): void {
  let raw: string | undefined;
  let formula: string | null = null;
  if (d !== "") {
    const v = element(d, V_OPEN, "v");
    if (v && v.body !== "") raw = v.body;
    if (d.includes("<f")) formula = readFormula(d, row, col, shared);
    if (raw !== undefined && (raw.includes("&") || raw.includes("_x"))) raw = decodeXml(raw, false);
  }
  // No value and no type: SheetJS drops the cell, even with a formula (it means to read 0 but
  // then discards it as empty), so an uncalculated formula is not in the grid either.
  if (type === undefined && raw === undefined) return;
  let value: CellValue;
  switch (type ?? "n") {
    case "n":
      if (raw === undefined || raw === "") return;
      value = parseFloat(raw);
      break;
    case "s": {
      if (raw === undefined) return;
      if (!/^\s*[0-9]+/.test(raw)) unsupported(`shared-string index ${raw}`);
      const i = parseInt(raw, 10);
      if (i >= strings.length) unsupported(`shared-string index ${i} of ${strings.length}`);
      value = strings[i] ?? null;
      break;
    }
    case "str":
      value = raw !== undefined ? own(raw.replace(/\r\n/g, "\n")) : "";
      out.text(value.length);
      break;
    case "inlineStr": {
      const is = element(d, IS_OPEN, "is");
      const text = is && is.body !== "" ? stringItem(is.body) : "";
      value = text === undefined ? null : own(text);
      if (value !== null) out.text(value.length);
      break;
    }
    case "b":
      value = raw === "1" || raw === "true";
      break;
    case "e":
      value = raw !== undefined && raw !== "" ? own(raw) : "#ERROR";
      break;
    case "d":
      unsupported("an ISO date cell");
    // falls through (unsupported throws)
    default:
      value = null;
  }
  if (formula) out.text(formula.length + 1);
  out.set(row, col, value, formula ? own(`=${formula}`) : null);
}

function readFormula(d: string, row: number, col: number, shared: Map<string, SharedFormula>): string | null {
  const f = element(d, F_OPEN, "f");
  if (f) {
    if (f.start.includes("'")) unsupported("formula attributes in single quotes");
    if (f.body === "") return f.start.includes('t="shared"') ? follow(f.start, row, col, shared) : null;
    // An array formula's text is in its first cell; the others hold only values.
    if (f.start.includes('t="shared"') && !f.start.includes('t="array"')) {
      const si = attr(f.start, "si");
      if (si === undefined) unsupported("a shared formula without si");
      shared.set(String(parseInt(si, 10)), { text: stripXlfn(decodeXml(f.body, false)), row, col });
    }
    return stripXlfn(decodeXml(f.body, true));
  }
  const empty = F_EMPTY.exec(d);
  if (!empty) return null;
  if (empty[0].includes("'")) unsupported("formula attributes in single quotes");
  return follow(empty[0], row, col, shared);
}

/** A cell that shares the formula of an earlier cell: that formula, moved by their offset. */
function follow(start: string, row: number, col: number, shared: Map<string, SharedFormula>): string | null {
  const si = attr(start, "si");
  if (si === undefined) return null;
  const master = shared.get(si);
  if (!master) return null;
  return shiftFormula(master.text, row - master.row, col - master.col) || null;
}
