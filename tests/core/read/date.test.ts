import { describe, expect, it } from "vitest";
import {
  addMonths,
  isoFromSerial,
  MAX_SERIAL,
  readDate,
  serialFromIso,
  serialFromYmd,
  ymdFromSerial,
} from "../../../packages/core/src/read/index";

const APR_1_2024 = 45383;

describe("serial conversions", () => {
  it("matches Excel's 1900 date system", () => {
    expect(serialFromYmd(2024, 4, 1)).toBe(APR_1_2024);
    expect(isoFromSerial(APR_1_2024)).toBe("2024-04-01");
    expect(serialFromYmd(1900, 1, 1)).toBe(1);
    expect(isoFromSerial(1)).toBe("1900-01-01");
    expect(serialFromYmd(1900, 2, 28)).toBe(59);
    expect(isoFromSerial(59)).toBe("1900-02-28");
    expect(serialFromYmd(1900, 3, 1)).toBe(61);
    expect(isoFromSerial(61)).toBe("1900-03-01");
    expect(serialFromYmd(9999, 12, 31)).toBe(MAX_SERIAL);
    expect(isoFromSerial(MAX_SERIAL)).toBe("9999-12-31");
  });

  it("keeps Excel's fake 1900-02-29 as serial 60", () => {
    expect(serialFromYmd(1900, 2, 29)).toBe(60);
    expect(ymdFromSerial(60)).toEqual({ y: 1900, m: 2, d: 29 });
    expect(isoFromSerial(60)).toBe("1900-02-29");
    expect(serialFromIso("1900-02-29")).toBe(60);
  });

  it("ignores the time of day", () => {
    expect(ymdFromSerial(APR_1_2024 + 0.75)).toEqual({ y: 2024, m: 4, d: 1 });
  });

  it("rolls over like Excel's DATE()", () => {
    expect(isoFromSerial(serialFromYmd(2024, 13, 1))).toBe("2025-01-01");
    expect(isoFromSerial(serialFromYmd(2024, 3, 0))).toBe("2024-02-29");
  });

  it("round-trips every day from 1900 to 2100", () => {
    const mismatches: number[] = [];
    for (let s = 1; s <= serialFromYmd(2100, 12, 31); s++) {
      if (serialFromIso(isoFromSerial(s)) !== s) mismatches.push(s);
    }
    expect(mismatches).toEqual([]);
  });

  it("serialFromIso accepts only valid strict ISO dates in range", () => {
    expect(serialFromIso("2024-04-01")).toBe(APR_1_2024);
    for (const bad of ["2024-4-1", "2024/04/01", "2023-02-29", "2024-13-01", "1899-12-31", "", "x"]) {
      expect(serialFromIso(bad)).toBeNull();
    }
  });

  it("adds calendar months, clamping to the month end", () => {
    const jan31 = serialFromYmd(2024, 1, 31);
    expect(isoFromSerial(addMonths(jan31, 1))).toBe("2024-02-29");
    expect(isoFromSerial(addMonths(serialFromYmd(2023, 1, 31), 1))).toBe("2023-02-28");
    expect(isoFromSerial(addMonths(jan31, 12))).toBe("2025-01-31");
    expect(isoFromSerial(addMonths(jan31, -2))).toBe("2023-11-30");
    expect(isoFromSerial(addMonths(APR_1_2024, 0))).toBe("2024-04-01");
    expect(isoFromSerial(addMonths(serialFromYmd(2024, 2, 29), 12))).toBe("2025-02-28");
  });
});

const date = (iso: string) => ({ serial: serialFromIso(iso), iso });

describe("readDate", () => {
  it.each([null, undefined, "", "  ", "-", "ー", "―", "—", "－"])("blank or dash %j → null", (v) => {
    expect(readDate(v)).toBeNull();
  });

  it("reads serial numbers, dropping the time", () => {
    expect(readDate(APR_1_2024)).toEqual({ ok: true, value: date("2024-04-01"), hint: "シリアル値" });
    expect(readDate(APR_1_2024 + 0.375)).toEqual({ ok: true, value: date("2024-04-01"), hint: "シリアル値" });
    expect(readDate(1)).toEqual({ ok: true, value: date("1900-01-01"), hint: "シリアル値" });
    expect(readDate(MAX_SERIAL)).toEqual({ ok: true, value: date("9999-12-31"), hint: "シリアル値" });
    expect(readDate("45383")).toEqual({ ok: true, value: date("2024-04-01"), hint: "シリアル値" });
    expect(readDate("４５３８３")).toEqual({ ok: true, value: date("2024-04-01"), hint: "シリアル値" });
  });

  it.each([0, 0.5, -1, MAX_SERIAL + 1, "0", "9999999"])("serial out of range %j", (v) => {
    expect(readDate(v)).toEqual({ ok: false, hint: "範囲外" });
  });

  it.each([NaN, Infinity, true, false])("unreadable %j", (v) => {
    expect(readDate(v)).toEqual({ ok: false });
  });

  it.each([
    ["2024/4/1", "2024-04-01", undefined],
    ["2024/04/01", "2024-04-01", undefined],
    ["2024-04-01", "2024-04-01", undefined],
    ["2024.4.1", "2024-04-01", undefined],
    ["2024年4月1日", "2024-04-01", undefined],
    ["2024 年 4 月 1 日", "2024-04-01", undefined],
    ["2024年4月1日(月)", "2024-04-01", undefined],
    ["2024/4/1（月）", "2024-04-01", undefined],
    ["2024-04-01T09:00:00", "2024-04-01", undefined],
    ["2024-04-01T09:00:00.000Z", "2024-04-01", undefined],
    ["2024/04/01 10:30", "2024-04-01", undefined],
    ["2024/4/1 9:00 AM", "2024-04-01", undefined],
    ["2024年4月1日 10時30分", "2024-04-01", undefined],
    ["20240401", "2024-04-01", "区切りなし"],
    ["２０２４／４／１", "2024-04-01", "全角数字"],
    ["２０２４年４月１日", "2024-04-01", "全角数字"],
    ["2024/4", "2024-04-01", "年月のみ"],
    ["2024年4月", "2024-04-01", "年月のみ"],
    ["2024-12", "2024-12-01", "年月のみ"],
    ["2024/2/29", "2024-02-29", undefined],
    ["令和6年4月1日", "2024-04-01", "和暦"],
    ["令和６年４月１日", "2024-04-01", "和暦"],
    ["令和 6 年 4 月 1 日", "2024-04-01", "和暦"],
    ["令和元年5月1日", "2019-05-01", "和暦"],
    ["㋿6年4月1日", "2024-04-01", "和暦"],
    ["R6.4.1", "2024-04-01", "和暦"],
    ["R06.04.01", "2024-04-01", "和暦"],
    ["R6/4/1", "2024-04-01", "和暦"],
    ["r6.4.1", "2024-04-01", "和暦"],
    ["Ｒ６．４．１", "2024-04-01", "和暦"],
    ["R6年4月1日", "2024-04-01", "和暦"],
    ["H31.4.30", "2019-04-30", "和暦"],
    ["平成31年4月30日", "2019-04-30", "和暦"],
    ["㍻31年4月30日", "2019-04-30", "和暦"],
    ["R1.5.1", "2019-05-01", "和暦"],
    ["平成元年1月8日", "1989-01-08", "和暦"],
    ["昭和64年1月7日", "1989-01-07", "和暦"],
    ["S64.1.7", "1989-01-07", "和暦"],
    ["昭和元年12月25日", "1926-12-25", "和暦"],
    ["大正元年7月30日", "1912-07-30", "和暦"],
    ["明治45年7月29日", "1912-07-29", "和暦"],
    ["M33.1.1", "1900-01-01", "和暦"],
    ["令和6年4月", "2024-04-01", "年月のみ"],
    ["R6.4", "2024-04-01", "年月のみ"],
    ["令和元年5月", "2019-05-01", "年月のみ"],
    ["平成31年4月", "2019-04-01", "年月のみ"],
  ] as const)("%j → %s", (text, iso, hint) => {
    const value = date(iso);
    expect(readDate(text)).toEqual(hint === undefined ? { ok: true, value } : { ok: true, value, hint });
  });

  it.each([
    "H31.5.1",
    "平成31年5月1日",
    "R1.4.30",
    "令和元年4月30日",
    "令和0年4月1日",
    "R0.4.1",
    "昭和65年1月1日",
    "S64.1.8",
    "平成元年1月7日",
    "大正元年7月29日",
    "令和元年4月",
    "平成32年1月",
    "R6.2.30",
    "R6.13.1",
  ])("date outside its era or calendar %j → 和暦", (text) => {
    expect(readDate(text)).toEqual({ ok: false, hint: "和暦" });
  });

  it.each(["2024/13/45", "2023/2/29", "2024/0/1", "2024/4/31", "1900/2/29", "20241345", "2024/13"])(
    "invalid calendar date %j",
    (text) => {
      expect(readDate(text)).toEqual({ ok: false });
    },
  );

  it.each(["1899/12/31", "明治元年1月25日", "M32.12.31"])("before 1900 %j → 範囲外", (text) => {
    expect(readDate(text)).toEqual({ ok: false, hint: "範囲外" });
  });

  it.each(["2024", "2024年", "１９９９"])("a year alone %j is not serial 2024", (text) => {
    expect(readDate(text)).toEqual({ ok: false, hint: "年のみ" });
  });

  it("reads a four-digit number (not text) as a serial, as Excel stores it", () => {
    expect(readDate(2024)).toEqual({ ok: true, value: date("1905-07-16"), hint: "シリアル値" });
    expect(readDate("3000")).toEqual({ ok: true, value: date("1908-03-18"), hint: "シリアル値" });
  });

  it.each(["24/4/1", "06.04.01"])("two-digit western year %j is ambiguous", (text) => {
    expect(readDate(text)).toEqual({ ok: false, hint: "年2桁" });
  });

  it.each(["4/1", "2024/4-1", "abc", "=TODAY()", "2024/4/1/1", "令和6年", "X6.4.1", "2024年4月1日頃", "未定"])(
    "not a date %j",
    (text) => {
      expect(readDate(text)).toEqual({ ok: false });
    },
  );
});
