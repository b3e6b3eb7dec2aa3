import { deflateRawSync } from "node:zlib";
import { attributes } from "../load/ooxml";
import { CD_SIG, crc32, EOCD_SIG, entryData, entryText, LOCAL_SIG, ZIP64_EOCD_SIG, ZIP64_LOCATOR_SIG, type ZipArchive, type ZipEntry } from "../load/zip";

/**
 * Adds worksheets to an .xlsx / .xlsm package without touching anything else: every part but
 * the workbook's sheet list (xl/workbook.xml), the content types ([Content_Types].xml) and the
 * workbook's relationships (xl/_rels/workbook.xml.rels) is copied byte for byte, compressed
 * data included, so formulas, styles, validations, merges, comments, shared strings and macros
 * are exactly what they were. The new sheets are appended after the existing ones (sheet
 * indexes that defined names and views refer to do not move) and hold their text inline, so
 * the shared strings part stays as it was.
 *
 * The archive must already have passed the loader's checks (inspectZip and the part CRCs).
 * What this writer does not understand is refused with `PackageError`, never written wrong.
 */

export class PackageError extends Error {}

/** A new sheet: its name and the worksheet part's XML (built for the package's namespace). */
export interface NewSheet {
  name: string;
  xml: (mainNamespace: string) => string;
}

/** The central directory fields the loader's ZipEntry leaves out, read again for a faithful copy. */
interface CentralRecord {
  entry: ZipEntry;
  nameBytes: Buffer;
  versionMadeBy: number;
  versionNeeded: number;
  time: number;
  date: number;
  internalAttrs: number;
  externalAttrs: number;
  extra: Buffer;
  comment: Buffer;
  localExtra: Buffer;
}

/** Extra fields without the ZIP64 record: sizes and offsets are rewritten in 32 bits. */
function withoutZip64(extra: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let e = 0; e + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(e);
    const size = extra.readUInt16LE(e + 2);
    if (id !== 0x0001) parts.push(extra.subarray(e, Math.min(extra.length, e + 4 + size)));
    e += 4 + size;
  }
  return Buffer.concat(parts);
}

/** Each entry's central directory record, at the offset the loader's inspection found it. */
function centralRecords(buf: Buffer, entries: readonly ZipEntry[]): CentralRecord[] {
  return entries.map((entry) => {
    const p = entry.centralHeaderOffset;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const at = entry.localHeaderOffset;
    const localNameLen = buf.readUInt16LE(at + 26);
    const localExtraLen = buf.readUInt16LE(at + 28);
    return {
      entry,
      versionMadeBy: buf.readUInt16LE(p + 4),
      versionNeeded: buf.readUInt16LE(p + 6),
      time: buf.readUInt16LE(p + 12),
      date: buf.readUInt16LE(p + 14),
      internalAttrs: buf.readUInt16LE(p + 36),
      externalAttrs: buf.readUInt32LE(p + 38),
      nameBytes: buf.subarray(p + 46, p + 46 + nameLen),
      extra: withoutZip64(buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen)),
      comment: buf.subarray(p + 46 + nameLen + extraLen, p + 46 + nameLen + extraLen + commentLen),
      localExtra: withoutZip64(buf.subarray(at + 30 + localNameLen, at + 30 + localNameLen + localExtraLen)),
    };
  });
}

function partText(buf: Buffer, entry: ZipEntry): string {
  const text = entryText(buf, entry, entry.uncompressedSize);
  if (text === null) throw new PackageError(`${entry.name} cannot be read (compression method ${entry.method})`);
  if (text.charCodeAt(0) === 0xfeff) throw new PackageError(`${entry.name} starts with a byte-order mark`);
  return text;
}

const escapeAttr = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** Inserts `text` just before the closing tag `</…local>` (any prefix), which must be there once. */
function beforeClose(xml: string, local: string, text: string, part: string): string {
  const re = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${local}\\s*>`, "g");
  const matches = [...xml.matchAll(re)];
  if (matches.length !== 1) throw new PackageError(`${part}: expected one </${local}>`);
  const at = (matches[0] as RegExpMatchArray).index as number;
  return xml.slice(0, at) + text + xml.slice(at);
}

interface Rewritten {
  types: string;
  workbook: string;
  rels: string;
  parts: { name: string; xml: string }[];
}

/**
 * The three edited parts and the new sheet parts. Each new sheet gets the next sheetId, an
 * unused relationship id and part name, and the relationship type and content type the
 * package already uses for its worksheets (transitional or strict alike).
 */
function rewrite(types: string, workbook: string, rels: string, existing: readonly string[], sheets: readonly NewSheet[]): Rewritten {
  const root = /<([A-Za-z_][\w.-]*:)?workbook[\s>]/.exec(workbook);
  if (!root) throw new PackageError("xl/workbook.xml: no workbook element");
  const prefix = root[1] ?? "";
  const rootTag = workbook.slice(root.index, workbook.indexOf(">", root.index) + 1);
  const rootAttrs = attributes(rootTag);
  const mainNs = rootAttrs.get(prefix === "" ? "xmlns" : `xmlns:${prefix.slice(0, -1)}`);
  if (!mainNs) throw new PackageError("xl/workbook.xml: no SpreadsheetML namespace");
  let relPrefix: string | null = null;
  for (const [k, v] of rootAttrs) if (k.startsWith("xmlns:") && /\/relationships$/.test(v) && /officeDocument/.test(v)) relPrefix = k.slice(6);
  if (relPrefix === null) throw new PackageError("xl/workbook.xml: no relationships namespace");

  const ids: number[] = [];
  for (const m of workbook.matchAll(/<(?:[A-Za-z_][\w.-]*:)?sheet\s[^>]*>/g)) {
    const id = Number(attributes(m[0]).get("sheetId"));
    if (Number.isInteger(id)) ids.push(id);
  }
  if (ids.length === 0) throw new PackageError("xl/workbook.xml: no sheets");
  let nextSheetId = ids.reduce((a, b) => Math.max(a, b), 0) + 1;

  const relIds = new Set<string>();
  let worksheetType: string | null = null;
  let absolute = false;
  for (const m of rels.matchAll(/<(?:[A-Za-z_][\w.-]*:)?Relationship\s[^>]*>/g)) {
    const a = attributes(m[0]);
    const id = a.get("Id");
    if (id) relIds.add(id);
    const type = a.get("Type") ?? "";
    if (/\/worksheet$/.test(type)) {
      worksheetType ??= type;
      absolute ||= (a.get("Target") ?? "").startsWith("/");
    }
  }
  if (!worksheetType) throw new PackageError("xl/_rels/workbook.xml.rels: no worksheet relationship");
  let worksheetContentType: string | null = null;
  for (const m of types.matchAll(/<(?:[A-Za-z_][\w.-]*:)?Override\s[^>]*>/g)) {
    const ct = attributes(m[0]).get("ContentType") ?? "";
    if (/worksheet\+xml$/.test(ct)) {
      worksheetContentType = ct;
      break;
    }
  }
  if (!worksheetContentType) throw new PackageError("[Content_Types].xml: no worksheet content type");

  const taken = new Set(existing.map((n) => n.toLowerCase()));
  let n = 1;
  let relN = 1;
  const parts: { name: string; xml: string }[] = [];
  let sheetTags = "";
  let relTags = "";
  let typeTags = "";
  for (const sheet of sheets) {
    while (taken.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    taken.add(part);
    while (relIds.has(`rId${relN}`)) relN++;
    const relId = `rId${relN}`;
    relIds.add(relId);
    sheetTags += `<${prefix}sheet name="${escapeAttr(sheet.name)}" sheetId="${nextSheetId++}" ${relPrefix}:id="${relId}"/>`;
    relTags += `<Relationship Id="${relId}" Type="${escapeAttr(worksheetType)}" Target="${absolute ? `/${part}` : `worksheets/sheet${n}.xml`}"/>`;
    typeTags += `<Override PartName="/${part}" ContentType="${escapeAttr(worksheetContentType)}"/>`;
    parts.push({ name: part, xml: sheet.xml(mainNs) });
  }
  return {
    workbook: beforeClose(workbook, "sheets", sheetTags, "xl/workbook.xml"),
    rels: beforeClose(rels, "Relationships", relTags, "xl/_rels/workbook.xml.rels"),
    types: beforeClose(types, "Types", typeTags, "[Content_Types].xml"),
    parts,
  };
}

type EntryFields = Pick<Written, "versionNeeded" | "flags" | "method" | "time" | "date" | "crc" | "csize" | "usize" | "name" | "extra">;

/** The 26 bytes that a local header and a central directory record share, in the same order. */
function writeEntryFields(h: Buffer, at: number, r: EntryFields): void {
  h.writeUInt16LE(r.versionNeeded, at);
  h.writeUInt16LE(r.flags, at + 2);
  h.writeUInt16LE(r.method, at + 4);
  h.writeUInt16LE(r.time, at + 6);
  h.writeUInt16LE(r.date, at + 8);
  h.writeUInt32LE(r.crc >>> 0, at + 10);
  h.writeUInt32LE(r.csize, at + 14);
  h.writeUInt32LE(r.usize, at + 18);
  h.writeUInt16LE(r.name.length, at + 22);
  h.writeUInt16LE(r.extra.length, at + 24);
}

function localHeader(r: EntryFields): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL_SIG, 0);
  writeEntryFields(h, 4, r);
  return Buffer.concat([h, r.name, r.extra]);
}

interface Written {
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  csize: number;
  usize: number;
  name: Buffer;
  extra: Buffer;
  comment: Buffer;
  internalAttrs: number;
  externalAttrs: number;
  offset: number;
}

function centralHeader(w: Written): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(CD_SIG, 0);
  h.writeUInt16LE(w.versionMadeBy, 4);
  writeEntryFields(h, 6, w);
  h.writeUInt16LE(w.comment.length, 32);
  h.writeUInt16LE(0, 34);
  h.writeUInt16LE(w.internalAttrs, 36);
  h.writeUInt32LE(w.externalAttrs >>> 0, 38);
  h.writeUInt32LE(w.offset, 42);
  return Buffer.concat([h, w.name, w.extra, w.comment]);
}

const EDITED = ["[content_types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"] as const;

/**
 * The package with `sheets` added (see above). `buf` and `archive` are the input as the loader
 * inspected it. Throws PackageError for a package this writer cannot extend faithfully.
 */
export function addSheetsToPackage(buf: Buffer, archive: ZipArchive, sheets: readonly NewSheet[]): Buffer {
  const records = centralRecords(buf, archive.entries);
  const { comment } = archive;
  const find = (name: string) => {
    const hits = records.filter((r) => r.entry.name.toLowerCase() === name);
    if (hits.length !== 1) throw new PackageError(hits.length === 0 ? `no part ${name}` : `${name} twice`);
    return hits[0] as CentralRecord;
  };
  const [typesRec, workbookRec, relsRec] = EDITED.map(find) as [CentralRecord, CentralRecord, CentralRecord];
  const edited = rewrite(
    partText(buf, typesRec.entry),
    partText(buf, workbookRec.entry),
    partText(buf, relsRec.entry),
    records.map((r) => r.entry.name),
    sheets,
  );
  const replacement = new Map<CentralRecord, string>([
    [typesRec, edited.types],
    [workbookRec, edited.workbook],
    [relsRec, edited.rels],
  ]);

  const chunks: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  const push = (b: Buffer) => {
    chunks.push(b);
    offset += b.length;
  };
  const add = (w: Omit<Written, "offset">, data: Buffer) => {
    if (offset > 0xffffffff - 1) throw new PackageError("the package would pass 4 GB");
    written.push({ ...w, offset });
    push(localHeader(w));
    push(data);
  };
  for (const r of records) {
    const text = replacement.get(r);
    // Sizes travel in the header (no data descriptor): the data after it is the input's own.
    const flags = r.entry.flags & ~0x8;
    if (text === undefined) {
      const data = entryData(buf, r.entry);
      if (!data) throw new PackageError(`bad local header for ${r.entry.name}`);
      add(
        { versionMadeBy: r.versionMadeBy, versionNeeded: r.versionNeeded, flags, method: r.entry.method, time: r.time, date: r.date, crc: r.entry.crc32, csize: r.entry.compressedSize, usize: r.entry.uncompressedSize, name: r.nameBytes, extra: r.localExtra, comment: r.comment, internalAttrs: r.internalAttrs, externalAttrs: r.externalAttrs },
        data,
      );
    } else {
      const bytes = Buffer.from(text, "utf8");
      const data = deflateRawSync(bytes, { level: 9 });
      add(
        { versionMadeBy: r.versionMadeBy, versionNeeded: Math.max(20, r.versionNeeded), flags: flags & 0x800, method: 8, time: r.time, date: r.date, crc: crc32(bytes), csize: data.length, usize: bytes.length, name: r.nameBytes, extra: r.localExtra, comment: r.comment, internalAttrs: r.internalAttrs, externalAttrs: r.externalAttrs },
        data,
      );
    }
  }
  // New parts carry the workbook part's date, so the same input and draft give the same bytes.
  for (const part of edited.parts) {
    const bytes = Buffer.from(part.xml, "utf8");
    const data = deflateRawSync(bytes, { level: 9 });
    add(
      { versionMadeBy: 20, versionNeeded: 20, flags: 0, method: 8, time: workbookRec.time, date: workbookRec.date, crc: crc32(bytes), csize: data.length, usize: bytes.length, name: Buffer.from(part.name, "utf8"), extra: Buffer.alloc(0), comment: Buffer.alloc(0), internalAttrs: 0, externalAttrs: 0 },
      data,
    );
  }
  const cdStart = offset;
  for (const w of written) push(centralHeader(w));
  const cdSize = offset - cdStart;
  const count = written.length;
  if (count > 0xfffe) {
    // ZIP64 end records: more entries than the classic end record can count.
    const z64 = Buffer.alloc(56);
    z64.writeUInt32LE(ZIP64_EOCD_SIG, 0);
    z64.writeBigUInt64LE(44n, 4);
    z64.writeUInt16LE(45, 12);
    z64.writeUInt16LE(45, 14);
    z64.writeBigUInt64LE(BigInt(count), 24);
    z64.writeBigUInt64LE(BigInt(count), 32);
    z64.writeBigUInt64LE(BigInt(cdSize), 40);
    z64.writeBigUInt64LE(BigInt(cdStart), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(ZIP64_LOCATOR_SIG, 0);
    loc.writeBigUInt64LE(BigInt(offset), 8);
    loc.writeUInt32LE(1, 16);
    push(z64);
    push(loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD_SIG, 0);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(cdStart, 16);
  end.writeUInt16LE(comment.length, 20);
  push(end);
  push(comment);
  return Buffer.concat(chunks);
}
