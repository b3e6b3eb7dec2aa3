/**
 * A seeded fuzz test of the CLI on mutated workbooks and CSVs: byte flips, truncations, parts
 * swapped between names, hostile strings put into shared strings, sheet names and CSV fields
 * (terminal escapes, bidi overrides, zero-width characters, lone surrogates, 40,000-character
 * texts), random encodings. The same seed gives the same cases on every run.
 *
 * In-process, in batches through runCli (the real command, text output): the exit status is 2
 * exactly when an input could not be read, each unreadable input has exactly one stderr line,
 * no line on stdout or stderr carries a control character, and nothing throws. A sample of the
 * cases then runs through the built CLI, one process each, with its peak memory measured.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import * as XLSX from "@e965/xlsx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "./in-process";
import { inspectZip, entryData } from "../../packages/cli/src/load/zip";
import { CSV_TEXT, ROOT, buildCli, makeZip, runPmarkMeasured, tempDir, toShiftJis, utf16le, writeSampleXlsx } from "./helpers";

const SEED = 0x17a5eed;
/** Cases run in-process, and how many of them also run as their own process. */
const CASES = 4000;
const SPAWNED = 24;
const BATCH = 60;

/** What a terminal acts on, or what hides or reorders text (line breaks between lines aside). */
const DANGEROUS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|(?<!\p{Extended_Pictographic}\ufe0f?)\u200d|\u200d(?!\p{Extended_Pictographic})/u;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE = [
  "\u001b]0;PWNED\u0007",
  "\u001b]52;c;cm0gLXJmIH4=\u0007",
  "\u001b[2J\u001b[H",
  "\u0000NUL\u0008\u007f",
  "\u009b31m",
  "\u202e台帳\u202c",
  "\u2066見直し\u2069",
  "利用\u200b目的",
  "\ufeff保管場所",
  "\ud800 lone \udfff",
  "顧客名簿\r\n2行目",
  '=HYPERLINK("http://example.invalid","x")',
  "個人情報".repeat(10_000),
  "😀👨‍👩‍👧‍👦🇯🇵",
  "\u2028\u2029",
];
const WORDS = ["管理番号", "個人情報の名称", "利用目的", "保管場所", "保管方法", "アクセス権を有する者", "利用期限", "保管期限", "顧客名簿", "本社", "施錠", "5年", "局面", "リスク", "対策", "発生可能性", "影響度", "1", "2", "3"];

/** A text as SpreadsheetML writes it: XML entities, and Excel's _xHHHH_ for control characters. */
function xmlText(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (ch === "&") out += "&amp;";
    else if (ch === "<") out += "&lt;";
    else if (ch === ">") out += "&gt;";
    else if (ch === '"') out += "&quot;";
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xdfff)) out += `_x${c.toString(16).padStart(4, "0").toUpperCase()}_`;
    else out += ch;
  }
  return out;
}

interface Part {
  name: string;
  data: Buffer;
}

function partsOf(zip: Buffer): Part[] {
  const z = inspectZip(zip);
  if (!z.ok) throw new Error("base workbook is not a ZIP");
  return z.entries.map((e) => {
    const raw = entryData(zip, e) as Buffer;
    return { name: e.name, data: e.method === 8 ? inflateRawSync(raw) : Buffer.from(raw) };
  });
}

type Mutator = (base: Buffer, next: () => number) => Buffer;
const pick = <T>(list: readonly T[], next: () => number): T => list[Math.floor(next() * list.length)] as T;

const flip: Mutator = (base, next) => {
  const out = Buffer.from(base);
  const n = 1 + Math.floor(next() * 8);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(next() * out.length);
    out[at] = (out[at] as number) ^ (1 << Math.floor(next() * 8));
  }
  return out;
};
const truncate: Mutator = (base, next) => base.subarray(0, Math.floor(next() * base.length));
const swapParts: Mutator = (base, next) => {
  const parts = partsOf(base);
  const a = Math.floor(next() * parts.length);
  const b = Math.floor(next() * parts.length);
  const names = parts.map((p) => p.name);
  [names[a], names[b]] = [names[b] as string, names[a] as string];
  return makeZip(parts.map((p, i) => ({ name: names[i] as string, data: p.data })));
};
const hostileStrings: Mutator = (base, next) => {
  const parts = partsOf(base).map((p) => {
    if (/sharedStrings\.xml$/i.test(p.name)) {
      let xml = p.data.toString("utf8");
      const count = 1 + Math.floor(next() * 4);
      for (let i = 0; i < count; i++) {
        const texts = [...xml.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)];
        const m = texts.length > 0 ? pick(texts, next) : undefined;
        if (!m || m.index === undefined) break;
        xml = `${xml.slice(0, m.index)}<t xml:space="preserve">${xmlText(pick(HOSTILE, next))}</t>${xml.slice(m.index + m[0].length)}`;
      }
      return { name: p.name, data: Buffer.from(xml) };
    }
    if (/^xl\/workbook\.xml$/i.test(p.name) && next() < 0.5) {
      const xml = p.data.toString("utf8").replace(/(<sheet [^>]*name=")([^"]*)(")/, (_m, a: string, _n: string, c: string) => `${a}${xmlText(pick(HOSTILE, next))}${c}`);
      return { name: p.name, data: Buffer.from(xml) };
    }
    return p;
  });
  return makeZip(parts);
};

function hostileCsv(next: () => number): Buffer {
  const rows: string[] = [];
  const width = 3 + Math.floor(next() * 8);
  const height = 1 + Math.floor(next() * 12);
  for (let r = 0; r < height; r++) {
    const cells: string[] = [];
    for (let c = 0; c < width; c++) {
      const v = next() < 0.25 ? pick(HOSTILE, next) : pick(WORDS, next);
      cells.push(next() < 0.5 ? `"${v.replace(/"/g, '""')}"` : v.replace(/[,\r\n"]/g, " "));
    }
    rows.push(cells.join(","));
  }
  const text = `${rows.join(next() < 0.5 ? "\n" : "\r\n")}\n`;
  const encoding = next();
  if (encoding < 0.5) return Buffer.from(text, "utf8");
  if (encoding < 0.7) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
  if (encoding < 0.85) return utf16le(text);
  return flip(Buffer.from(text, "utf8"), next);
}

interface Case {
  name: string;
  bytes: Buffer;
}

let dir: string;
let bases: { ext: string; bytes: Buffer; zip: boolean }[] = [];

beforeAll(async () => {
  buildCli();
  dir = tempDir("pmark-fuzz-");
  await writeSampleXlsx(join(dir, "base.xlsx"));
  const { readFileSync } = await import("node:fs");
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([WORDS.slice(0, 8), [1, "顧客名簿", "発送", "本社", "施錠", "営業部", "1年", "5年"]]), "台帳");
  bases = [
    { ext: ".xlsx", bytes: readFileSync(join(dir, "base.xlsx")), zip: true },
    { ext: ".xlsx", bytes: readFileSync(join(ROOT, "templates", "samples", "個人情報管理台帳_サンプル.xlsx")), zip: true },
    { ext: ".ods", bytes: XLSX.write(wb, { type: "buffer", bookType: "ods" }) as Buffer, zip: true },
    { ext: ".xls", bytes: XLSX.write(wb, { type: "buffer", bookType: "biff8" }) as Buffer, zip: false },
    { ext: ".csv", bytes: toShiftJis(CSV_TEXT), zip: false },
  ];
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The cases, in order, from the seed alone. */
function makeCases(): Case[] {
  const next = rng(SEED);
  const cases: Case[] = [];
  for (let i = 0; i < CASES; i++) {
    const kind = next();
    let bytes: Buffer;
    let ext: string;
    if (kind < 0.3) {
      ext = ".csv";
      bytes = hostileCsv(next);
    } else {
      // The big sample is slow to check when it survives a mutation: it gets one case in ten.
      const base = next() < 0.1 ? (bases[1] as (typeof bases)[number]) : pick([bases[0], bases[2], bases[3], bases[4]], next) as (typeof bases)[number];
      ext = base.ext;
      const m = next();
      if (base.zip && m < 0.25) bytes = hostileStrings(base.bytes, next);
      else if (base.zip && m < 0.35) bytes = swapParts(base.bytes, next);
      else if (m < 0.55) bytes = truncate(base.bytes, next);
      else bytes = flip(base.bytes, next);
    }
    cases.push({ name: `case-${String(i).padStart(4, "0")}${ext}`, bytes });
  }
  return cases;
}

function linesOf(text: string): string[] {
  return text.split("\n").filter((l, i, all) => !(l === "" && i === all.length - 1));
}

describe("fuzz: mutated workbooks and CSVs", () => {
  it(`${CASES} seeded cases in-process: exit status, one line per unreadable input, no control characters`, async () => {
    const cases = makeCases();
    expect(cases).toHaveLength(CASES);
    let unreadable = 0;
    for (let start = 0; start < cases.length; start += BATCH) {
      const batch = cases.slice(start, start + BATCH);
      const paths = batch.map((c) => {
        const p = join(dir, c.name);
        writeFileSync(p, c.bytes);
        return p;
      });
      const { status, stdout, stderr } = await runInProcess(["check", ...paths, "--lang", "en", "--today", "2025-06-30"]);
      const errLines = linesOf(stderr);
      for (const l of errLines) {
        expect(l).toMatch(/^pmark: /);
        expect(l, l).not.toMatch(DANGEROUS);
      }
      for (const l of linesOf(stdout)) expect(l, l).not.toMatch(DANGEROUS);
      let failed = 0;
      for (const p of paths) {
        const mine = errLines.filter((l) => l.startsWith(`pmark: cannot read "${p}":`));
        expect(mine.length, p).toBeLessThanOrEqual(1);
        failed += mine.length;
      }
      // Every other stderr line is a warning about a file that was read.
      expect(errLines.length - failed).toBe(errLines.filter((l) => / not valid | byte sequences? /.test(l)).length);
      unreadable += failed;
      expect(status).toBe(failed > 0 ? 2 : status === 0 ? 0 : 1);
      expect(stdout).toContain(`${batch.length} files (${batch.length - failed} checked, ${failed} unreadable)`);
      for (const p of paths) rmSync(p);
    }
    // Both kinds of outcome were exercised.
    expect(unreadable).toBeGreaterThan(CASES / 5);
    expect(unreadable).toBeLessThan(CASES);
  }, 300_000);

  it(`${SPAWNED} of them through the built CLI, one process each: exit 0, 1 or 2, at most one stderr line each, memory bounded`, () => {
    const cases = makeCases();
    const next = rng(SEED ^ 0x5a5a);
    let worst = 0;
    for (let n = 0; n < SPAWNED; n++) {
      const c = cases[Math.floor(next() * cases.length)] as Case;
      const p = join(dir, c.name);
      writeFileSync(p, c.bytes);
      const r = runPmarkMeasured(["check", p, "--lang", "en", "--today", "2025-06-30"], dir);
      expect([0, 1, 2], `${c.name}: ${r.stderr}`).toContain(r.status);
      const errLines = linesOf(r.stderr);
      if (r.status === 2) expect(errLines.filter((l) => l.startsWith(`pmark: cannot read "${p}":`))).toHaveLength(1);
      expect(errLines.length).toBeLessThanOrEqual(1);
      expect(r.stdout).not.toMatch(DANGEROUS);
      expect(r.stderr).not.toMatch(DANGEROUS);
      expect(r.maxRssMb, c.name).toBeLessThan(512);
      worst = Math.max(worst, r.maxRssMb);
      rmSync(p);
    }
    expect(worst).toBeGreaterThan(0);
  }, 300_000);
});
