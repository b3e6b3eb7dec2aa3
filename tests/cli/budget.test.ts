/**
 * The read budget and the counters that charge it for what SheetJS would build. The counters
 * must never count fewer cells than a reader then holds (that would let a file past its
 * budget), whatever the format and however the bytes are cut into chunks.
 */
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import type { SheetGrid } from "@pmark/core";
import { OverBudget, READ_LIMITS, ReadBudget } from "../../packages/cli/src/load/budget";
import { biffCells, markupCells, odsContentCounter, worksheetCounter, xlsbSheetCounter } from "../../packages/cli/src/load/scan";
import { workbookToGrids } from "../../packages/cli/src/load/sheetjs";
import { entryData, inspectZip, verifyZipEntries } from "../../packages/cli/src/load/zip";
import { inflateRawSync } from "node:zlib";

const unlimited = () =>
  new ReadBudget("direct", { ...READ_LIMITS, cells: 1e12, sheetCells: 1e12, textChars: 1e12, inflatedBytes: 1e12, partBytes: 1e12 });

/** Cells as a grid holds them: each row's cells up to its last one, plus one per row. */
function slots(grids: readonly SheetGrid[]): number {
  let n = 0;
  for (const g of grids) for (const row of g.values) n += row.length + 1;
  return n;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random sparse sheet: rows with gaps, texts (some long, some Japanese), numbers, booleans. */
function randomRows(next: () => number): (string | number | boolean | null)[][] {
  const rows: (string | number | boolean | null)[][] = [];
  const height = 1 + Math.floor(next() * 60);
  for (let r = 0; r < height; r++) {
    const row: (string | number | boolean | null)[] = [];
    const width = Math.floor(next() * 30);
    for (let c = 0; c < width; c++) {
      const k = next();
      row.push(k < 0.3 ? null : k < 0.55 ? Math.round(next() * 1e6) / 100 : k < 0.6 ? next() < 0.5 : k < 0.9 ? `顧客${Math.floor(next() * 50)}` : "長".repeat(Math.floor(next() * 300)));
    }
    rows.push(row);
  }
  return rows;
}

/** Feeds `data` to a counter in chunks of random sizes (tags and records cut anywhere). */
function feed(counter: { push(chunk: Buffer): void; end(): void }, data: Buffer, next: () => number): void {
  for (let at = 0; at < data.length; ) {
    const size = 1 + Math.floor(next() * 700);
    counter.push(data.subarray(at, at + size));
    at += size;
  }
  counter.end();
}

function parts(zip: Buffer): Map<string, Buffer> {
  const z = inspectZip(zip);
  if (!z.ok) throw new Error("zip");
  return new Map(z.entries.map((e) => [e.name, e.method === 8 ? inflateRawSync(entryData(zip, e) as Buffer) : (entryData(zip, e) as Buffer)]));
}

describe("ReadBudget", () => {
  it("stops at the first limit passed, naming it, where and whose share", () => {
    const b = new ReadBudget("sheetjs");
    expect(b.limits.cells).toBe(READ_LIMITS.cells / 2);
    b.addCells("台帳", b.limits.sheetCells);
    let caught: unknown;
    try {
      b.addCells("台帳", 1);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(OverBudget);
    expect((caught as OverBudget).info).toEqual({ limit: "sheet-cells", max: READ_LIMITS.sheetCells / 2, where: "台帳", sheetjs: true });
    const d = new ReadBudget("direct");
    expect(() => d.willInflate("xl/worksheets/sheet1.xml", READ_LIMITS.partBytes + 1)).toThrow(OverBudget);
    expect(() => d.willInflate("a", 100 * 1024 * 1024, 250 * 1024 * 1024)).toThrow(/inflated-size/);
    expect(() => d.addText(READ_LIMITS.textChars + 1)).toThrow(/text/);
  });

  it("a sheet name passed as where is shortened for the message", () => {
    const b = new ReadBudget("direct", { ...READ_LIMITS, sheetCells: 1 });
    try {
      b.addCells("x".repeat(100_000), 2);
    } catch (e) {
      expect((e as OverBudget).info.where).toHaveLength(80);
    }
  });
});

describe("the counters never count fewer cells than SheetJS then holds", () => {
  for (const [bookType, label] of [
    ["xlsx", ".xlsx"],
    ["xlsb", ".xlsb"],
    ["ods", ".ods"],
    ["biff8", ".xls"],
    ["html", "HTML"],
  ] as const) {
    it(`${label}, 25 random workbooks, cut into random chunks`, async () => {
      const next = rng(label.length * 7919);
      for (let n = 0; n < 25; n++) {
        const wb = XLSX.utils.book_new();
        const sheets = bookType === "html" ? 1 : 1 + Math.floor(next() * 3);
        for (let s = 0; s < sheets; s++) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(randomRows(next)), `S${s + 1}`);
        const bytes = XLSX.write(wb, { type: "buffer", bookType }) as Buffer;
        const held = slots(workbookToGrids(XLSX.read(bytes, { type: "buffer", dense: true })));
        const budget = unlimited();
        if (bookType === "biff8") {
          const cfb = XLSX.CFB.read(bytes, { type: "buffer" });
          const stream = XLSX.CFB.find(cfb, "Workbook")?.content as Uint8Array;
          const counted = biffCells(stream);
          for (const c of counted.sheets) budget.addCells("x", c);
        } else if (bookType === "html") {
          const counted = markupCells(bytes.toString("latin1"));
          budget.addCells("x", counted.cells);
        } else {
          for (const [name, data] of parts(bytes)) {
            if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) feed(worksheetCounter(name, budget), data, next);
            else if (/^xl\/worksheets\/[^/]+\.bin$/.test(name)) feed(xlsbSheetCounter(name, budget), data, next);
            else if (name === "content.xml") feed(odsContentCounter(name, budget), data, next);
          }
        }
        expect(budget.usage().cells, `${label} #${n}`).toBeGreaterThanOrEqual(held);
        // And not wildly more. HTML tables are padded to a rectangle, which SheetJS parses too.
        expect(budget.usage().cells, `${label} #${n}`).toBeLessThanOrEqual(held * (bookType === "html" ? 4 : 2) + 64);
      }
    });
  }

  it("an .xlsx through the streaming verification charges cells, strings and text", async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["顧客名簿", "本社"], [1, "施錠"]]), "S");
    const bytes = XLSX.write(wb, { type: "buffer", bookType: "xlsx", bookSST: true }) as Buffer;
    const z = inspectZip(bytes);
    if (!z.ok) throw new Error("zip");
    const budget = unlimited();
    const { sharedStringsCounter } = await import("../../packages/cli/src/load/scan");
    const problem = await verifyZipEntries(bytes, z.entries, {
      budget,
      counter: (e) => (/worksheets\/.*\.xml$/.test(e.name) ? worksheetCounter(e.name, budget) : /sharedStrings/.test(e.name) ? sharedStringsCounter(budget) : undefined),
    });
    expect(problem).toBeNull();
    const used = budget.usage();
    expect(used.cells).toBeGreaterThanOrEqual(6);
    expect(used.strings).toBe(3);
    expect(used.textChars).toBe("顧客名簿本社施錠".length);
    expect(used.inflatedBytes).toBe(z.entries.reduce((n, e) => n + e.uncompressedSize, 0));
  });
});

describe("ODS repeats are multiplied out; padding after the last value is free", () => {
  it("counts a repeated valued cell in a repeated row, not LibreOffice's padding", () => {
    const xml = Buffer.from(
      '<office:document-content><office:body><office:spreadsheet><table:table table:name="S">' +
        '<table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="50" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16334"/></table:table-row>' +
        '<table:table-row table:number-rows-repeated="1047576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>' +
        "</table:table></office:spreadsheet></office:body></office:document-content>",
    );
    const budget = unlimited();
    feed(odsContentCounter("content.xml", budget), xml, rng(1));
    expect(budget.usage().cells).toBe(1000 * 51);
  });

  it("empty rows between rows with values are counted, as a grid keeps them", () => {
    const xml = Buffer.from(
      '<table:table table:name="S"><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>' +
        '<table:table-row table:number-rows-repeated="500000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>' +
        '<table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table>',
    );
    const budget = unlimited();
    feed(odsContentCounter("content.xml", budget), xml, rng(2));
    expect(budget.usage().cells).toBe(2 + 500_000 + 2);
  });
});
