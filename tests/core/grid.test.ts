import { describe, expect, it } from "vitest";
import { a1, cellAt, cellText, columnLetters, columnNumber, formulaAt, gridSize, isBlank, isTrimSpace, parseA1 } from "../../packages/core/src/grid/grid";

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

describe("isBlank and cellText agree with String.prototype.trim", () => {
  it("on every code unit at either end, and on random mixes of spaces and text", () => {
    const units: number[] = [];
    for (let c = 0; c <= 0x3100; c++) units.push(c);
    units.push(0xfeff, 0xfefe, 0xff01, 0xffff);
    for (const c of units) {
      const ch = String.fromCharCode(c);
      const isSpace = ch.trim() === "";
      expect(isTrimSpace(c), c.toString(16)).toBe(isSpace);
      for (const t of [ch, `${ch}a`, `a${ch}`, `${ch}${ch}`, `${ch}漢字${ch}`]) {
        expect(cellText(t)).toBe(t.trim());
        expect(isBlank(t)).toBe(t.trim() === "");
      }
    }
    const pool = [" ", "\u3000", "\t", "\n", "\u00a0", "\ufeff", "a", "漢", "ー", "\u0000", "\u200b"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 5000; i++) {
      const t = Array.from({ length: Math.floor(next() * 6) }, () => pool[Math.floor(next() * pool.length)]).join("");
      expect(cellText(t)).toBe(t.trim());
      expect(isBlank(t)).toBe(t.trim() === "");
    }
  });
});
