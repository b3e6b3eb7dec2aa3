import { describe, expect, it } from "vitest";
import { readCount } from "../../../packages/core/src/read/index";

const exact = (n: number) => ({ min: n, max: n, approximate: false });
const approx = (min: number, max = min) => ({ min, max, approximate: true });

describe("readCount", () => {
  it.each([null, undefined, "", "   ", "\u3000", "\n\t", "\u200b", "-", "ー", "―", "—", "－", "--"])(
    "blank or dash %j → null",
    (v) => {
      expect(readCount(v)).toBeNull();
    },
  );

  it.each([
    [0, exact(0)],
    [1000, exact(1000)],
    [-0, exact(0)],
  ])("number %j", (v, value) => {
    expect(readCount(v)).toEqual({ ok: true, value });
  });

  it.each([1.5, -1, NaN, Infinity, -Infinity, 1e20, true, false])("invalid number/boolean %j", (v) => {
    expect(readCount(v)).toEqual({ ok: false });
  });

  it.each([
    ["1000", exact(1000), undefined],
    ["1,000件", exact(1000), undefined],
    [" 1,000 件 ", exact(1000), undefined],
    ["500人", exact(500), undefined],
    ["500名", exact(500), undefined],
    ["200人分", exact(200), undefined],
    ["30枚", exact(30), undefined],
    ["12通", exact(12), undefined],
    ["800レコード", exact(800), undefined],
    ["800 records", exact(800), undefined],
    ["1 record", exact(1), undefined],
    ["１，２００件", exact(1200), "全角数字"],
    ["１２００", exact(1200), "全角数字"],
    ["1万件", exact(10000), undefined],
    ["2万5千件", exact(25000), undefined],
    ["1万2000人", exact(12000), undefined],
    ["1億", exact(100_000_000), undefined],
    ["約500", approx(500), "概数"],
    ["約５００名", approx(500), "概数"],
    ["約 5,000件", approx(5000), "概数"],
    ["概数300", approx(300), "概数"],
    ["300程度", approx(300), "概数"],
    ["300件程度", approx(300), "概数"],
    ["300前後", approx(300), "概数"],
    ["およそ300件", approx(300), "概数"],
    ["約2.5万人", approx(25000), "概数"],
    ["100〜500", approx(100, 500), "範囲"],
    ["100～500件", approx(100, 500), "範囲"],
    ["100-500", approx(100, 500), "範囲"],
    ["100件〜500件", approx(100, 500), "範囲"],
    ["100から500", approx(100, 500), "範囲"],
    ["約100〜500件", approx(100, 500), "概数"],
    ["3,000件以上", approx(3000, Infinity), "範囲"],
    ["3000+", approx(3000, Infinity), "範囲"],
    ["1,000件〜", approx(1000, Infinity), "範囲"],
    ["〜100件", approx(0, 100), "範囲"],
    ["100件以下", approx(0, 100), "範囲"],
    ["1000件未満", approx(0, 999), "範囲"],
    ["1000超", approx(1001, Infinity), "範囲"],
    ["数十件", approx(10, 99), "概数"],
    ["数百", approx(100, 999), "概数"],
    ["数千件", approx(1000, 9999), "概数"],
    ["数万", approx(10000, 99999), "概数"],
    ["数十万人", approx(100000, 999999), "概数"],
    ["数名", approx(2, 9), "概数"],
    ["約1,000件（2024年4月時点）", approx(1000), "概数"],
    ["1,000件(うち要配慮50件)", exact(1000), undefined],
    ["ＡＢＣ０", null, undefined],
  ] as const)("%j", (text, value, hint) => {
    const r = readCount(text);
    if (value === null) {
      expect(r).toEqual({ ok: false });
      return;
    }
    expect(r).toEqual(hint === undefined ? { ok: true, value } : { ok: true, value, hint });
  });

  it.each([
    "多数",
    "不明",
    "随時",
    "abc",
    "12a",
    "1,00",
    "1.000",
    "1.5",
    "500〜100",
    "100〜500以上",
    "件",
    "約",
    "数",
    "1000件、500件",
    "-500",
    "=1+1",
    "0件未満",
    "2千1万",
    "<100",
    ">1000件",
    "(500)",
  ])("invalid %j", (text) => {
    expect(readCount(text)).toEqual({ ok: false });
  });

  it("refuses very long text without scanning it", () => {
    expect(readCount("1".repeat(100_000))).toEqual({ ok: false });
    expect(readCount(" ".repeat(100_000))).toBeNull();
  });
});
