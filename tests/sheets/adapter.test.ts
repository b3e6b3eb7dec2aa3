/**
 * The adapter's pieces, imported from source and run against the same fakes: writing blocks
 * with holes, text that stays text, chunked storage, dates, merges.
 */
import { describe, expect, it } from "vitest";
import { preparePlan, type SheetGrid, type WritePlan } from "../../packages/core/src/index";
import type { GasServices } from "../../packages/sheets-addon/src/gas/ports";
import { compressCells, solidBlocks } from "../../packages/sheets-addon/src/server/a1";
import { dateToSerial } from "../../packages/sheets-addon/src/server/dates";
import { chunkUtf8 } from "../../packages/sheets-addon/src/server/highlights";
import { mergedFromA1 } from "../../packages/sheets-addon/src/server/read";
import { applyWritePlan, guardText } from "../../packages/sheets-addon/src/server/write";
import { dateForSerial, FakeSpreadsheet, makeFakes } from "./fake-gas";

function services(ss: FakeSpreadsheet) {
  const fakes = makeFakes(ss, "ja");
  return { fakes, gas: fakes.services as unknown as GasServices };
}

describe("values written through setValues stay what the plan says", () => {
  it("strings that Sheets would parse as formulas get the text prefix; prefixed strings pass as they are", () => {
    expect(guardText("=1+1")).toBe("'=1+1");
    expect(guardText("+81 3 1234")).toBe("'+81 3 1234");
    expect(guardText("-")).toBe("'-");
    expect(guardText("@x")).toBe("'@x");
    expect(guardText("'already text")).toBe("'already text");
    expect(guardText("台帳")).toBe("台帳");
  });

  it("in the fake spreadsheet they are stored as text, never as formulas", () => {
    const ss = new FakeSpreadsheet();
    ss.addSheet({ name: "S" });
    const { fakes, gas } = services(ss);
    const texts = ["=SUM(A1:A3)", "+81 3 1234 5678", "-", "@x", "'001", "'2024/4/1", "'TRUE"];
    const plan: WritePlan = { title: { ja: "", en: "" }, ops: [{ op: "values", sheet: "S", row: 1, col: 1, values: texts.map((t) => [t]) }] };
    applyWritePlan(gas, fakes.ss as never, null, plan, { lang: "ja" });
    const stored = ss.sheet("S").grid.map((row) => row[0]);
    expect(stored.map((c) => c?.v)).toEqual(["=SUM(A1:A3)", "+81 3 1234 5678", "-", "@x", "001", "2024/4/1", "TRUE"]);
    expect(stored.every((c) => c?.f === null)).toBe(true);
  });
});

describe("unconfirmed overwrites are holes, written around in few blocks", () => {
  it("the user's cell keeps its value; the rest of the block is written in hole-free rectangles", () => {
    const ss = new FakeSpreadsheet();
    const values = Array.from({ length: 200 }, () => [null, null, null]) as (string | null)[][];
    (values[100] as (string | null)[])[1] = "ユーザーのメモ";
    ss.addSheet({ name: "S", values });
    const grids: SheetGrid[] = [{ name: "S", values }];
    const plan: WritePlan = {
      title: { ja: "", en: "" },
      ops: [{ op: "values", sheet: "S", row: 1, col: 1, values: Array.from({ length: 200 }, (_, r) => [`a${r}`, `b${r}`, `c${r}`]) }],
    };
    const prepared = preparePlan(plan, grids, { confirmOverwrite: false });
    expect(prepared.skipped).toEqual([{ sheet: "S", cell: "B101" }]);
    const { fakes, gas } = services(ss);
    fakes.ss.calls.reset();
    applyWritePlan(gas, fakes.ss as never, null, prepared.plan, { lang: "ja" });
    const sheet = ss.sheet("S");
    expect(sheet.peek("B101").v).toBe("ユーザーのメモ");
    expect(sheet.peek("B100").v).toBe("b99");
    expect(sheet.peek("A101").v).toBe("a100");
    expect(sheet.peek("C200").v).toBe("c199");
    // Column A, column C, and column B above and below the hole: four calls, not 200.
    expect(fakes.ss.calls.of("Range.setValues")).toBe(4);
  });

  it("solidBlocks: one block without holes; per column runs otherwise, equal neighbours merged", () => {
    expect(solidBlocks(1000, 5, () => false)).toEqual([{ row: 0, col: 0, rows: 1000, cols: 5 }]);
    const blocks = solidBlocks(10, 3, (r, c) => c === 1 && r === 4);
    expect(blocks).toHaveLength(4);
    expect(solidBlocks(10, 3, (r) => r === 4)).toHaveLength(2); // a whole row left alone: above and below
    expect(blocks.reduce((n, b) => n + b.rows * b.cols, 0)).toBe(29);
  });

  it("compressCells merges vertical runs", () => {
    expect(compressCells([{ row: 2, col: 2 }, { row: 3, col: 2 }, { row: 4, col: 2 }, { row: 9, col: 2 }, { row: 1, col: 1 }])).toEqual(["A1", "B2:B4", "B9"]);
  });
});

describe("storage and reading helpers", () => {
  it("chunkUtf8 keeps every piece under the byte limit and never splits a surrogate pair", () => {
    const text = "台帳🗂️".repeat(5000);
    const chunks = chunkUtf8(text, 8000);
    expect(chunks.join("")).toBe(text);
    for (const c of chunks) {
      expect(Buffer.byteLength(c, "utf8")).toBeLessThanOrEqual(8000);
      expect(/^[\uDC00-\uDFFF]/.test(c)).toBe(false);
    }
  });

  it("dateToSerial reads a Date in the spreadsheet's zone, whatever the script's zone", () => {
    for (const tz of ["Asia/Tokyo", "America/New_York", "Europe/London", "Asia/Kolkata"]) {
      const toSerial = dateToSerial(tz);
      for (const serial of [45383, 45566, 45748, 45748.375, 1, 60.5]) {
        if (serial < 61) continue; // Excel's 1900 leap-year quirk: dates before March 1900 are not P-mark data
        expect(toSerial(dateForSerial(serial, tz)), `${tz} ${serial}`).toBeCloseTo(serial, 9);
      }
    }
  });

  it("mergedFromA1 turns A1 ranges into 0-based merges", () => {
    expect(mergedFromA1("B2:D3")).toEqual({ startRow: 1, startCol: 1, endRow: 2, endCol: 3 });
    expect(mergedFromA1("A1")).toEqual({ startRow: 0, startCol: 0, endRow: 0, endCol: 0 });
  });
});
