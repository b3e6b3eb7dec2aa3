import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBytes, loadWorkbook, type LoadResult } from "../../packages/cli/src/load/workbook";
import { inspectZip } from "../../packages/cli/src/load/zip";
import { classifyCfbNames } from "../../packages/cli/src/load/cfb";
import { failureMessage, FAILURE_CODES, type LoadFailure } from "../../packages/cli/src/load/failure";
import {
  CSV_TEXT,
  PDF_BYTES,
  PNG_BYTES,
  docxLikeZip,
  encryptedOoxml,
  lyingZip,
  makeZip,
  passwordXls,
  tempDir,
  toShiftJis,
  utf16be,
  utf16le,
  wordCfb,
  writeSampleXlsx,
  writeSheetJsWorkbook,
  zipBomb,
} from "./helpers";

function grids(r: LoadResult) {
  if (!r.ok) throw new Error(`expected a workbook, got ${r.reason.code} ${r.reason.detail ?? ""}`);
  return r.grids;
}

function failure(r: LoadResult): LoadFailure {
  if (r.ok) throw new Error("expected a failure");
  return r.reason;
}

let dir: string;
let xlsxPath: string;

beforeAll(async () => {
  dir = tempDir();
  xlsxPath = join(dir, "台帳.xlsx");
  await writeSampleXlsx(xlsxPath);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("loadWorkbook: .xlsx written by ExcelJS", () => {
  it("keeps sheet order, Japanese names and hidden sheets", async () => {
    const g = grids(await loadWorkbook(xlsxPath));
    expect(g.map((s) => s.name)).toEqual(["個人情報管理台帳", "リスク分析"]);
    expect(g[1]?.values[4]?.[2]).toBe("漏えい");
  });

  it("reads values: strings, numbers, date serials, booleans, error text", async () => {
    const sheet = grids(await loadWorkbook(xlsxPath))[0]!;
    expect(sheet.values[0]?.[0]).toBe("個人情報管理台帳");
    expect(sheet.values[1]).toEqual([]);
    expect(sheet.values[2]).toEqual(["個人情報の名称", "件数", "取得日", "倍"]);
    expect(sheet.values[3]).toEqual(["顧客名簿", 10, 45383, 20, true, "#N/A"]);
    expect(sheet.values[5]).toEqual([null, 3]);
    expect(sheet.values).toHaveLength(6);
  });

  it("gives formulas as =text beside their cached values", async () => {
    const sheet = grids(await loadWorkbook(xlsxPath))[0]!;
    expect(sheet.formulas?.[3]?.[3]).toBe("=B4*2");
    expect(sheet.formulas?.[3]?.[1] ?? null).toBeNull();
    expect(sheet.formulas?.[0]?.[0] ?? null).toBeNull();
  });

  it("reports merges 0-based inclusive", async () => {
    const sheet = grids(await loadWorkbook(xlsxPath))[0]!;
    expect(sheet.merges).toEqual(
      expect.arrayContaining([
        { startRow: 0, startCol: 0, endRow: 0, endCol: 3 },
        { startRow: 4, startCol: 0, endRow: 5, endCol: 0 },
      ]),
    );
    expect(sheet.merges).toHaveLength(2);
    expect(grids(await loadWorkbook(xlsxPath))[1]?.merges).toBeUndefined();
  });

  it("decides by magic bytes, not by extension", async () => {
    const renamed = join(dir, "really-xlsx.csv");
    writeFileSync(renamed, await import("node:fs").then((fs) => fs.readFileSync(xlsxPath)));
    expect(grids(await loadWorkbook(renamed)).map((s) => s.name)).toEqual(["個人情報管理台帳", "リスク分析"]);
  });
});

describe("loadWorkbook: other workbook formats (written by SheetJS)", () => {
  for (const [ext, bookType] of [
    ["xls", "biff8"],
    ["ods", "ods"],
  ] as const) {
    it(`reads .${ext}`, async () => {
      const p = join(dir, `book.${ext}`);
      writeSheetJsWorkbook(p, bookType);
      const [sheet] = grids(await loadWorkbook(p));
      expect(sheet?.name).toBe("台帳");
      expect(sheet?.values).toEqual([
        ["項目", "件数"],
        ["顧客名簿", 12, 24],
      ]);
      // SheetJS CE's BIFF8 writer stores values only; its ODS writer keeps the formula.
      if (ext === "ods") expect(sheet?.formulas?.[1]?.[2]).toBe("=B2*2");
      expect(sheet?.merges).toEqual([{ startRow: 0, startCol: 1, endRow: 0, endCol: 2 }]);
    });
  }
});

describe("loadWorkbook: markup saved as .xls", () => {
  it("reads an HTML table and SpreadsheetML 2003", async () => {
    const html = "<html><body><table><tr><td>項目</td><td>件数</td></tr><tr><td>顧客名簿</td><td>12</td></tr></table></body></html>";
    const [fromHtml] = grids(await loadBytes("web.xls", Buffer.from(html)));
    expect(fromHtml?.values).toEqual([
      ["項目", "件数"],
      ["顧客名簿", 12],
    ]);
    const xml =
      '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" ' +
      'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="台帳"><Table><Row>' +
      '<Cell><Data ss:Type="String">項目</Data></Cell><Cell><Data ss:Type="Number">3</Data></Cell></Row></Table></Worksheet></Workbook>';
    const [fromXml] = grids(await loadBytes("ss.xls", Buffer.from(xml)));
    expect(fromXml).toMatchObject({ name: "台帳", values: [["項目", 3]] });
  });

  it("but markup with another extension is not a spreadsheet", async () => {
    expect(failure(await loadBytes("page.xlsx", Buffer.from("<html><table></table></html>"))).code).toBe("not-spreadsheet");
  });
});

describe("loadWorkbook: CSV encodings", () => {
  const expected = [
    ["利用目的", "件数", "保管場所"],
    ["顧客名簿", 120, "事務所\r\n①"],
    ['髙橋, "顧客名簿"', "007"],
  ];
  const variants: [string, Buffer][] = [
    ["utf-8", Buffer.from(CSV_TEXT, "utf8")],
    ["utf-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV_TEXT, "utf8")])],
    ["shift_jis", toShiftJis(CSV_TEXT)],
    ["utf-16le with BOM", utf16le(CSV_TEXT)],
    ["utf-16be with BOM", utf16be(CSV_TEXT)],
  ];
  for (const [label, bytes] of variants) {
    it(`reads ${label} to the same grid`, async () => {
      const p = join(dir, `${label.replace(/\W+/g, "_")}.csv`);
      writeFileSync(p, bytes);
      const g = grids(await loadWorkbook(p));
      expect(g).toHaveLength(1);
      expect(g[0]?.name).toBe(label.replace(/\W+/g, "_"));
      expect(g[0]?.values).toEqual(expected);
    });
  }

  it("the hand mapping agrees with Node's Shift_JIS decoder", () => {
    expect(new TextDecoder("shift_jis").decode(toShiftJis(CSV_TEXT))).toBe(CSV_TEXT);
  });

  it("refuses binary bytes named .csv", async () => {
    const p = join(dir, "binary.csv");
    writeFileSync(p, Buffer.from([1, 2, 0, 0, 5, 6, 0, 7]));
    expect(failure(await loadWorkbook(p)).code).toBe("not-spreadsheet");
    const png = join(dir, "image.csv");
    writeFileSync(png, PNG_BYTES);
    expect(failure(await loadWorkbook(png))).toMatchObject({ code: "not-spreadsheet", looksLike: "png" });
  });
});

describe("loadWorkbook: failures are data", () => {
  it("missing file, folder, empty file", async () => {
    expect(failure(await loadWorkbook(join(dir, "nope.xlsx"))).code).toBe("not-found");
    const sub = join(dir, "folder.xlsx");
    mkdirSync(sub, { recursive: true });
    expect(failure(await loadWorkbook(sub)).code).toBe("is-directory");
    const empty = join(dir, "empty.xlsx");
    writeFileSync(empty, "");
    expect(failure(await loadWorkbook(empty)).code).toBe("empty");
  });

  it("PNG, PDF and random text named .xlsx", async () => {
    expect(failure(await loadBytes("a.xlsx", PNG_BYTES))).toMatchObject({ code: "not-spreadsheet", looksLike: "png" });
    expect(failure(await loadBytes("a.xlsx", PDF_BYTES))).toMatchObject({ code: "not-spreadsheet", looksLike: "pdf" });
    expect(failure(await loadBytes("a.xlsx", Buffer.from("just some notes\nnot a workbook\n")))).toMatchObject({
      code: "not-spreadsheet",
      looksLike: "text",
    });
    expect(failure(await loadBytes("a.txt", Buffer.from("a,b\n1,2\n"))).code).toBe("not-spreadsheet");
  });

  it("truncated and corrupt ZIP containers", async () => {
    const whole = await import("node:fs").then((fs) => fs.readFileSync(xlsxPath));
    for (const cut of [10, 100, Math.floor(whole.length / 2), whole.length - 10]) {
      expect(failure(await loadBytes("t.xlsx", whole.subarray(0, cut))).code, `cut at ${cut}`).toBe("truncated");
    }
    // Garbage inside a well-formed ZIP: the deflate stream is broken.
    const broken = Buffer.from(whole);
    const eocd = broken.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(eocd).toBeGreaterThan(0);
    for (let i = 200; i < Math.min(eocd - 100, 2000); i++) broken[i] = 0xff;
    expect(failure(await loadBytes("b.xlsx", broken)).code).toBe("corrupt");
  });

  it("an encrypted OOXML workbook (CFB with EncryptionInfo/EncryptedPackage)", async () => {
    const bytes = encryptedOoxml();
    expect(bytes.subarray(0, 8).toString("hex")).toBe("d0cf11e0a1b11ae1");
    expect(failure(await loadBytes("secret.xlsx", bytes)).code).toBe("encrypted");
    expect(failure(await loadBytes("rights-managed.xls", encryptedOoxml({ dataSpacesOnly: true }))).code).toBe("encrypted");
  });

  it("a password-protected legacy .xls (FilePass record): SheetJS's refusal maps to encrypted", async () => {
    expect(failure(await loadBytes("old.xls", passwordXls())).code).toBe("encrypted");
  });

  it("CFB names decide the kind", () => {
    expect(classifyCfbNames(["Root Entry/", "Root Entry/Workbook"])).toBe("xls");
    expect(classifyCfbNames(["Root Entry/", "Root Entry/Book"])).toBe("xls");
    expect(classifyCfbNames(["Root Entry/EncryptionInfo", "Root Entry/EncryptedPackage"])).toBe("encrypted");
    expect(classifyCfbNames(["Root Entry/\u0006DataSpaces/", "Root Entry/Workbook"])).toBe("encrypted");
    expect(classifyCfbNames(["Root Entry/WordDocument"])).toBe("word");
    expect(classifyCfbNames(["Root Entry/Other"])).toBe("other");
  });

  it("a Word document is not a spreadsheet (OLE and OOXML)", async () => {
    expect(failure(await loadBytes("a.xls", wordCfb()))).toMatchObject({ code: "not-spreadsheet", looksLike: "word" });
    expect(failure(await loadBytes("a.xlsx", docxLikeZip()))).toMatchObject({ code: "not-spreadsheet", looksLike: "word" });
    const plainZip = makeZip([{ name: "readme.txt", data: Buffer.from("hello") }]);
    expect(failure(await loadBytes("a.xlsx", plainZip))).toMatchObject({ code: "not-spreadsheet", looksLike: "zip" });
  });

  it("a zip bomb is refused from the central directory, before anything is inflated", async () => {
    const bomb = zipBomb();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = inspectZip(bomb);
    expect(r.ok).toBe(false);
    expect(failure(await loadBytes("bomb.xlsx", bomb))).toMatchObject({ code: "too-large", limit: "compression-ratio" });
  });

  it("refuses when the sum of uncompressed sizes passes 1 GB", () => {
    const zip = makeZip([
      { name: "xl/workbook.xml", data: Buffer.from("<w/>"), declaredSize: 600 * 1024 * 1024, method: 8 },
      { name: "xl/a.xml", data: Buffer.from("<w/>"), declaredSize: 600 * 1024 * 1024, method: 8 },
    ]);
    // Ratio is also absurd here; lower the ratio rule out of the way to see the total rule.
    const r = inspectZip(zip, { declaredBytes: 1024 * 1024 * 1024, ratio: 1e12, ratioAbove: 0, entries: 10 });
    expect(r).toMatchObject({ ok: false, reason: { code: "too-large", limit: "expanded-size" } });
  });

  it("an entry that expands beyond its declared size is refused as corrupt (its header lies)", async () => {
    const f = failure(await loadBytes("liar.xlsx", lyingZip()));
    expect(f).toMatchObject({ code: "corrupt" });
    expect(f.detail).toMatch(/expands beyond the size its header says/);
  });

  it("files over 200 MB are refused without being read", async () => {
    const big = join(dir, "big.xlsx");
    const { openSync, ftruncateSync, closeSync } = await import("node:fs");
    const fd = openSync(big, "w");
    ftruncateSync(fd, 201 * 1024 * 1024);
    closeSync(fd);
    expect(failure(await loadWorkbook(big))).toMatchObject({ code: "too-large", limit: "file-size" });
  });
});

describe("failure messages", () => {
  it("every code renders one line in each language naming the file", () => {
    for (const code of FAILURE_CODES) {
      const m = failureMessage("フォルダ/台帳.xlsx", { code, detail: "x" });
      for (const text of [m.ja, m.en]) {
        expect(text).toContain("フォルダ/台帳.xlsx");
        expect(text).not.toContain("\n");
      }
      expect(m.ja).not.toBe(m.en);
    }
  });
});
