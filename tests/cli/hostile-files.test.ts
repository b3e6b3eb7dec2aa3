/**
 * Files a user or an attacker can send, through the built CLI: a ledger that makes 130,000
 * findings, terminal escapes in cells, sheet names and file names, parts that sidestep the
 * zip-bomb guard, a CSV with one bad byte, a template written over a filled ledger, damaged
 * archives, a CSV holding only a BOM. Each case is one of issue 17's findings; peak memory is
 * the process's own (worker threads included), read when it exits.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import * as XLSX from "@e965/xlsx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBytes } from "../../packages/cli/src/load/workbook";
import { ROOT, buildCli, lines, makeZip, runPmark, runPmarkMeasured, tempDir, type Packed } from "./helpers";

const HEADER = "管理番号,個人情報の名称,利用目的,保管場所,保管方法,アクセス権を有する者,利用期限,保管期限";
const SAMPLE = join(ROOT, "templates", "samples", "個人情報管理台帳_サンプル.xlsx");
/** What a terminal acts on, or what hides or reorders text. */
const DANGEROUS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|(?<!\p{Extended_Pictographic}\ufe0f?)\u200d|\u200d(?!\p{Extended_Pictographic})/u;
const MB = 1024 * 1024;

let dir: string;
const f = (name: string) => join(dir, name);

beforeAll(() => {
  buildCli();
  dir = tempDir("pmark-hostile-files-");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function oneLine(stderr: string): string {
  const l = lines(stderr);
  expect(l, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at |node:internal|\.cjs:\d+/m);
  return l[0] as string;
}

// ---------------------------------------------------------------- raw .xlsx parts

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';

function workbookXml(names: readonly string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
    names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
    "</sheets></workbook>"
  );
}

function relsXml(count: number): string {
  let out = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
  for (let i = 1; i <= count; i++) {
    out += `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  }
  return `${out}</Relationships>`;
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = "</sheetData></worksheet>";

function inlineRow(r: number, texts: readonly string[]): string {
  return `<row r="${r}">${texts.map((t) => `<c t="inlineStr"><is><t>${t}</t></is></c>`).join("")}</row>`;
}

/** A worksheet part of `bytes` bytes: rows of `cellsPerRow` one-digit cells, an ISO date cell first if asked. */
function bulkSheet(bytes: number, cellsPerRow: number, isoDateFirst: boolean): Buffer {
  const first = isoDateFirst ? '<row r="1"><c r="A1" t="d"><v>2024-01-01</v></c></row>' : "";
  const row = `<row>${"<c><v>1</v></c>".repeat(cellsPerRow)}</row>`;
  const rows = Math.floor((bytes - SHEET_HEAD.length - SHEET_TAIL.length - first.length) / row.length);
  return Buffer.concat([Buffer.from(SHEET_HEAD + first), Buffer.from(row.repeat(rows)), Buffer.from(SHEET_TAIL)]);
}

interface RawPart {
  name: string;
  data: Buffer;
  /** A size for both headers other than the data's own (a lying header). */
  declared?: number;
}

/**
 * A ZIP of parts that may share their bytes: each distinct buffer is deflated once (fast level),
 * so a test can build a gigabyte of parts from one 50 MB buffer in a second.
 */
function zipOf(parts: readonly RawPart[]): Buffer {
  const packed = new Map<Buffer, Packed>();
  const packOnce = (data: Buffer): Packed => {
    let p = packed.get(data);
    if (!p) {
      p = { body: deflateRawSync(data, { level: 1 }), crc: crc32(data) };
      packed.set(data, p);
    }
    return p;
  };
  return makeZip(
    parts.map((p) => ({ name: p.name, data: p.data, declaredSize: p.declared })),
    packOnce,
  );
}

function xlsxOf(sheets: readonly { name: string; xml: Buffer }[]): Buffer {
  return zipOf([
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "xl/workbook.xml", data: Buffer.from(workbookXml(sheets.map((s) => s.name))) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(relsXml(sheets.length)) },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml })),
  ]);
}

// ---------------------------------------------------------------- 1

describe("1. a ledger of 130,000 duplicate rows beside the sample", () => {
  it("prints every finding and both files' results, exit 1", () => {
    writeFileSync(f("dup.csv"), `${HEADER}\n${"1,顧客名簿,商品発送,本社,施錠,営業部,契約終了まで,5年\n".repeat(130_000)}`);
    const r = runPmarkMeasured(["check", f("dup.csv"), SAMPLE, "--lang", "en"], dir);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toBe("");
    const out = lines(r.stdout);
    expect(out[0]).toBe(f("dup.csv"));
    expect(out.filter((l) => l.includes("ledger/duplicate-id")).length).toBeGreaterThanOrEqual(129_999);
    expect(out).toContain(SAMPLE);
    expect(out.at(-1)).toMatch(/^2 files \(2 checked, 0 unreadable\): /);
  });
});

// ---------------------------------------------------------------- 2 and 7

describe("2, 7. terminal escapes in cells, sheet names and file names never reach the terminal", () => {
  it("cell text with OSC, screen clear and NUL (the issue's esc.csv)", () => {
    writeFileSync(f("esc.csv"), `${HEADER}\n1,\u001b]0;PWNED\u001b\\\u001b[2J,商品発送,本社,施錠,営業部,1年,\n`);
    for (const lang of ["ja", "en"]) {
      const r = runPmark(["check", f("esc.csv"), "--lang", lang]);
      expect(r.status).toBe(1);
      expect(r.stdout).not.toMatch(DANGEROUS);
      expect(r.stdout).not.toContain("\u001b");
    }
  });

  it("a 100,000-character sheet name with escapes and an RTL override prints short and visible; JSON keeps it exact", () => {
    const hostile = `_x001B_]0;PWNED_x0007_\u202e${"長".repeat(100_000)}`;
    const exact = `\u001b]0;PWNED\u0007\u202e${"長".repeat(100_000)}`;
    const sheet = Buffer.from(SHEET_HEAD + inlineRow(1, HEADER.split(",")) + inlineRow(2, ["1", "顧客名簿", "発送", "本社", "施錠", "営業部", "1年", "5年"]) + SHEET_TAIL);
    writeFileSync(f("long-name.xlsx"), xlsxOf([{ name: hostile, xml: sheet }]));
    const text = runPmark(["check", f("long-name.xlsx"), "--lang", "en"]);
    // Read and checked (what the findings' severities make of the exit status is not the point).
    expect(text.status).not.toBe(2);
    expect(text.stdout).not.toMatch(DANGEROUS);
    expect(text.stdout.length).toBeLessThan(20_000);
    expect(text.stdout).toContain("\\x1b]0;PWNED\\x07\\u202e長長");
    expect(text.stdout).toMatch(/…\(99,\d{3} more characters\) \[personal-information ledger\]/);
    const json = runPmarkMeasured(["check", f("long-name.xlsx"), "--format", "json"], dir);
    expect(JSON.parse(json.stdout).files[0].sheets[0].name).toBe(exact);
  });

  it("a file name with a line break and an escape: one stderr line, shown escaped; as a sheet name too", () => {
    const missing = f("a\nb\u001b[2J.xlsx");
    const r = runPmark(["check", missing, "--lang", "en"]);
    expect(r.status).toBe(2);
    const line = oneLine(r.stderr);
    expect(line).toContain("a\\nb\\x1b[2J.xlsx");
    expect(line).not.toMatch(DANGEROUS);

    const named = f("台帳\n\u202e.csv");
    writeFileSync(named, `${HEADER}\n1,顧客名簿,商品発送,本社,施錠,営業部,1年,5年\n`);
    const out = runPmark(["check", named, "--lang", "en"]);
    expect(out.status).not.toBe(2);
    expect(out.stdout).not.toMatch(DANGEROUS);
    expect(lines(out.stdout)[0]).toBe(named.replace("\n", "\\n").replace("\u202e", "\\u202e"));
    expect(out.stdout).toContain(" 台帳\\n\\u202e [personal-information ledger]");
  });

  it("usage errors quote arguments safely and briefly", () => {
    const r = runPmark(["check", "a.xlsx", `--format=\u001b[2J${"x".repeat(5000)}`, "--lang", "en"]);
    expect(r.status).toBe(2);
    const first = lines(r.stderr)[0] as string;
    expect(first).toContain("--format must be text, json, sarif or html: \\x1b[2Jxxx");
    expect(first.length).toBeLessThan(500);
    expect(r.stderr).not.toMatch(DANGEROUS);
  });
});

// ---------------------------------------------------------------- 3

describe("3. one read budget for the whole file, whatever reader takes it", () => {
  it("twenty parts of 49.99 MB and an ISO date cell (SheetJS's share): refused at once, naming the limit", () => {
    const part = bulkSheet(Math.floor(49.99 * MB), 50, false);
    const first = bulkSheet(Math.floor(49.99 * MB), 50, true);
    const sheets = [{ name: "S1", xml: first }, ...Array.from({ length: 19 }, (_, i) => ({ name: `S${i + 2}`, xml: part }))];
    writeFileSync(f("twenty.xlsx"), xlsxOf(sheets));
    const r = runPmarkMeasured(["check", f("twenty.xlsx"), "--lang", "en"], dir);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/the parts to read expand to more than the 160 MB limit in total .*files read with SheetJS get half of each limit/);
    expect(r.ms).toBeLessThan(15_000);
    expect(r.maxRssMb).toBeLessThan(400);
  });

  it("the same twenty parts without the ISO date (the own reader): refused by its own count", () => {
    const part = bulkSheet(Math.floor(49.99 * MB), 50, false);
    writeFileSync(f("twenty-direct.xlsx"), xlsxOf(Array.from({ length: 20 }, (_, i) => ({ name: `S${i + 1}`, xml: part }))));
    const r = runPmarkMeasured(["check", f("twenty-direct.xlsx"), "--lang", "en"], dir);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/too many cells \(the limit is 6,000,000 in a workbook\)|the parts to read expand to more than the 320 MB limit/);
    expect(r.maxRssMb).toBeLessThan(800);
  });

  it("a part that says 1 MB and inflates to 300 MB: corrupt, refused as it streams", () => {
    const liar = zipOf([
      { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
      { name: "xl/workbook.xml", data: Buffer.from(workbookXml(["S"])) },
      { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(relsXml(1)) },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(300 * MB, 0x20), declared: MB },
    ]);
    writeFileSync(f("liar.xlsx"), liar);
    const r = runPmarkMeasured(["check", f("liar.xlsx"), "--lang", "en"], dir);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toContain("the file is corrupt (xl/worksheets/sheet1.xml expands beyond the size its header says)");
    expect(r.maxRssMb).toBeLessThan(400);
  });

  it("tens of millions of cells, sent to SheetJS by an ISO date or read by the own reader: refused before they are built", () => {
    const big = bulkSheet(150 * MB, 100, false);
    const withDate = bulkSheet(150 * MB, 100, true);
    writeFileSync(f("cells-iso.xlsx"), xlsxOf([{ name: "A", xml: withDate }, { name: "B", xml: big }]));
    writeFileSync(f("cells.xlsx"), xlsxOf([{ name: "A", xml: big }, { name: "B", xml: big }]));
    const viaSheetJs = runPmarkMeasured(["check", f("cells-iso.xlsx"), "--lang", "en"], dir);
    expect(viaSheetJs.status).toBe(2);
    expect(oneLine(viaSheetJs.stderr)).toMatch(/files read with SheetJS get half of each limit/);
    // The own reader inflated and parsed part A (within its budget) before it met the ISO date.
    expect(viaSheetJs.maxRssMb).toBeLessThan(800);
    const direct = runPmarkMeasured(["check", f("cells.xlsx"), "--lang", "en"], dir);
    expect(direct.status).toBe(2);
    expect(oneLine(direct.stderr)).toContain("too many cells in one sheet (the limit is 5,000,000) (A)");
    expect(direct.maxRssMb).toBeLessThan(1024);
  });

  it("an .ods whose few bytes repeat one cell into 20 million (SheetJS would expand them all)", () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["a", 1]]), "S");
    const ods = XLSX.CFB.read(XLSX.write(wb, { type: "buffer", bookType: "ods" }) as Buffer, { type: "buffer" });
    const content = XLSX.CFB.find(ods, "content.xml");
    if (!content) throw new Error("no content.xml");
    const xml = Buffer.from(content.content as Uint8Array)
      .toString("utf8")
      .replace(
        /<table:table-row>[\s\S]*<\/table:table-row>/,
        '<table:table-row table:number-rows-repeated="20000"><table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>',
      );
    content.content = Buffer.from(xml);
    (content as { size?: number }).size = xml.length;
    const bomb = XLSX.CFB.write(ods, { type: "buffer", fileType: "zip" }) as Buffer;
    expect(bomb.length).toBeLessThan(64 * 1024);
    writeFileSync(f("repeat.ods"), bomb);
    const r = runPmarkMeasured(["check", f("repeat.ods"), "--lang", "en"], dir);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/too many cells in one sheet \(the limit is 2,500,000\) \(S\); files read with SheetJS get half/);
    expect(r.ms).toBeLessThan(10_000);
  });

  it("a one-row CSV of millions of fields stops at the cell limit, not after the row is built", () => {
    writeFileSync(f("fields.csv"), `${"a,".repeat(5_200_000)}\n`);
    const r = runPmarkMeasured(["check", f("fields.csv"), "--lang", "en"], dir);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toContain("too many cells in one sheet (the limit is 5,000,000) (fields)");
    expect(r.maxRssMb).toBeLessThan(600);
  });
});

// ---------------------------------------------------------------- 4 and 9

describe("4, 9. CSV encodings and empty CSVs", () => {
  it("one invalid byte in a UTF-8 CSV: read as UTF-8, the ledger recognised, one warning naming the row", () => {
    writeFileSync(
      f("onebad.csv"),
      Buffer.concat([Buffer.from(`${HEADER}\n1,顧客名簿,商品発送,本社,施錠,営業部,1年,1年\n2,bad`), Buffer.from([0xff]), Buffer.from("byte,x,y,z,w,v,1年\n")]),
    );
    const r = runPmark(["check", f("onebad.csv"), "--format", "json", "--lang", "en"]);
    expect(r.status).not.toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.files[0].sheets[0].kind).toBe("ledger");
    expect(oneLine(r.stderr)).toBe(`pmark: "${f("onebad.csv")}": 1 byte sequence is not valid UTF-8 and was read as "\ufffd" (the first in row 3); check the text in that row`);
    const ja = runPmark(["check", f("onebad.csv")]);
    expect(oneLine(ja.stderr)).toContain("UTF-8 として読めないバイト列が 1 か所あり、「\ufffd」に置き換えて読みました (最初は 3 行目)");
  });

  it("a CSV holding only a BOM, or only blank lines, is reported as empty (exit 2)", () => {
    writeFileSync(f("bom.csv"), Buffer.from([0xef, 0xbb, 0xbf]));
    writeFileSync(f("blank.csv"), "\r\n \r\n\t\r\n");
    for (const name of ["bom.csv", "blank.csv"]) {
      const r = runPmark(["check", f(name), "--lang", "en"]);
      expect(r.status, name).toBe(2);
      expect(oneLine(r.stderr)).toBe(`pmark: cannot read "${f(name)}": the file holds no data`);
    }
  });

  it("a zero-width space inside a header word does not hide the column", () => {
    writeFileSync(f("zwsp.csv"), `${HEADER.replace("利用目的", "利用\u200b目的")}\n1,顧客名簿,商品発送,本社,施錠,営業部,1年,5年\n`);
    const r = runPmark(["check", f("zwsp.csv"), "--format", "json", "--rule", "header/"]);
    const findings = JSON.parse(r.stdout).files[0].findings as { rule: string; severity: string }[];
    expect(findings.filter((x) => x.severity === "error")).toEqual([]);
  });
});

// ---------------------------------------------------------------- 5

describe("5. pmark template never destroys a file and never creates folders", () => {
  it("refuses an existing file without --force (the file stays as it was), replaces it with --force", () => {
    const ledger = f("filled-ledger.xlsx");
    writeFileSync(ledger, "a filled ledger");
    const r = runPmark(["template", "--out", ledger, "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toBe(`pmark: "${ledger}" already exists; add --force to overwrite it`);
    expect(readFileSync(ledger, "utf8")).toBe("a filled ledger");
    const forced = runPmark(["template", "--out", ledger, "--lang", "en", "--force"]);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(ledger).subarray(0, 2).toString()).toBe("PK");
    // No temporary file is left beside it.
    expect(readdirSync(dir).filter((n) => n.includes("filled-ledger") && n !== "filled-ledger.xlsx")).toEqual([]);
  });

  it("refuses a missing folder and does not create it", () => {
    const out = f("no/such/folder/t.xlsx");
    const r = runPmark(["template", "--out", out, "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toBe(`pmark: cannot write "${out}": the folder "${f("no/such/folder")}" does not exist (pmark does not create folders)`);
    expect(existsSync(f("no"))).toBe(false);
  });

  it("a fresh file is written whole, readable by pmark check", () => {
    mkdirSync(f("out"), { recursive: true });
    const out = f("out/new.xlsx");
    expect(runPmark(["template", "--out", out]).status).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(1000);
    expect([0, 1]).toContain(runPmark(["check", out]).status);
  });
});

// ---------------------------------------------------------------- 6

describe("6. damaged files get the message that fits: truncated, corrupt, encrypted or over budget", () => {
  const sample = readFileSync(SAMPLE);
  const eocd = sample.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const cdStart = sample.readUInt32LE(eocd + 16);

  it("150 single-byte flips of the sample: never a zip bomb, never password-protected", async () => {
    let seed = 17;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const seen = new Map<string, number>();
    for (let n = 0; n < 150; n++) {
      const bytes = Buffer.from(sample);
      const at = next() % bytes.length;
      bytes[at] = (bytes[at] as number) ^ (1 << next() % 8);
      const r = await loadBytes("s.xlsx", bytes);
      const code = r.ok ? "ok" : r.reason.code;
      seen.set(code, (seen.get(code) ?? 0) + 1);
      expect(["ok", "corrupt", "truncated", "not-spreadsheet", "unsupported-format"], `flip at ${at}`).toContain(code);
    }
    expect(seen.get("corrupt")).toBeGreaterThan(50);
  });

  it("a flipped size in the central directory is corrupt, not a zip bomb; a flipped flag is corrupt, not encrypted", async () => {
    const size = Buffer.from(sample);
    size[cdStart + 27] = 0x7f; // the high byte of the first entry's uncompressed size
    expect(await loadBytes("s.xlsx", size)).toMatchObject({ ok: false, reason: { code: "corrupt" } });
    const flag = Buffer.from(sample);
    flag[cdStart + 8] = (flag[cdStart + 8] as number) | 1; // "encrypted" in the directory only
    expect(await loadBytes("s.xlsx", flag)).toMatchObject({ ok: false, reason: { code: "corrupt" } });
  });

  it("an entry marked encrypted in both headers is encrypted; a cut file is truncated; a changed byte of data fails its CRC", async () => {
    const both = Buffer.from(sample);
    const firstLocal = sample.readUInt32LE(cdStart + 42);
    both[cdStart + 8] = (both[cdStart + 8] as number) | 1;
    both[firstLocal + 6] = (both[firstLocal + 6] as number) | 1;
    expect(await loadBytes("s.xlsx", both)).toMatchObject({ ok: false, reason: { code: "encrypted" } });
    expect(await loadBytes("s.xlsx", sample.subarray(0, sample.length - 100))).toMatchObject({ ok: false, reason: { code: "truncated" } });
    const stored = makeZip([
      { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES), method: 0 },
      { name: "xl/workbook.xml", data: Buffer.from(workbookXml([])), method: 0 },
    ]);
    const changed = Buffer.from(stored);
    changed[30 + "[Content_Types].xml".length + 10] = 0x21;
    expect(await loadBytes("s.xlsx", changed)).toMatchObject({ ok: false, reason: { code: "corrupt", detail: "[Content_Types].xml: CRC-32 mismatch" } });
  });

  it("each kind has its own line", () => {
    writeFileSync(f("cut.xlsx"), sample.subarray(0, 3000));
    const flag = Buffer.from(sample);
    flag[cdStart + 8] = (flag[cdStart + 8] as number) | 1;
    writeFileSync(f("flag.xlsx"), flag);
    expect(oneLine(runPmark(["check", f("cut.xlsx"), "--lang", "en"]).stderr)).toContain("the file is truncated; copy or download it again");
    expect(oneLine(runPmark(["check", f("flag.xlsx"), "--lang", "en"]).stderr)).toMatch(/the file is corrupt \(the directory and the local header of .* disagree\)/);
    expect(oneLine(runPmark(["check", f("cut.xlsx")]).stderr)).toContain("ファイルが途中で切れています");
  });
});

// ---------------------------------------------------------------- the repository's own file still reads

describe("the budget leaves real workbooks alone", () => {
  it("the sample reads with the own reader and through SheetJS alike", async () => {
    const direct = await loadBytes("s.xlsx", readFileSync(SAMPLE));
    expect(direct.ok).toBe(true);
    const r = runPmark(["check", SAMPLE], { PMARK_READER: "sheetjs" });
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).toBe("");
  });
});
