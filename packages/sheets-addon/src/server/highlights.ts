import { parseA1 } from "@pmark/core";
import type { PropertiesPort, SheetPort, SpreadsheetPort } from "../gas/ports";
import { boundingRects, cellKey, cellsOf, compressCells, type CellPos } from "./a1";

/**
 * Highlights and their exact undo.
 *
 * Before painting, the user's own fills of the cells are read (one getBackgrounds per bounding
 * rectangle) and remembered; painting is one RangeList.setBackground per sheet and colour.
 * Clear puts back each cell's own fill, but only where the cell still shows our highlight:
 * a cell the user has re-coloured since is left alone.
 *
 * Where the memory lives: DocumentProperties, not a hidden sheet. Document properties travel
 * with the file, are private to this add-on and invisible to users and to other scripts; a
 * hidden sheet would be copied, shared, edited, and read back by our own check as a workbook
 * sheet. The cost is the quota (9 KB per value, 500 KB per store), met by storing ranges
 * rather than cells, only fills that are not the default, and chunking; a highlight that
 * would not fit is refused with a message, never applied without its undo.
 */

/** Sheets reports "no fill" as white. */
const DEFAULT_FILL = "#ffffff";
const KEY_PREFIX = "pmark.highlights.";
const COUNT_KEY = `${KEY_PREFIX}n`;
/** Under Apps Script's 9 KB per value, with room for the key. */
export const CHUNK_BYTES = 8_000;
/** Under the 500 KB per store, with room for other properties. */
export const STORE_BYTES = 400_000;

interface StoredSheet {
  /** getSheetId(): survives renames. */
  id: number;
  name: string;
  /** Highlight colour → A1 ranges painted with it. */
  fills: Record<string, string[]>;
  /** The user's own fill → A1 ranges that had it (cells with no fill are not listed). */
  own: Record<string, string[]>;
}

interface Store {
  v: 1;
  sheets: StoredSheet[];
}

export interface HighlightRequest {
  sheet: SheetPort;
  cells: string[];
  fill: string;
}

const norm = (color: string | null | undefined): string => (color ?? DEFAULT_FILL).trim().toLowerCase();

function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Splits text into pieces of at most `max` UTF-8 bytes, never inside a surrogate pair. */
export function chunkUtf8(s: string, max = CHUNK_BYTES): string[] {
  const out: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > max) {
      out.push(s.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
    if (pair) i++;
  }
  if (start < s.length || out.length === 0) out.push(s.slice(start));
  return out;
}

export function loadStore(props: PropertiesPort): Store | null {
  const all = props.getProperties();
  const n = Number(all[COUNT_KEY] ?? 0);
  if (!Number.isInteger(n) || n <= 0) return null;
  let json = "";
  for (let i = 0; i < n; i++) {
    const part = all[`${KEY_PREFIX}${i}`];
    if (part === undefined) return null; // torn write: nothing trustworthy to restore
    json += part;
  }
  try {
    const store = JSON.parse(json) as Store;
    return store && store.v === 1 && Array.isArray(store.sheets) ? store : null;
  } catch {
    return null;
  }
}

function previousCount(props: PropertiesPort): number {
  const n = Number(props.getProperties()[COUNT_KEY] ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** Writes the store in one setProperties call (and drops chunks a longer old store left). */
function saveStore(props: PropertiesPort, store: Store | null, oldCount: number): void {
  const chunks = store ? chunkUtf8(JSON.stringify(store)) : [];
  if (chunks.length > 0) {
    const values: Record<string, string> = { [COUNT_KEY]: String(chunks.length) };
    chunks.forEach((c, i) => (values[`${KEY_PREFIX}${i}`] = c));
    props.setProperties(values, false);
  } else if (oldCount > 0) {
    props.deleteProperty(COUNT_KEY);
  }
  for (let i = chunks.length; i < oldCount; i++) props.deleteProperty(`${KEY_PREFIX}${i}`);
}

function positions(a1s: readonly string[]): CellPos[] {
  const out: CellPos[] = [];
  for (const a of a1s) {
    if (a.includes(":")) for (const p of cellsOf(a)) out.push(p);
    else {
      const p = parseA1(a);
      if (p) out.push(p);
    }
  }
  return out;
}

/** The current fills of the given cells: one getBackgrounds per bounding rectangle. */
function readFills(sheet: SheetPort, cells: readonly CellPos[]): Map<string, string> {
  const out = new Map<string, string>();
  const wanted = new Set(cells.map(cellKey));
  for (const rect of boundingRects(cells)) {
    const bg = sheet.getRange(rect.row, rect.col, rect.rows, rect.cols).getBackgrounds();
    for (const p of cells) {
      if (p.row < rect.row || p.row >= rect.row + rect.rows) continue;
      const key = cellKey(p);
      if (!wanted.has(key)) continue;
      out.set(key, norm(bg[p.row - rect.row]?.[p.col - rect.col]));
    }
  }
  return out;
}

/** Paints with one RangeList call per colour; `null` means "no fill". */
function paint(sheet: SheetPort, byColor: Map<string | null, CellPos[]>): void {
  for (const [color, cells] of byColor) {
    const a1s = compressCells(cells);
    if (a1s.length > 0) sheet.getRangeList(a1s).setBackground(color);
  }
}

function findSheet(ss: SpreadsheetPort, stored: StoredSheet, sheets: readonly SheetPort[] | null): SheetPort | null {
  const list = sheets ?? ss.getSheets();
  for (const s of list) if (s.getSheetId() === stored.id) return s;
  return ss.getSheetByName(stored.name);
}

/** Restores the user's own fills where our highlight is still showing. Returns cells restored. */
export function clearHighlights(ss: SpreadsheetPort, props: PropertiesPort): number {
  const oldCount = previousCount(props);
  const store = loadStore(props);
  if (!store) {
    if (oldCount > 0) saveStore(props, null, oldCount);
    return 0;
  }
  let restored = 0;
  const sheets = store.sheets.length > 0 ? ss.getSheets() : [];
  for (const stored of store.sheets) {
    const sheet = findSheet(ss, stored, sheets);
    if (!sheet) continue;
    const painted = new Map<string, { pos: CellPos; fill: string }>();
    for (const [fill, a1s] of Object.entries(stored.fills)) {
      for (const pos of positions(a1s)) painted.set(cellKey(pos), { pos, fill: norm(fill) });
    }
    const own = new Map<string, string>();
    for (const [color, a1s] of Object.entries(stored.own)) for (const pos of positions(a1s)) own.set(cellKey(pos), color);
    const current = readFills(sheet, [...painted.values()].map((p) => p.pos));
    const byColor = new Map<string | null, CellPos[]>();
    for (const [key, { pos, fill }] of painted) {
      if (current.get(key) !== fill) continue; // re-coloured by the user since: theirs now
      const back = own.get(key) ?? null;
      const list = byColor.get(back) ?? [];
      list.push(pos);
      byColor.set(back, list);
      restored++;
    }
    paint(sheet, byColor);
  }
  saveStore(props, null, oldCount);
  return restored;
}

export type HighlightOutcome = { ok: true; cells: number } | { ok: false; cells: number };

/**
 * Clears earlier highlights (restoring), then remembers the user's fills and paints. A cell
 * asked for twice keeps its first colour (plans list the most severe first).
 */
export function applyHighlights(ss: SpreadsheetPort, props: PropertiesPort, requests: readonly HighlightRequest[]): HighlightOutcome {
  clearHighlights(ss, props);
  const perSheet = new Map<SheetPort, { id: number; name: string; cells: Map<string, { pos: CellPos; fill: string }> }>();
  for (const req of requests) {
    let entry = perSheet.get(req.sheet);
    if (!entry) {
      entry = { id: req.sheet.getSheetId(), name: req.sheet.getName(), cells: new Map() };
      perSheet.set(req.sheet, entry);
    }
    for (const pos of positions(req.cells)) {
      const key = cellKey(pos);
      if (!entry.cells.has(key)) entry.cells.set(key, { pos, fill: norm(req.fill) });
    }
  }
  const store: Store = { v: 1, sheets: [] };
  const plans: { sheet: SheetPort; byColor: Map<string | null, CellPos[]> }[] = [];
  let total = 0;
  for (const [sheet, entry] of perSheet) {
    const cells = [...entry.cells.values()];
    if (cells.length === 0) continue;
    const before = readFills(sheet, cells.map((c) => c.pos));
    const fills = new Map<string, CellPos[]>();
    const own = new Map<string, CellPos[]>();
    const add = (m: Map<string, CellPos[]>, key: string, pos: CellPos) => {
      const list = m.get(key);
      if (list) list.push(pos);
      else m.set(key, [pos]);
    };
    for (const { pos, fill } of cells) {
      add(fills, fill, pos);
      const mine = before.get(cellKey(pos)) ?? DEFAULT_FILL;
      if (mine !== DEFAULT_FILL) add(own, mine, pos);
    }
    const record = (m: Map<string, CellPos[]>) => Object.fromEntries([...m].map(([k, v]) => [k, compressCells(v)]));
    store.sheets.push({ id: entry.id, name: entry.name, fills: record(fills), own: record(own) });
    plans.push({ sheet, byColor: new Map<string | null, CellPos[]>(fills) });
    total += cells.length;
  }
  if (total === 0) return { ok: true, cells: 0 };
  if (utf8Bytes(JSON.stringify(store)) > STORE_BYTES) return { ok: false, cells: total };
  // Remember first, then paint: a run cut short leaves a record Clear can still use.
  saveStore(props, store, previousCount(props));
  for (const p of plans) paint(p.sheet, p.byColor);
  return { ok: true, cells: total };
}
