import { contentRect, MAX_COLS, parseRange, rectsIntersect, type Rect, type WritePlan } from "@pmark/core";
import type { GasServices, SheetPort } from "../gas/ports";

/**
 * Sheets the plan would write into although the user may not edit there: a protected sheet,
 * or a protected range that an op touches. Core's preparePlan refuses such a plan before
 * anything is written, rather than Apps Script failing half-way. A few calls per sheet written
 * to (its protections), none per row.
 */
export function protectedSheetsFor(services: GasServices, plan: WritePlan, sheets: ReadonlyMap<string, SheetPort>): string[] {
  const touched = new Map<string, Rect[]>();
  const added = new Set<string>();
  for (const op of plan.ops) {
    if (op.op === "addSheet") {
      added.add(op.sheet);
      continue;
    }
    if (added.has(op.sheet)) continue;
    const rects = touched.get(op.sheet) ?? [];
    const content = contentRect(op);
    if (content) rects.push(content);
    if ("range" in op) {
      const r = parseRange(op.range);
      if (r) rects.push(r);
    }
    // Rows inserted or deleted move every row below them, across the whole width.
    if (op.op === "insertRows") rects.push({ top: Math.max(1, op.after), left: 1, bottom: op.after + 1, right: MAX_COLS });
    if (op.op === "deleteRows") rects.push({ top: op.row, left: 1, bottom: op.row + op.count - 1, right: MAX_COLS });
    if (op.op === "highlight") for (const c of op.cells) {
      const r = parseRange(c);
      if (r) rects.push(r);
    }
    touched.set(op.sheet, rects);
  }
  const types = services.SpreadsheetApp.ProtectionType;
  const out: string[] = [];
  for (const [name, rects] of touched) {
    const sheet = sheets.get(name);
    if (!sheet) continue;
    if (sheet.getProtections(types.SHEET).some((p) => !p.canEdit())) {
      out.push(name);
      continue;
    }
    const locked = sheet.getProtections(types.RANGE).filter((p) => !p.canEdit());
    const hit = locked.some((p) => {
      const r = parseRange(p.getRange().getA1Notation());
      return r !== null && rects.some((w) => rectsIntersect(r, w));
    });
    if (hit) out.push(name);
  }
  return out;
}
