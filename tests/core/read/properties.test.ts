import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../packages/core/src/grid/grid";
import {
  addMonths,
  DEFAULT_PHASES,
  isoFromSerial,
  MAX_SERIAL,
  readCount,
  readDate,
  readLevel,
  readMedium,
  readPhase,
  readScale,
  readScore,
  readYesNo,
  serialFromIso,
  serialFromYmd,
  ymdFromSerial,
  type ReadResult,
} from "../../../packages/core/src/read/index";

/** Cell values, weighted toward the awkward: odd Unicode, formula text, dashes, long strings. */
const awkwardText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.stringMatching(/^[0-9０-９,，.〜~\-ー約件万千百数以上程度年月日令和平成RHS/()（）]{0,20}$/),
  fc.constantFrom("=1+1", "\u202e45383", "\u200f有\u200e", "🙂", "\u0000", "ー", "－", "R6.4.1", "１，２００件"),
  fc.tuple(fc.constantFrom("1", " ", "(", "ー", "1,", "約", "a"), fc.integer({ min: 150, max: 5000 })).map(([c, n]) =>
    c.repeat(n),
  ),
);

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  awkwardText,
  fc.double(),
  fc.integer(),
  fc.integer({ min: 0, max: MAX_SERIAL }),
  fc.boolean(),
  fc.constantFrom(null, undefined),
);

const isBlankish = (v: CellValue) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** The reader never throws; a blank cell gives null; otherwise a well-formed ReadResult. */
function checkReader<T>(read: (v: CellValue) => ReadResult<T> | null, valid: (value: T) => boolean): void {
  fc.assert(
    fc.property(cell, (v) => {
      const r = read(v);
      if (isBlankish(v)) expect(r).toBeNull();
      if (r === null) return;
      expect(typeof r.ok).toBe("boolean");
      if (r.hint !== undefined) expect(typeof r.hint).toBe("string");
      if (r.ok) expect(valid(r.value), JSON.stringify(r)).toBe(true);
      else expect("value" in r).toBe(false);
    }),
    { numRuns: 1000 },
  );
}

describe("readers never throw and return well-formed results", () => {
  it("readCount", () => {
    checkReader(readCount, (c) => Number.isInteger(c.min) && c.min >= 0 && c.max >= c.min && (c.min === c.max || c.approximate));
  });

  it("readDate", () => {
    checkReader(
      readDate,
      (d) => Number.isInteger(d.serial) && d.serial >= 1 && d.serial <= MAX_SERIAL && isoFromSerial(d.serial) === d.iso,
    );
  });

  it("readYesNo", () => {
    checkReader(readYesNo, (b) => typeof b === "boolean");
  });

  it("readMedium", () => {
    checkReader(readMedium, (m) => m === "paper" || m === "electronic" || m === "both");
  });

  it("readPhase", () => {
    const ids = new Set(DEFAULT_PHASES.map((p) => p.id));
    checkReader(readPhase, (id) => ids.has(id));
  });

  it("readLevel", () => {
    checkReader(readLevel, (l) => l === "high" || l === "medium" || l === "low");
  });

  it("readScale", () => {
    checkReader(
      (v) => readScale(v, 1, 5),
      (n) => Number.isInteger(n) && n >= 1 && n <= 5,
    );
  });

  it("readScore", () => {
    checkReader(readScore, (n) => Number.isFinite(n) && n >= 0);
  });
});

describe("readers round-trip what they print", () => {
  it("readCount reads any non-negative integer, plain or with 件 and commas", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        const exact = { ok: true, value: { min: n, max: n, approximate: false } };
        expect(readCount(n)).toEqual(exact);
        expect(readCount(String(n))).toEqual(exact);
        expect(readCount(`${n.toLocaleString("en-US")}件`)).toEqual(exact);
      }),
    );
  });

  it("readDate reads back every serial as an ISO, slash and 年月日 date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: MAX_SERIAL }), (serial) => {
        const iso = isoFromSerial(serial);
        const { y, m, d } = ymdFromSerial(serial);
        expect(serialFromYmd(y, m, d)).toBe(serial);
        expect(serialFromIso(iso)).toBe(serial);
        expect(readDate(iso)).toEqual({ ok: true, value: { serial, iso } });
        expect(readDate(`${y}/${m}/${d}`)).toEqual({ ok: true, value: { serial, iso } });
        expect(readDate(`${y}年${m}月${d}日`)).toEqual({ ok: true, value: { serial, iso } });
      }),
    );
  });

  it("addMonths lands in the right month, on the same day or the month end", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: serialFromYmd(9000, 1, 1) }), fc.integer({ min: -600, max: 600 }), (s, n) => {
        const from = ymdFromSerial(s);
        const to = ymdFromSerial(addMonths(s, n));
        expect(to.y * 12 + to.m - (from.y * 12 + from.m)).toBe(n);
        if (to.d !== from.d) {
          expect(to.d).toBeLessThan(from.d);
          expect(ymdFromSerial(addMonths(s, n) + 1).d).toBe(1);
        }
      }),
    );
  });
});

describe("no catastrophic backtracking", () => {
  const readers: [string, (v: CellValue) => unknown][] = [
    ["count", readCount],
    ["date", readDate],
    ["yesno", readYesNo],
    ["medium", readMedium],
    ["phase", readPhase],
    ["level", readLevel],
    ["scale", (v) => readScale(v, 1, 5)],
    ["score", readScore],
  ];
  const nasty = [
    "1".repeat(100_000),
    " ".repeat(50_000) + "x" + " ".repeat(50_000),
    "(".repeat(199),
    "1,".repeat(99) + "x",
    " ".repeat(190) + "1:00x",
    "2024/4/1" + " ".repeat(180) + "x",
    "\u200b".repeat(100_000),
    "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((x",
  ];
  it.each(readers)("%s stays fast on hostile text", (_name, read) => {
    const start = performance.now();
    for (const text of nasty) read(text);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
