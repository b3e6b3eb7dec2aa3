/**
 * Apps Script's getValues() returns a Date for a date or time cell: the instant at which the
 * spreadsheet's time zone shows that wall-clock time. Core wants Excel/Sheets serial numbers,
 * so the wall-clock reading is taken in the SPREADSHEET's zone (which may differ from the
 * script's), with Intl: pure computation, no service call per cell.
 */
const DAY_MS = 86_400_000;
/** Serial of 1970-01-01 in the 1899-12-30 epoch that Sheets and Excel (from 1900-03-01) share. */
const UNIX_EPOCH_SERIAL = 25569;

export type DateToSerial = (date: Date) => number | null;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockReader(timeZone: string): ((date: Date) => WallClock) | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    format.formatToParts(new Date(0));
  } catch {
    return null; // unknown zone, or a runtime without time-zone data
  }
  return (date) => {
    const out: WallClock = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
    let bc = false;
    for (const part of format.formatToParts(date)) {
      if (part.type === "era") bc = /^B/i.test(part.value);
      else if (part.type in out) out[part.type as keyof WallClock] = Number(part.value);
    }
    if (bc) out.year = 1 - out.year;
    return out;
  };
}

/**
 * A converter for one spreadsheet time zone. Dates repeat a lot in a ledger (review dates),
 * so offsets are memoised per instant.
 */
export function dateToSerial(timeZone: string): DateToSerial {
  const read = wallClockReader(timeZone);
  const memo = new Map<number, number>();
  return (date) => {
    const t = date.getTime();
    if (!Number.isFinite(t)) return null;
    const hit = memo.get(t);
    if (hit !== undefined) return hit;
    let wall: number;
    if (read) {
      const w = read(date);
      const utc = new Date(0);
      utc.setUTCFullYear(w.year, w.month - 1, w.day);
      utc.setUTCHours(w.hour, w.minute, w.second, date.getUTCMilliseconds());
      wall = utc.getTime();
    } else {
      // Fallback: the script's own zone (appsscript.json: Asia/Tokyo).
      wall = t - date.getTimezoneOffset() * 60_000;
    }
    const serial = Math.round((wall / DAY_MS + UNIX_EPOCH_SERIAL) * 1e9) / 1e9;
    if (memo.size < 50_000) memo.set(t, serial);
    return serial;
  };
}

/** Today's date (YYYY-MM-DD) as the spreadsheet's time zone shows it. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const read = wallClockReader(timeZone);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  if (read) {
    const w = read(now);
    return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  }
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
