import { a1, cellText, formulaAt, isBlank, type SheetGrid } from "../grid/grid";
import type { LocalisedText } from "../i18n/text";
import { ownSheetRole } from "../input/own-sheets";
import { fnv1a64 } from "../templates/hash";
import { parseRange, rectAddress, rectanglesOf, storedValue } from "./cells";
import { reportHasUserContent } from "./report-sheet";
import type { WriteOp, WritePlan } from "./types";

/**
 * "Remove what the add-in added": what an applied plan added, recorded by the host with the
 * workbook (Excel: document settings; Sheets: document properties), and the plan that takes it
 * away again without losing anything the user wrote since.
 *
 * - template sheets: deleted; one holding content the add-in did not write (told by a digest of
 *   its constant cells) is an overwrite the user confirms;
 * - scoring formulas: cleared where the cell still holds a formula (a value the user typed over
 *   one stays), the header labels the add-in wrote where they still say so, and the dropdowns;
 * - the findings report: every report sheet (told by its header row), no record needed.
 */

export type RemovableKind = "template" | "formulas" | "report";

export interface AdditionRecord {
  kind: "template" | "formulas";
  /** Sheets the plan added, each with the digest of the constant cells written into it. */
  sheets: { name: string; digest: string }[];
  /** A1 ranges of existing sheets the plan wrote formulas into. */
  formulas: { sheet: string; ranges: string[] }[];
  /** Header cells of existing sheets the plan wrote a label into. */
  labels: { sheet: string; cell: string; text: string }[];
  /** Dropdown ranges the plan set on existing sheets. */
  validations: { sheet: string; range: string }[];
}

/** Digest of a sheet's constant cells (formulas left out: hosts read them back in their own spelling). */
function digestOf(cells: Map<string, string>): string {
  const keys = [...cells.keys()].sort();
  let text = "";
  for (const k of keys) text += `${k}\u0001${cells.get(k) ?? ""}\u0002`;
  return fnv1a64(text);
}

/** Constant cells of a grid, as `digestOf` reads them. */
export function sheetDigest(grid: SheetGrid): string {
  const cells = new Map<string, string>();
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (!isBlank(v) && formulaAt(grid, r, c) === undefined) cells.set(`${r + 1}:${c + 1}`, cellText(v));
    }),
  );
  return digestOf(cells);
}

/** What a placed, confirmed plan (see `preparePlan`) added, to remove it later; null when it added nothing. */
export function recordAddition(kind: "template" | "formulas", plan: WritePlan): AdditionRecord | null {
  const added = new Map<string, Map<string, string>>();
  const formulaCells = new Map<string, { row: number; col: number }[]>();
  const record: AdditionRecord = { kind, sheets: [], formulas: [], labels: [], validations: [] };
  for (const op of plan.ops) {
    if (op.op === "addSheet") {
      added.set(op.sheet, new Map());
      continue;
    }
    const mine = added.get(op.sheet);
    if (op.op === "values") {
      op.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === undefined) return;
          const text = cellText(storedValue(v));
          if (mine) {
            if (text !== "") mine.set(`${op.row + r}:${op.col + c}`, text);
          } else if (text !== "") {
            record.labels.push({ sheet: op.sheet, cell: a1(op.row + r, op.col + c), text });
          }
        }),
      );
    } else if (op.op === "formulas" && !mine) {
      const list = formulaCells.get(op.sheet) ?? [];
      op.formulas.forEach((row, r) => row.forEach((f, c) => f !== null && f !== undefined && list.push({ row: op.row + r, col: op.col + c })));
      formulaCells.set(op.sheet, list);
    } else if (op.op === "validation" && !mine) {
      record.validations.push({ sheet: op.sheet, range: op.range });
    }
  }
  for (const [name, cells] of added) record.sheets.push({ name, digest: digestOf(cells) });
  for (const [sheet, cells] of formulaCells) if (cells.length > 0) record.formulas.push({ sheet, ranges: rectanglesOf(cells).map(rectAddress) });
  const empty = record.sheets.length + record.formulas.length + record.labels.length + record.validations.length === 0;
  return empty ? null : record;
}

const TITLES: Record<RemovableKind, LocalisedText> = {
  template: { ja: "追加したテンプレートシートの削除", en: "Remove the inserted template sheets" },
  formulas: { ja: "追加した採点式と入力規則の削除", en: "Remove the added formulas and dropdowns" },
  report: { ja: "チェック結果シートの削除", en: "Remove the findings report" },
};

function gridNamed(grids: readonly SheetGrid[], name: string): SheetGrid | undefined {
  return grids.find((g) => g.name === name);
}

/**
 * The plan that removes what the add-in added of one kind, as the workbook is now: sheets that
 * were deleted or renamed since are left out, and content the user wrote is never cleared.
 */
export function removalPlan(kind: RemovableKind, records: readonly AdditionRecord[], grids: readonly SheetGrid[]): WritePlan {
  const ops: WriteOp[] = [];
  const deleted: string[] = [];
  if (kind === "report") {
    for (const g of grids) {
      if (ownSheetRole(g) !== "report") continue;
      ops.push({ op: "deleteSheet", sheet: g.name, ...(reportHasUserContent(g) ? { userContent: true } : {}) });
      deleted.push(g.name);
    }
  }
  let cleared = 0;
  let dropdowns = 0;
  for (const rec of records) {
    if (rec.kind !== kind) continue;
    for (const s of rec.sheets) {
      const grid = gridNamed(grids, s.name);
      if (!grid || deleted.includes(s.name)) continue;
      ops.push({ op: "deleteSheet", sheet: s.name, ...(sheetDigest(grid) !== s.digest ? { userContent: true } : {}) });
      deleted.push(s.name);
    }
    for (const f of rec.formulas) {
      const grid = gridNamed(grids, f.sheet);
      if (!grid) continue;
      const still: { row: number; col: number }[] = [];
      for (const range of f.ranges) {
        const rect = parseRange(range);
        if (!rect) continue;
        for (let row = rect.top; row <= rect.bottom; row++) for (let col = rect.left; col <= rect.right; col++) if (formulaAt(grid, row - 1, col - 1) !== undefined) still.push({ row, col });
      }
      for (const r of rectanglesOf(still)) ops.push({ op: "clear", sheet: f.sheet, range: rectAddress(r) });
      cleared += still.length;
    }
    for (const l of rec.labels) {
      const grid = gridNamed(grids, l.sheet);
      const at = parseRange(l.cell);
      if (!grid || !at || cellText(grid.values[at.top - 1]?.[at.left - 1]) !== l.text) continue;
      ops.push({ op: "clear", sheet: l.sheet, range: l.cell });
      cleared++;
    }
    for (const v of rec.validations) {
      if (!gridNamed(grids, v.sheet)) continue;
      ops.push({ op: "removeValidation", sheet: v.sheet, range: v.range });
      dropdowns++;
    }
  }
  const names = deleted.map((n) => `「${n}」`).join("");
  const summary: LocalisedText =
    kind === "formulas"
      ? { ja: `アドインが書き込んだ式と見出し ${cleared} セルを消し、プルダウン ${dropdowns} 範囲を削除します。入力し直した値はそのままです。`, en: `Clears the ${cleared} formula and header cells the add-in wrote and removes ${dropdowns} dropdown ranges. Values you typed over them stay.` }
      : { ja: `シート${names}を削除します(${deleted.length} シート)。`, en: `Deletes ${deleted.length} ${deleted.length === 1 ? "sheet" : "sheets"}: ${deleted.map((n) => `"${n}"`).join(", ")}.` };
  return { title: TITLES[kind], ...(ops.length > 0 ? { summary } : {}), ops };
}
