/**
 * The direct .xlsx reader (packages/cli/src/load/ooxml.ts) against SheetJS + sheetToGrid, the
 * reader it replaces for the common case: the same grids from workbooks written by ExcelJS,
 * SheetJS, LibreOffice and our own template writer, from hand-written parts in Excel's dialect
 * (shared and array formulas, rich text with furigana, inline strings, escapes, cells and rows
 * without references), and from randomly generated shared formulas. What it does not read, it
 * declines with a reason, and the loader's answer is then SheetJS's.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { readOoxmlDirect, shiftFormula, type DirectRead } from "../../packages/cli/src/load/ooxml";
import { readWorkbook, workbookToGrids } from "../../packages/cli/src/load/sheetjs";
import { loadBytes } from "../../packages/cli/src/load/workbook";
import { inspectZip } from "../../packages/cli/src/load/zip";
import { hasLibreOffice, recalcWithLibreOffice } from "../templates/helpers";
import { ROOT, makeZip, tempDir, writeSampleXlsx, writeSheetJsWorkbook } from "./helpers";

function direct(buf: Buffer): DirectRead {
  const z = inspectZip(buf);
  if (!z.ok) throw new Error(`not a zip: ${z.reason.code}`);
  return readOoxmlDirect(buf, z.entries);
}

function viaSheetJs(buf: Buffer) {
  return workbookToGrids(readWorkbook(buf));
}

function expectSameAsSheetJs(buf: Buffer): void {
  const d = direct(buf);
  if (!d.ok) throw new Error(`direct reader declined: ${d.why}`);
  expect(d.grids).toStrictEqual(viaSheetJs(buf));
}

// ------------------------------------------------------------------ hand-written packages

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface PartSheet {
  name: string;
  xml: string;
  target?: string;
  relType?: string;
}

function pkg(sheets: readonly PartSheet[], sst: string | null, extra: { name: string; data: Buffer }[] = []): Buffer {
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
    ...(sst !== null ? [`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`] : []),
    ...sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`),
  ];
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`;
  const rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 10}"/>`)
    .join("")}</sheets></workbook>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((s, i) => `<Relationship Id="rId${i + 10}" Type="${s.relType ?? `${REL_NS}/worksheet`}" Target="${s.target ?? `worksheets/sheet${i + 1}.xml`}"/>`)
    .join("")}${sst !== null ? `<Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`;
  return makeZip([
    { name: "[Content_Types].xml", data: Buffer.from(types) },
    { name: "_rels/.rels", data: Buffer.from(rootRels) },
    { name: "xl/workbook.xml", data: Buffer.from(workbook) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(wbRels) },
    ...(sst !== null ? [{ name: "xl/sharedStrings.xml", data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}">${sst}</sst>`) }] : []),
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.from(s.xml) })),
    ...extra,
  ]);
}

function worksheet(sheetData: string, after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1:G12"/><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

const STRINGS = [
  "<si><t>項目</t></si>",
  '<si><t xml:space="preserve"> 前後の空白 </t></si>',
  '<si><r><t>リッチ</t></r><r><rPr><sz val="11"/></rPr><t>テキスト</t></r><rPh sb="0" eb="3"><t>リッチ</t></rPh><phoneticPr fontId="1"/></si>',
  '<si><t>個人情報</t><rPh sb="0" eb="4"><t>コジンジョウホウ</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>',
  "<si><t>改行_x000D_\r\nあり &amp;amp; &#x41;&#66; _x005F_x0041_ &quot;引用&quot;</t></si>",
  "<si><t/></si>",
  "<si>\n  <t>字下げ</t>\n</si>",
].join("");

/** Excel's dialect, with the corners SheetJS has particular answers for. */
const EXCEL_SHEET = worksheet(
  [
    '<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s" s="2"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>',
    '<row r="2" spans="1:6" x14ac:dyDescent="0.25"><c r="A2"><v>3</v></c><c r="B2"><v>4</v></c><c r="C2"><f>A2*B2</f><v>12</v></c>' +
      '<c r="D2"><f t="shared" ref="D2:D5" si="0">$A2*B$2+SUM(A2:B2)+Sheet2!A1+LOG10(A2)+_xlfn.IFS(A2&gt;1,1,TRUE,0)</f><v>1</v></c></row>',
    '<row r="3"><c r="A3"><v>-1.5E-3</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3"><f t="shared" si="0"/><v>2</v></c>' +
      '<c r="E3" t="str"><f>"a"&amp;"b"</f><v>a&amp;b</v></c><c r="F3" t="b"><v>0</v></c><c r="G3" t="e"/></row>',
    '<row r="4"><c r="A4" t="inlineStr"><is><t>インライン &amp; &lt;text&gt;</t></is></c><c r="B4" t="inlineStr"><is><r><t>rich</t></r><r><rPr><b/></rPr><t xml:space="preserve"> run</t></r></is></c>' +
      '<c r="C4"><f>A2+1</f></c><c r="D4"><f t="shared" si="0"></f><v>3</v></c><c r="E4" t="str"><f>""</f></c><c r="F4" t="s"><v>4</v></c><c r="G4" t="s"><v>5</v></c></row>',
    '<row r="5"><c r="A5" t="s"><v>6</v></c><c r="D5"><f t="shared" si="0"/></c><c r="F5" s="3"/><c r="G5" t="n"><f>1+1</f></c></row>',
    '<row r="7" spans="1:1"/>',
    '<row r="8"><c t="s"><v>0</v></c><c><v>2</v></c><c r="E8"><v>5</v></c><c><v>6</v></c><c><v>0012</v></c></row>',
    "<row><c><v>9</v></c><c><v>1234567890123456789</v></c></row>",
    '<row r="10"><c r="A10"><v>1</v></c><c r="A10"><v>2</v></c><c r="B10"><v>3</v></c><c r="B10"/><c r="C10"><v></v></c></row>',
    '<row r="11"><c r="A11"><f t="array" ref="A11:B12">TRANSPOSE(A1:A2)</f><v>1</v></c><c r="B11"/></row>',
    '<row r="12"><c r="A12"/><c r="B12"><v>7</v></c><c r="C12" t="inlineStr"/></row>',
  ].join("\n"),
  '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C20"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
);

const SECOND_SHEET = worksheet('<row r="3"><c r="C3" t="s"><v>3</v></c></row>');

describe("the direct reader gives SheetJS's grids", () => {
  it("for Excel's dialect: shared and array formulas, rich text, furigana, inline strings, escapes", () => {
    const buf = pkg([{ name: "R&amp;D 台帳", xml: EXCEL_SHEET }, { name: "Sheet2", xml: SECOND_SHEET, target: "/xl/worksheets/sheet2.xml" }], STRINGS);
    expectSameAsSheetJs(buf);
    const d = direct(buf);
    if (!d.ok) throw new Error(d.why);
    const [first, second] = d.grids;
    expect(first!.name).toBe("R&D 台帳");
    expect(second!.name).toBe("Sheet2");
    // Spot checks of what the comparison covers, so that a shared regression cannot hide.
    expect(first!.values[0]).toEqual(["項目", " 前後の空白 ", "リッチテキスト", "個人情報"]);
    expect(first!.values[3]![5]).toBe("改行\r\nあり &amp; AB _x0041_ \"引用\"");
    expect(first!.formulas![2]![3]).toBe("=$A3*B$2+SUM(A3:B3)+Sheet2!A2+LOG10(A3)+IFS(A3>1,1,TRUE,0)");
    // SheetJS drops a formula cell that has no cached value; so does the direct reader.
    expect(first!.values[3]![2]).toBeNull();
    expect(first!.formulas![3]![2]).toBeNull();
    expect(first!.values[10]).toEqual([1]);
    expect(first!.merges).toEqual([
      { startRow: 0, startCol: 0, endRow: 0, endCol: 1 },
      { startRow: 19, startCol: 2, endRow: 19, endCol: 2 },
    ]);
  });

  it("for macro-enabled workbooks and templates (.xlsm, .xltx, .xltm)", () => {
    const plain = pkg([{ name: "台帳", xml: EXCEL_SHEET }], STRINGS);
    const z = inspectZip(plain);
    if (!z.ok) throw new Error("zip");
    const parts = z.entries.map((e) => {
      const at = e.localHeaderOffset + 30 + Buffer.byteLength(e.name);
      return { name: e.name, data: inflateRawSync(plain.subarray(at, at + e.compressedSize)) };
    });
    const types = [
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
      "application/vnd.ms-excel.template.macroEnabled.main+xml",
    ];
    for (const type of types) {
      // The same package with another workbook content type, and a VBA part beside it.
      const rebuilt = parts.map((p) =>
        p.name === "[Content_Types].xml"
          ? { name: p.name, data: Buffer.from(p.data.toString("utf8").replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", type)) }
          : p,
      );
      const buf = makeZip([...rebuilt, { name: "xl/vbaProject.bin", data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) }]);
      expectSameAsSheetJs(buf);
    }
  });

  it("for sheets listed in another order than their parts, with no shared strings at all", () => {
    const inline = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>only inline</t></is></c><c r="B1"><v>2.5</v></c></row>');
    const buf = pkg([{ name: "B", xml: inline, target: "worksheets/sheet2.xml" }, { name: "A", xml: SECOND_SHEET.replace('t="s"><v>3</v>', "><v>3</v>"), target: "worksheets/sheet1.xml" }], null);
    expectSameAsSheetJs(buf);
  });

  it("for an empty sheet, a self-closed sheetData and a sheet with only merges", () => {
    const empty = `<worksheet xmlns="${MAIN_NS}"><sheetData/><mergeCells><mergeCell ref="B2:C3"/></mergeCells></worksheet>`;
    const none = `<worksheet xmlns="${MAIN_NS}"></worksheet>`;
    expectSameAsSheetJs(pkg([{ name: "a", xml: empty }, { name: "b", xml: none }, { name: "c", xml: worksheet("") }], STRINGS));
  });

  it("for shared formulas copied in every direction, generated at random", () => {
    let seed = 20261123;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pick = <T,>(xs: readonly T[]) => xs[rnd(xs.length)]!;
    const col = () => pick(["A", "B", "Z", "AA", "AZ", "XFD", "XFE", "ABCD", "a"]);
    const rowNo = () => pick(["1", "2", "10", "0", "01", "1048576", "1048577", "99999999"]);
    const ref = () => `${pick(["", "$"])}${col()}${pick(["", "$"])}${rowNo()}`;
    const atom = () =>
      pick([
        ref,
        () => `${ref()}:${ref()}`,
        () => `SUM(${ref()})`,
        () => `LOG10(${ref()})`,
        () => `Sheet1!${ref()}`,
        () => `'他 シート'!${ref()}`,
        () => `&quot;${ref()}&quot;`,
        () => `_${ref()}`,
        () => `.${ref()}`,
        () => `x${ref()}`,
        () => `${ref()}.5`,
        () => `1E5`,
        () => `A:A`,
        () => `3:3`,
        () => `_xlfn.XLOOKUP(${ref()},A:A,B:B)`,
      ])();
    const rows: string[] = [];
    let declined = 0;
    for (let si = 0; si < 60; si++) {
      const formula = Array.from({ length: 1 + rnd(4) }, atom).join(pick(["+", "*", ",", "&amp;", " "]));
      const r0 = 2 + si * 3;
      const c0 = 3 + rnd(5);
      const letter = (c: number) => String.fromCharCode(65 + c);
      const cells = [`<c r="${letter(c0)}${r0}"><f t="shared" ref="${letter(c0)}${r0}:${letter(c0 + 2)}${r0 + 2}" si="${si}">${formula}</f><v>0</v></c>`];
      rows.push(`<row r="${r0}">${cells.join("")}</row>`);
      const followers = [
        [1, 0],
        [2, 2],
        [1, -3],
      ];
      for (const [dr, dc] of followers) {
        rows.push(`<row r="${r0 + dr!}"><c r="${letter(c0 + dc!)}${r0 + dr!}"><f t="shared" si="${si}"/><v>${dr}</v></c></row>`);
      }
    }
    // One sheet per master keeps a decline (a formula shifted left of column A) local.
    const sheets = rows.join("").split(/(?=<row r="\d+"><c r="[A-Z]\d+"><f t="shared" ref=)/);
    for (const xml of sheets) {
      const buf = pkg([{ name: "Sheet1", xml: worksheet(xml) }], null);
      const d = direct(buf);
      if (!d.ok) {
        expect(d.why).toMatch(/left of column A/);
        declined++;
        continue;
      }
      expect(d.grids).toStrictEqual(viaSheetJs(buf));
    }
    expect(declined).toBeLessThan(sheets.length / 2);
  });

  it("shifts references the way SheetJS copies shared formulas", () => {
    expect(shiftFormula("A1+$B$2+C$3+$D4+LOG10(E5)+Sheet1!F6+\"G7\"", 2, 1)).toBe('B3+$B$2+D$3+$D6+LOG10(F7)+Sheet1!G8+"H9"');
    expect(shiftFormula("XFD1+XFE1+A0+A01+AAAA1+A1048576", 1, 0)).toBe("XFD2+XFE1+A0+A01+AAAA1+A1048577");
  });
});

describe("workbooks other writers produce", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("pmark-ooxml-");
  });

  it("ExcelJS (dates, merges, a formula with its result, booleans, errors, a hidden sheet)", async () => {
    const path = join(dir, "exceljs.xlsx");
    await writeSampleXlsx(path);
    expectSameAsSheetJs(readFileSync(path));
  });

  it("SheetJS", () => {
    const path = join(dir, "sheetjs.xlsx");
    writeSheetJsWorkbook(path, "xlsx");
    expectSameAsSheetJs(readFileSync(path));
  });

  it("our templates and the bundled sample", () => {
    const files = [
      ...readdirSync(join(ROOT, "templates")).filter((f) => f.endsWith(".xlsx")).map((f) => join(ROOT, "templates", f)),
      ...readdirSync(join(ROOT, "templates", "samples")).filter((f) => f.endsWith(".xlsx")).map((f) => join(ROOT, "templates", "samples", f)),
    ];
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) expectSameAsSheetJs(readFileSync(f));
  });

  it.skipIf(!hasLibreOffice())("LibreOffice, saving our templates again", () => {
    const files = readdirSync(join(ROOT, "templates"))
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => join(ROOT, "templates", f));
    for (const f of recalcWithLibreOffice(files)) expectSameAsSheetJs(readFileSync(f));
  }, 180_000);
});

describe("what the direct reader declines, SheetJS reads", () => {
  const savedReader = process.env.PMARK_READER;
  afterEach(() => {
    if (savedReader === undefined) delete process.env.PMARK_READER;
    else process.env.PMARK_READER = savedReader;
  });

  const cases: [string, () => Buffer, RegExp][] = [
    ["an ISO date cell", () => pkg([{ name: "d", xml: worksheet('<row r="1"><c r="A1" t="d"><v>2024-04-01T00:00:00</v></c></row>') }], null), /ISO date/],
    ["CDATA", () => pkg([{ name: "d", xml: worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<x>]]></t></is></c></row>') }], null), /CDATA/],
    [
      "a prefixed dialect",
      () => pkg([{ name: "d", xml: `<x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>` }], null),
      /root element x:worksheet/,
    ],
    ["a shared-string index past the table", () => pkg([{ name: "d", xml: worksheet('<row r="1"><c r="A1" t="s"><v>99</v></c></row>') }], STRINGS), /shared-string index 99/],
    [
      "a chart sheet",
      () => pkg([{ name: "d", xml: SECOND_SHEET }, { name: "chart", xml: "<chartsheet/>", relType: `${REL_NS}/chartsheet` }], STRINGS),
      /chartsheet/,
    ],
    ["a cell reference in lower case", () => pkg([{ name: "d", xml: worksheet('<row r="1"><c r="a1"><v>1</v></c></row>') }], null), /cell reference a1/],
  ];

  for (const [what, make, why] of cases) {
    it(what, async () => {
      const buf = make();
      const d = direct(buf);
      expect(d.ok).toBe(false);
      if (!d.ok) expect(d.why).toMatch(why);
      const loaded = await loadBytes("x.xlsx", buf);
      process.env.PMARK_READER = "sheetjs";
      const bySheetJs = await loadBytes("x.xlsx", buf);
      expect(loaded).toStrictEqual(bySheetJs);
    });
  }

  it("PMARK_READER=sheetjs gives the same grids for a workbook the direct reader takes", async () => {
    const buf = pkg([{ name: "R&amp;D", xml: EXCEL_SHEET }, { name: "Sheet2", xml: SECOND_SHEET }], STRINGS);
    const loaded = await loadBytes("x.xlsx", buf);
    process.env.PMARK_READER = "sheetjs";
    expect(loaded).toStrictEqual(await loadBytes("x.xlsx", buf));
    expect(loaded.ok).toBe(true);
  });

  it("damaged data in a part it reads: the loader still reports the file as corrupt", async () => {
    const good = pkg([{ name: "d", xml: SECOND_SHEET }], STRINGS);
    const z = inspectZip(good);
    if (!z.ok) throw new Error("zip");
    const sheet = z.entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    const bad = Buffer.from(good);
    const at = sheet.localHeaderOffset + 30 + sheet.name.length;
    for (let i = 0; i < Math.min(8, sheet.compressedSize); i++) bad[at + i] = 0xff;
    expect(direct(bad).ok).toBe(false);
    const loaded = await loadBytes("x.xlsx", bad);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.reason.code).toBe("corrupt");
  });
});
