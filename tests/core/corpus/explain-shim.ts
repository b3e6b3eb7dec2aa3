/**
 * The corpus reads core's `explainWorkbook` in the shape its expectations are written in: a
 * list of sheets whose skipped rows are one entry per row (core gives ranges of one role).
 */
import { explainWorkbook as explainCore } from "../../../packages/core/src/check";
import type { SheetGrid } from "../../../packages/core/src/grid/grid";
import type { ProfileInput } from "../../../packages/core/src/profile/schema";

export interface ExplainOptions {
  profile?: ProfileInput;
  today?: string;
}

export function explainWorkbook(grids: readonly SheetGrid[], options: ExplainOptions = {}) {
  return explainCore(grids, options.profile ? { profile: options.profile } : {}).sheets.map((s) => {
    const skipped: { row: number; role: string }[] = [];
    for (const range of s.rows.skipped) for (let row = range.from; row <= range.to; row++) skipped.push({ row, role: range.role });
    return { ...s, rows: { ...s.rows, skipped } };
  });
}
