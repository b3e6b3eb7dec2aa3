import { describe, expect, it } from "vitest";
import { readRetention } from "../../../packages/core/src/read/retention";

describe("readRetention", () => {
  const cases: [unknown, number | null, boolean][] = [
    ["5年", 5, false],
    ["7年間", 7, false],
    ["退職後5年", 5, false],
    ["最終記入日から3年", 3, false],
    ["１０年", 10, false],
    ["五年", 5, false],
    ["十二年", 12, false],
    ["1年6か月", 1.5, false],
    ["6年11ヶ月", 6 + 11 / 12, false],
    ["3〜5年", 5, false],
    ["在籍中及び退職後7年", 7, false],
    ["退職後5年（マイナンバーは7年）", 7, false],
    ["6か月", 0.5, false],
    ["7 years", 7, false],
    [5, 5, false],
    ["永年", null, true],
    ["永久保存", null, true],
    ["無期限", null, true],
    ["期限なし", null, true],
    ["2030年3月末", null, false],
    ["令和12年3月31日まで", null, false],
    [47573, null, false],
    ["法定期間", null, false],
  ];
  for (const [input, years, indefinite] of cases) {
    it(`${String(input)}`, () => {
      const r = readRetention(input as string | number);
      expect(r?.indefinite).toBe(indefinite);
      if (years === null) expect(r?.years ?? null).toBeNull();
      else expect(r?.years).toBeCloseTo(years, 6);
    });
  }
  it("blank is null", () => {
    expect(readRetention(null)).toBeNull();
    expect(readRetention("  ")).toBeNull();
  });
  it("reads a repeated text once: the same frozen result, equal to a fresh reading of the same words", () => {
    for (const [input] of cases) {
      if (typeof input !== "string") continue;
      const first = readRetention(input);
      expect(readRetention(input)).toBe(first);
      if (first) expect(Object.isFrozen(first)).toBe(true);
      // Surrounding spaces make a different memo key but the same reading.
      expect(readRetention(` ${input} `)).toEqual(first);
    }
  });
});
