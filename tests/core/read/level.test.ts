import { describe, expect, it } from "vitest";
import { readLevel, readScale, readScore } from "../../../packages/core/src/read/index";

describe("readLevel", () => {
  it.each([null, undefined, "", " "])("blank %j → null", (v) => {
    expect(readLevel(v)).toBeNull();
  });

  it.each([
    ["high", ["高", "高い", "大", "H", "h", "High", "HIGH", "高リスク", 3, "3", "3(高)", "高(3)", "高（３）"]],
    ["medium", ["中", "中程度", "M", "Medium", "mid", "中リスク", 2, "2", "2(中)"]],
    ["low", ["低", "低い", "小", "L", "Low", "低リスク", 1, "1", "1（低）"]],
  ] as const)("%s", (level, spellings) => {
    for (const v of spellings) {
      const r = readLevel(v);
      expect(r?.ok && r.value, String(v)).toBe(level);
    }
  });

  it("hints full-width digits", () => {
    expect(readLevel("３")).toEqual({ ok: true, value: "high", hint: "全角数字" });
  });

  it.each(["A", "B", "C", "A/B/C", "極大", "3(低)", "高(1)", "高中", "abc", "=1+1", true, 2.5, NaN])(
    "not a level %j",
    (v) => {
      expect(readLevel(v)).toEqual({ ok: false });
    },
  );

  it.each([0, 4, -1])("out-of-range integer %j", (v) => {
    expect(readLevel(v)).toEqual({ ok: false, hint: "範囲外" });
  });
});

describe("readScale", () => {
  it.each([null, undefined, "", "  "])("blank %j → null", (v) => {
    expect(readScale(v, 1, 5)).toBeNull();
  });

  it.each([
    [3, 3, undefined],
    ["3", 3, undefined],
    [" 4 ", 4, undefined],
    ["３", 3, "全角数字"],
    ["3(高)", 3, undefined],
    ["高(3)", 3, undefined],
    ["レベル2", 2, undefined],
    ["5点", 5, undefined],
    [1, 1, undefined],
    [5, 5, undefined],
    ["2.0", 2, undefined],
  ] as const)("%j → %d", (v, n, hint) => {
    expect(readScale(v, 1, 5)).toEqual(hint === undefined ? { ok: true, value: n } : { ok: true, value: n, hint });
  });

  it("allows zero-based scales", () => {
    expect(readScale(0, 0, 3)).toEqual({ ok: true, value: 0 });
  });

  it.each([0, 6, -1, "6", "0", "-2", "10(高)"])("out of range %j", (v) => {
    expect(readScale(v, 1, 5)).toEqual({ ok: false, hint: "範囲外" });
  });

  it.each([2.5, "2.5", "1-3", "1〜3", "高", "abc", true, NaN, Infinity])("not a rating %j", (v) => {
    expect(readScale(v, 1, 5)).toEqual({ ok: false });
  });

  it("refuses nonsense bounds instead of throwing", () => {
    expect(readScale(3, 5, 1)).toEqual({ ok: false });
    expect(readScale(3, NaN, 5)).toEqual({ ok: false });
  });
});

describe("readScore", () => {
  it.each([null, undefined, "", "  "])("blank %j → null", (v) => {
    expect(readScore(v)).toBeNull();
  });

  it.each([
    [6, 6, undefined],
    [0, 0, undefined],
    [12.5, 12.5, undefined],
    ["6", 6, undefined],
    ["６", 6, "全角数字"],
    ["6点", 6, undefined],
    ["６点", 6, "全角数字"],
    ["12.5", 12.5, undefined],
    [".5", 0.5, undefined],
    ["1,000", 1000, undefined],
    ["8pt", 8, undefined],
  ] as const)("%j → %d", (v, n, hint) => {
    expect(readScore(v)).toEqual(hint === undefined ? { ok: true, value: n } : { ok: true, value: n, hint });
  });

  it.each([-1, "-3"])("negative %j → 範囲外", (v) => {
    expect(readScore(v)).toEqual({ ok: false, hint: "範囲外" });
  });

  it.each([NaN, Infinity, true, "abc", "6点以上", "高", "1,00", "3×2", "=A1*B1"])("not a score %j", (v) => {
    expect(readScore(v)).toEqual({ ok: false });
  });
});
