import * as zlib from "node:zlib";
import { OverBudget, READ_LIMITS, type ReadBudget, type ReadLimits } from "./budget";
import type { LoadFailure } from "./failure";

/**
 * A ZIP container's central directory, read without inflating anything, so that the loader can
 * refuse zip bombs, truncated and damaged archives before any reader expands a part. Each
 * directory entry is checked against its local header: a single damaged byte in either makes
 * them disagree, and the archive is then reported as corrupt, not as a zip bomb or as
 * encrypted (which only an archive whose two records agree can be).
 */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where its central directory record starts, for a writer that copies the record's other fields. */
  centralHeaderOffset: number;
}

/** The directory's entries, in directory order, and the archive comment after the end record. */
export interface ZipArchive {
  entries: ZipEntry[];
  comment: Buffer;
}

type ZipResult = ({ ok: true } & ZipArchive) | { ok: false; reason: LoadFailure };

export const EOCD_SIG = 0x06054b50;
export const ZIP64_LOCATOR_SIG = 0x07064b50;
export const ZIP64_EOCD_SIG = 0x06064b50;
export const CD_SIG = 0x02014b50;
export const LOCAL_SIG = 0x04034b50;
const DESCRIPTOR_SIG = 0x08074b50;

/** A part's name as it goes into a message: short, whatever the archive claims. */
export function partName(name: string): string {
  return name.length > 80 ? `${name.slice(0, 77)}...` : name;
}

function corrupt(detail: string): ZipResult {
  return { ok: false, reason: { code: "corrupt", detail } };
}

function truncated(detail: string): ZipResult {
  return { ok: false, reason: { code: "truncated", detail } };
}

function readU64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) return i;
  }
  return -1;
}

function startsAsZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf.readUInt32LE(0) === LOCAL_SIG;
}

/**
 * The sizes and CRC a local header (or the data descriptor after the data, when flag bit 3 says
 * the header left them out) gives for an entry; null when they cannot be read.
 */
function localRecord(buf: Buffer, entry: ZipEntry): { flags: number; method: number; name: Buffer; crc: number; csize: number; usize: number } | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL_SIG) return null;
  const flags = buf.readUInt16LE(at + 6);
  const method = buf.readUInt16LE(at + 8);
  let crc = buf.readUInt32LE(at + 14);
  let csize = buf.readUInt32LE(at + 18);
  let usize = buf.readUInt32LE(at + 22);
  const nameLen = buf.readUInt16LE(at + 26);
  const extraLen = buf.readUInt16LE(at + 28);
  if (at + 30 + nameLen + extraLen > buf.length) return null;
  const name = buf.subarray(at + 30, at + 30 + nameLen);
  if (csize === 0xffffffff || usize === 0xffffffff) {
    // ZIP64: the local extra field holds both sizes.
    for (let e = at + 30 + nameLen; e + 4 <= at + 30 + nameLen + extraLen; ) {
      const id = buf.readUInt16LE(e);
      const size = buf.readUInt16LE(e + 2);
      if (id === 0x0001 && size >= 16) {
        usize = readU64(buf, e + 4);
        csize = readU64(buf, e + 12);
      }
      e += 4 + size;
    }
  }
  if (flags & 0x8 && crc === 0 && csize === 0 && usize === 0) {
    // The data descriptor follows the data: [signature] crc, compressed, uncompressed.
    let d = at + 30 + nameLen + extraLen + entry.compressedSize;
    if (d + 4 <= buf.length && buf.readUInt32LE(d) === DESCRIPTOR_SIG) d += 4;
    if (d + 12 > buf.length) return null;
    crc = buf.readUInt32LE(d);
    const zip64 = entry.compressedSize >= 0xffffffff || entry.uncompressedSize >= 0xffffffff;
    if (zip64) {
      if (d + 20 > buf.length) return null;
      csize = readU64(buf, d + 4);
      usize = readU64(buf, d + 12);
    } else {
      csize = buf.readUInt32LE(d + 4);
      usize = buf.readUInt32LE(d + 8);
    }
  }
  return { flags, method, name, crc, csize, usize };
}

/**
 * Reads the central directory, checks each entry against its local header, and applies the
 * limits that need no inflating: the number of entries, the sum of the declared sizes, and the
 * compression ratio of each part.
 */
export function inspectZip(buf: Buffer, limits: Pick<ReadLimits, "declaredBytes" | "ratio" | "ratioAbove" | "entries"> = READ_LIMITS): ZipResult {
  const eocd = buf.length >= 22 ? findEocd(buf) : -1;
  if (eocd < 0) {
    return startsAsZip(buf) ? truncated("the end of the ZIP archive is missing") : corrupt("no ZIP central directory");
  }
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== ZIP64_LOCATOR_SIG) return corrupt("bad ZIP64 locator");
    const z64 = readU64(buf, loc + 8);
    if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== ZIP64_EOCD_SIG) return corrupt("bad ZIP64 end record");
    count = readU64(buf, z64 + 32);
    cdSize = readU64(buf, z64 + 40);
    cdOffset = readU64(buf, z64 + 48);
  }
  if (count > limits.entries) {
    return { ok: false, reason: { code: "too-large", limit: "entries", max: limits.entries } };
  }
  if (cdOffset + cdSize > buf.length) return corrupt("central directory past the end of the file");

  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CD_SIG) return corrupt("bad central directory entry");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc32 = buf.readUInt32LE(p + 16);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    const nameEnd = p + 46 + nameLen;
    if (nameEnd + extraLen + commentLen > buf.length) return corrupt("bad central directory entry");
    const nameBytes = buf.subarray(p + 46, nameEnd);
    const name = nameBytes.toString(flags & 0x800 ? "utf8" : "latin1");
    // ZIP64 extended information: only the fields whose 32-bit value is 0xFFFFFFFF are present.
    let e = nameEnd;
    const extraEnd = nameEnd + extraLen;
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e);
      const size = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const end = Math.min(e + 4 + size, extraEnd);
        if (uncompressedSize === 0xffffffff && q + 8 <= end) {
          uncompressedSize = readU64(buf, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= end) {
          compressedSize = readU64(buf, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff && q + 8 <= end) localHeaderOffset = readU64(buf, q);
      }
      e += 4 + size;
    }
    const entry: ZipEntry = { name, flags, method, crc32, compressedSize, uncompressedSize, localHeaderOffset, centralHeaderOffset: p };
    const shown = partName(name);
    if (localHeaderOffset >= cdOffset) return corrupt(`entry ${shown} points into the central directory`);
    const local = localRecord(buf, entry);
    if (!local) return corrupt(`bad local header for ${shown}`);
    if (
      !local.name.equals(nameBytes) ||
      local.method !== method ||
      (local.flags & 0x1) !== (flags & 0x1) ||
      local.crc !== crc32 ||
      local.csize !== compressedSize ||
      local.usize !== uncompressedSize
    ) {
      return corrupt(`the directory and the local header of ${shown} disagree`);
    }
    const dataEnd = localHeaderOffset + 30 + local.name.length + buf.readUInt16LE(localHeaderOffset + 28) + compressedSize;
    if (dataEnd > cdOffset) return corrupt(`the data of ${shown} runs into the central directory`);
    if (flags & 0x1) return { ok: false, reason: { code: "encrypted" } };
    total += uncompressedSize;
    if (total > limits.declaredBytes) {
      return { ok: false, reason: { code: "too-large", limit: "expanded-size", max: limits.declaredBytes } };
    }
    if (uncompressedSize > limits.ratioAbove && uncompressedSize > limits.ratio * Math.max(1, compressedSize)) {
      return {
        ok: false,
        reason: {
          code: "too-large",
          limit: "compression-ratio",
          detail: `${shown}: ${formatBytes(compressedSize)} → ${formatBytes(uncompressedSize)}`,
        },
      };
    }
    entries.push(entry);
    p = extraEnd + commentLen;
  }
  return { ok: true, entries, comment: buf.subarray(eocd + 22, Math.min(buf.length, eocd + 22 + buf.readUInt16LE(eocd + 20))) };
}

/** Where an entry's compressed bytes are, from its local header; null when the header is bad. */
export function entryData(buf: Buffer, entry: ZipEntry): Buffer | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL_SIG) return null;
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) return null;
  return buf.subarray(start, end);
}

/**
 * A part's text (UTF-8) when it declares at most `max` bytes and inflates within `max`; null
 * when it is larger, damaged or compressed with a method other than deflate.
 */
export function entryText(buf: Buffer, entry: ZipEntry, max: number): string | null {
  if (entry.uncompressedSize > max) return null;
  const data = entryData(buf, entry);
  if (!data) return null;
  try {
    if (entry.method === 0) return data.toString("utf8");
    if (entry.method === 8) return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, max) }).toString("utf8");
  } catch {
    return null;
  }
  return null;
}

// ------------------------------------------------------------------------ CRC-32

let crcTable: Int32Array | null = null;

/** CRC-32 (ZIP's polynomial) in JavaScript, for Node versions before zlib.crc32 (20.15). */
function crc32Js(data: Uint8Array, value: number): number {
  if (crcTable === null) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ (data[i] as number)) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** The running CRC-32 of `data` after `value` (0 to start). */
export function crc32(data: Uint8Array, value = 0): number {
  const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  return native ? native(data, value) : crc32Js(data, value);
}

// ------------------------------------------------------------------------ verification

/**
 * What a scan counts in a part's inflated bytes as they stream past (cells in a worksheet, for
 * a reader that would otherwise only count them after building them in memory). A counter
 * reports what it finds to the budget itself, which throws OverBudget at a limit.
 */
export interface PartCounter {
  push(chunk: Buffer): void;
  /** After the last chunk: what was still open (the last row). */
  end(): void;
}

export interface VerifyOptions {
  /** Count the inflated bytes (and cells) against this budget; none when the parts were read already. */
  budget?: ReadBudget;
  /** A counter for a part (reporting to the budget), or undefined to only count its bytes. */
  counter?: (entry: ZipEntry) => PartCounter | undefined;
}

/**
 * Inflates each entry as a stream, discarding the output (nothing is kept in memory), and checks
 * that it inflates to exactly the size its directory entry declares, with the declared CRC-32:
 * SheetJS trusts the headers, so a lying header would otherwise expand without bound. With a
 * budget, the bytes and the counted cells are charged to it as they stream, and the first limit
 * passed ends the scan.
 */
export async function verifyZipEntries(buf: Buffer, entries: readonly ZipEntry[], options: VerifyOptions = {}): Promise<LoadFailure | null> {
  const { budget } = options;
  if (budget) {
    // Declared sizes first: a file over budget by its own account is refused before any inflating.
    let planned = 0;
    for (const entry of entries) {
      try {
        budget.willInflate(entry.name, entry.uncompressedSize, planned);
      } catch (e) {
        if (e instanceof OverBudget) return overBudgetFailure(e);
        throw e;
      }
      planned += entry.uncompressedSize;
    }
  }
  for (const entry of entries) {
    if (entry.name.endsWith("/") && entry.uncompressedSize === 0) continue;
    const shown = partName(entry.name);
    const data = entryData(buf, entry);
    if (!data) return { code: "corrupt", detail: `bad local header for ${shown}` };
    if (entry.method !== 0 && entry.method !== 8) {
      return { code: "unsupported-format", detail: `ZIP compression method ${entry.method}` };
    }
    const counter = options.counter?.(entry);
    const result = await streamPart(entry, data, budget, counter);
    if (result) return result;
  }
  return null;
}

function overBudgetFailure(e: OverBudget): LoadFailure {
  return { code: "too-large", ...e.info };
}

/** Inflates (or, stored, reads) one part in chunks: size, CRC, budget and counters. */
function streamPart(entry: ZipEntry, data: Buffer, budget: ReadBudget | undefined, counter: PartCounter | undefined): Promise<LoadFailure | null> {
  const shown = partName(entry.name);
  const declared = entry.uncompressedSize;
  let n = 0;
  let crc = 0;
  const take = (chunk: Buffer): LoadFailure | "over" | null => {
    n += chunk.length;
    if (n > declared) return "over";
    crc = crc32(chunk, crc);
    try {
      budget?.addInflated(entry.name, chunk.length, n);
      counter?.push(chunk);
    } catch (e) {
      if (e instanceof OverBudget) return overBudgetFailure(e);
      throw e;
    }
    return null;
  };
  const finish = (): LoadFailure | null => {
    if (n !== declared) return { code: "corrupt", detail: `${shown} is shorter than its header says` };
    if (crc !== entry.crc32) return { code: "corrupt", detail: `${shown}: CRC-32 mismatch` };
    if (counter) {
      try {
        counter.end();
      } catch (e) {
        if (e instanceof OverBudget) return overBudgetFailure(e);
        throw e;
      }
    }
    return null;
  };
  const beyond: LoadFailure = { code: "corrupt", detail: `${shown} expands beyond the size its header says` };

  if (entry.method === 0) {
    if (entry.compressedSize !== declared) return Promise.resolve({ code: "corrupt", detail: `bad size for ${shown}` });
    for (let at = 0; at < data.length; at += 1 << 20) {
      const r = take(data.subarray(at, Math.min(data.length, at + (1 << 20))));
      if (r === "over") return Promise.resolve(beyond);
      if (r) return Promise.resolve(r);
    }
    return Promise.resolve(finish());
  }

  return new Promise((resolve) => {
    // Output chunks of up to 1 MiB (default 16 KiB): a big sheet part is counted in far fewer
    // 'data' events, and the output is still never kept.
    const inflate = zlib.createInflateRaw({ chunkSize: Math.min(1 << 20, Math.max(64 * 1024, declared)) });
    let settled = false;
    const done = (v: LoadFailure | null) => {
      if (settled) return;
      settled = true;
      resolve(v);
    };
    inflate.on("data", (chunk: Buffer) => {
      if (settled) return;
      const r = take(chunk);
      if (r) {
        done(r === "over" ? beyond : r);
        inflate.destroy();
      }
    });
    inflate.on("error", (err: Error) => done({ code: "corrupt", detail: `${shown}: ${err.message}` }));
    inflate.on("end", () => done(finish()));
    inflate.end(data);
  });
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / (1024 * 1024 * 1024)).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
