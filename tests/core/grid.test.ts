import { describe, expect, it } from "vitest";
import { a1, cellAt, columnLetters, columnNumber, formulaAt, gridSize, parseA1 } from "../../packages/core/src/grid/grid";

describe("A1 addressing", () => {
  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [703, "AAA"],
    [16384, "XFD"],
  ])("column %i is %s and back", (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
  });

  it("builds and parses cell addresses", () => {
    expect(a1(7, 2)).toBe("B7");
    expect(parseA1("B7")).toEqual({ row: 7, col: 2 });
    expect(parseA1("$AA$10")).toEqual({ row: 10, col: 27 });
    expect(parseA1("A0")).toBeNull();
    expect(parseA1("Sheet1!A1")).toBeNull();
    expect(parseA1("")).toBeNull();
  });

  it("reads ragged grids and formulas", () => {
    const g = { name: "s", values: [["a"], ["b", "c", null]], formulas: [[null], [null, "=A1&A2"]] };
    expect(gridSize(g)).toEqual({ rows: 2, cols: 3 });
    expect(cellAt(g, 0, 5)).toBeUndefined();
    expect(cellAt(g, 9, 0)).toBeUndefined();
    expect(formulaAt(g, 1, 1)).toBe("=A1&A2");
    expect(formulaAt(g, 0, 0)).toBeUndefined();
  });
});
