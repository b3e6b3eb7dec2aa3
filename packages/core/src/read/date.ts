import type { CellValue } from "../grid/grid";
import { nfkc } from "../glossary/normalise";
import { compact, fail, hasFullWidthDigit, isDashOnly, ok, prepare, type ReadResult, readByText } from "./result";

/** A calendar date as an Excel (1900 date system) serial and as "YYYY-MM-DD". */
export interface DateValue {
  serial: number;
  iso: string;
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Largest serial Excel shows as a date: 9999-12-31. */
export const MAX_SERIAL = 2958465;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a proleptic Gregorian date; months and days roll over. */
function epochDays(y: number, m: number, d: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d); // unlike Date.UTC, years 0–99 stay as given
  return Math.round(date.getTime() / DAY_MS);
}

function civil(days: number): Ymd {
  const date = new Date(days * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/**
 * Excel counts 1900 as a leap year (Lotus compatibility): serial 60 is the non-existent
 * 1900-02-29, serial 61 is 1900-03-01. From 61 on, serial = days since 1899-12-30; below 60,
 * the real dates are one day further on than that formula gives.
 */
const EXCEL_EPOCH = epochDays(1899, 12, 30);
const FAKE_LEAP_DAY = 60;

/**
 * Serial for a year, month and day, like Excel's DATE(): a month or day past the end rolls over
 * (month 13 = January of the next year). (1900, 2, 29) gives Excel's pseudo-date 60.
 */
export function serialFromYmd(y: number, m: number, d: number): number {
  if (y === 1900 && m === 2 && d === 29) return FAKE_LEAP_DAY;
  const s = epochDays(y, m, d) - EXCEL_EPOCH;
  return s <= FAKE_LEAP_DAY ? s - 1 : s;
}

/** Year, month and day of a serial (its fraction, the time of day, is ignored). */
export function ymdFromSerial(serial: number): Ymd {
  const n = Math.floor(serial);
  if (n === FAKE_LEAP_DAY) return { y: 1900, m: 2, d: 29 };
  return civil(EXCEL_EPOCH + (n < FAKE_LEAP_DAY ? n + 1 : n));
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

export function isoFromSerial(serial: number): string {
  const { y, m, d } = ymdFromSerial(serial);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** A serial as Japanese text, 2025年3月10日: an ISO date reads as a code in a Japanese sentence. */
export function japaneseDateFromSerial(serial: number): string {
  const { y, m, d } = ymdFromSerial(serial);
  return `${y}年${m}月${d}日`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Serial of a strict "YYYY-MM-DD" within Excel's range, else null. The inverse of
 * isoFromSerial, so "1900-02-29" gives 60.
 */
export function serialFromIso(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!(y === 1900 && mo === 2 && d === 29) && !isCalendarDate(y, mo, d)) return null;
  const serial = serialFromYmd(y, mo, d);
  return serial >= 1 && serial <= MAX_SERIAL ? serial : null;
}

/** Adds calendar months, clamping the day to the end of the month: 2024-01-31 + 1 → 2024-02-29. */
export function addMonths(serial: number, n: number): number {
  const { y, m, d } = ymdFromSerial(serial);
  const index = y * 12 + (m - 1) + Math.trunc(n);
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  return serialFromYmd(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

// ---- Japanese eras ----

interface Era {
  names: readonly string[]; // kanji name and the Latin initial used in 「R6.4.1」
  firstYear: number; // western year of 元年
  start: number; // first day as y*10000 + m*100 + d
  end: number; // last day, same encoding
}

const ERAS: readonly Era[] = [
  // Meiji 1 began on the lunar new year (Gregorian 1868-01-25); its dates all precede serial 1.
  { names: ["明治", "m"], firstYear: 1868, start: 18680125, end: 19120729 },
  { names: ["大正", "t"], firstYear: 1912, start: 19120730, end: 19261224 },
  { names: ["昭和", "s"], firstYear: 1926, start: 19261225, end: 19890107 },
  { names: ["平成", "h"], firstYear: 1989, start: 19890108, end: 20190430 },
  { names: ["令和", "r"], firstYear: 2019, start: 20190501, end: 99991231 },
];

const ymdKey = (y: number, m: number, d: number): number => y * 10000 + m * 100 + d;

// Patterns run on NFKC, lower-cased, whitespace-free text of at most a few hundred characters.
/** 「令和6年4月1日」, 「R6.4.1」, 「H31/4/30」, 「令和6年4月」. Groups: era, year, 年-month, 年-day, sep, month, day. */
const ERA_DATE = /^(明治|大正|昭和|平成|令和|[mtshr])(元|\d{1,2})(?:年(\d{1,2})月(?:(\d{1,2})日?)?|([./-])(\d{1,2})(?:\5(\d{1,2}))?)$/;
/** 「2024/4/1」, 「2024-04-01」, 「2024.4.1」, 「2024年4月1日」, 「2024/4」, 「2024年4月」. */
const WESTERN_DATE = /^(\d{4})(?:([./-])(\d{1,2})(?:\2(\d{1,2}))?|年(\d{1,2})月(?:(\d{1,2})日?)?)$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL_TEXT = /^\d{1,7}(?:\.\d+)?$/;
const YEAR_ONLY = /^(?:19|20)\d{2}年?$/;
const TWO_DIGIT_YEAR = /^\d{2}([./-])\d{1,2}\1\d{1,2}$/;

/** Time of day after the date: 「 10:30」, 「T09:00:00Z」, 「 9:00 AM」, 「 10時30分」. */
const TIME_SUFFIX = /(?:t|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:\s*[ap]\.?m\.?)?(?:z|[+-]\d{2}:?\d{2})?$|\s*\d{1,2}時(?:\d{1,2}分(?:\d{1,2}秒)?)?$/;
/** Weekday in brackets: 「(月)」, 「(月曜日)」. */
const WEEKDAY_SUFFIX = /\s*\([日月火水木金土](?:曜日?)?\)$/;

type Parse = { ok: true; y: number; m: number; d: number; hint?: string } | { ok: false; hint?: string };

function fromEra(g: RegExpExecArray): Parse {
  const era = ERAS.find((e) => e.names.includes(g[1] ?? ""));
  const eraYear = g[2] === "元" ? 1 : Number(g[2]);
  const m = Number(g[3] ?? g[6]);
  const day = g[4] ?? g[7];
  if (!era || eraYear < 1) return { ok: false, hint: "和暦" };
  const y = era.firstYear + eraYear - 1;
  if (day === undefined) {
    // Year and month only: valid if any day of that month falls in the era.
    if (m < 1 || m > 12) return { ok: false, hint: "和暦" };
    const inEra = ymdKey(y, m, daysInMonth(y, m)) >= era.start && ymdKey(y, m, 1) <= era.end;
    return inEra ? { ok: true, y, m, d: 1, hint: "年月のみ" } : { ok: false, hint: "和暦" };
  }
  const d = Number(day);
  const key = ymdKey(y, m, d);
  if (!isCalendarDate(y, m, d) || key < era.start || key > era.end) return { ok: false, hint: "和暦" };
  return { ok: true, y, m, d, hint: "和暦" };
}

function fromWestern(g: RegExpExecArray): Parse {
  const y = Number(g[1]);
  const m = Number(g[3] ?? g[5]);
  const day = g[4] ?? g[6];
  if (day === undefined) return m >= 1 && m <= 12 ? { ok: true, y, m, d: 1, hint: "年月のみ" } : { ok: false };
  const d = Number(day);
  return isCalendarDate(y, m, d) ? { ok: true, y, m, d } : { ok: false };
}

function parseDateText(raw: string): Parse | "serial" {
  let s = nfkc(raw).toLowerCase().trim();
  s = s.replace(TIME_SUFFIX, "").replace(WEEKDAY_SUFFIX, "");
  s = compact(s);
  let g: RegExpExecArray | null;
  if ((g = ERA_DATE.exec(s))) return fromEra(g);
  if ((g = WESTERN_DATE.exec(s))) return fromWestern(g);
  if ((g = COMPACT_DATE.exec(s))) {
    const [y, m, d] = [Number(g[1]), Number(g[2]), Number(g[3])];
    return isCalendarDate(y, m, d) ? { ok: true, y, m, d, hint: "区切りなし" } : { ok: false };
  }
  // A four-digit year typed as text is a year, not the serial of a day in 1905.
  if (YEAR_ONLY.test(s)) return { ok: false, hint: "年のみ" };
  if (SERIAL_TEXT.test(s)) return "serial";
  if (TWO_DIGIT_YEAR.test(s)) return { ok: false, hint: "年2桁" };
  return { ok: false };
}

function fromSerial(n: number): ReadResult<DateValue> {
  if (!Number.isFinite(n)) return fail();
  const serial = Math.floor(n);
  if (serial < 1 || serial > MAX_SERIAL) return fail("範囲外");
  return ok({ serial, iso: isoFromSerial(serial) }, "シリアル値");
}

/**
 * Reads a date cell: Excel serials (the usual case; the time of day is dropped), western dates
 * 「2024/4/1」「2024年4月1日」「2024-04-01T09:00」, Japanese-era dates 「令和6年4月1日」「R6.4.1」,
 * and year-month 「2024/4」 (the 1st). Blank and dash-only cells are null. Two-digit western
 * years are refused as ambiguous. Hint: 「シリアル値」, else 「年月のみ」 > 「和暦」 > 「区切りなし」 >
 * 「全角数字」; failures say 「和暦」 (date outside its era), 「範囲外」, 「年2桁」 or 「年のみ」 (text
 * 「2024」 or 「2024年」: a year, not serial 2024) where known.
 */
export function readDate(v: CellValue): ReadResult<DateValue> | null {
  return readByText("date", v, readDateOnce, undefined);
}

function readDateOnce(v: CellValue): ReadResult<DateValue> | null {
  const cell = prepare(v);
  switch (cell.kind) {
    case "blank":
      return null;
    case "number":
      return fromSerial(cell.value);
    case "boolean":
    case "tooLong":
      return fail();
    case "text": {
      if (isDashOnly(cell.text)) return null;
      const parsed = parseDateText(cell.text);
      if (parsed === "serial") return fromSerial(Number(compact(nfkc(cell.text))));
      if (!parsed.ok) return fail(parsed.hint);
      const serial = serialFromYmd(parsed.y, parsed.m, parsed.d);
      if (parsed.y < 1900 || serial < 1 || serial > MAX_SERIAL) return fail("範囲外");
      const hint = parsed.hint ?? (hasFullWidthDigit(cell.text) ? "全角数字" : undefined);
      return ok({ serial, iso: isoFromSerial(serial) }, hint);
    }
  }
}
