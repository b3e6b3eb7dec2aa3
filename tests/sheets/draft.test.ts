import { beforeAll, describe, expect, it } from "vitest";
import type { SheetGrid } from "../../packages/core/src/grid/grid";
import { FIVE_PHASES, ledgerSheet, riskSheet } from "../core/helpers";
import { builtCode, loadAddon, overTheWire } from "./addon";
import { makeFakes, spreadsheetOf } from "./fake-gas";

/**
 * The draft action through the built add-on (Code.js in a vm with the fake SpreadsheetApp):
 * rows inserted with one insertRowsAfter per item whose rows get drafts, calls that do not grow
 * with the rows the sheet already has, the user's rows untouched, and remove-what-was-added.
 */

let code = "";
beforeAll(async () => {
  code = await builtCode();
});

interface Result {
  ok: boolean;
  written: number;
  error?: { code: string; message: { ja: string; en: string } };
}

/** `gapped` items lacking 消去・廃棄, then `full` items analysed for every phase. */
function workbook(gapped: number, full: number): SheetGrid[] {
  const items = [
    ...Array.from({ length: gapped }, (_, i) => ({ id: i + 1, name: `台帳項目${i + 1}`, phases: FIVE_PHASES.slice(0, 4) })),
    ...Array.from({ length: full }, (_, i) => ({ id: gapped + i + 1, name: `台帳項目${gapped + i + 1}` })),
  ];
  return [ledgerSheet(items.map(() => ({}))), riskSheet(items)];
}

function setup(grids: SheetGrid[]) {
  const fakes = makeFakes(spreadsheetOf(grids), "ja");
  return { fakes, addon: loadAddon(code, fakes) };
}

const writes = (summary: Record<string, number>) => Object.fromEntries(Object.entries(summary).filter(([m]) => /\.set|insert|delete/.test(m)));

describe("Draft the missing risk rows (Sheets)", () => {
  it("previews without writing, then inserts one block per item, in calls that do not grow with the sheet's rows", () => {
    const counts: Record<string, number>[] = [];
    for (const full of [2, 400]) {
      const { fakes, addon } = setup(workbook(3, full));
      const before = fakes.ss.sheets.map((s) => s.contentSnapshot());
      fakes.ss.calls.reset();
      const preview = overTheWire(addon.pmarkPreview?.("draft", { target: "rows" })) as { plan: { summary?: { ja: string } }; problem?: unknown };
      expect(preview.problem).toBeUndefined();
      expect(preview.plan.summary?.ja).toContain("3 件の個人情報について");
      expect(writes(fakes.ss.calls.summary())).toEqual({});
      expect(fakes.ss.sheets.map((s) => s.contentSnapshot())).toEqual(before);
      fakes.ss.calls.reset();
      const result = overTheWire(addon.pmarkApply?.("draft", { target: "rows" }, false)) as Result;
      expect(result.ok).toBe(true);
      const w = writes(fakes.ss.calls.summary());
      expect(w["Sheet.insertRowsAfter"]).toBe(3);
      counts.push(w);
    }
    expect(counts[1]).toEqual(counts[0]);
  });

  it("puts the drafts below each item's rows, marked for review; the user's rows stay as they were; the check then has no gap", () => {
    const grids = workbook(2, 1);
    const { fakes, addon } = setup(grids);
    addon.pmarkApply?.("draft", { target: "rows" }, false);
    const risk = fakes.ss.sheet("リスク分析表");
    const rows = risk.grid.map((row) => row.map((c) => String(c.v ?? "")));
    expect(rows[0]?.[9]).toBe("状態");
    const drafted = rows.filter((r) => r[9] === "要確認(下書き)");
    expect(drafted.length).toBeGreaterThanOrEqual(6);
    expect(drafted.every((r) => r[2] === "消去・廃棄" && r[3] !== "" && r[7] !== "" && r[4] === "")).toBe(true);
    // Item 1's drafts come right after its four rows, before item 2's.
    expect(rows[5]?.[9]).toBe("要確認(下書き)");
    expect(rows[5]?.[0]).toBe("1");
    const own = rows.filter((r) => r[9] !== "要確認(下書き)").map((r) => r.slice(0, 9));
    expect(own).toEqual((grids[1] as SheetGrid).values.map((r) => r.map((v) => String(v ?? ""))));
    const report = overTheWire(addon.pmarkCheck?.({ today: "2025-06-30" })) as { findings: { rule: string }[] };
    expect(report.findings.filter((f) => f.rule === "risk/phase-missing")).toEqual([]);
  });

  it("remove what the add-in added deletes the drafted rows and the status header again", () => {
    const { fakes, addon } = setup(workbook(3, 2));
    const before = fakes.ss.sheet("リスク分析表").contentSnapshot();
    addon.pmarkApply?.("draft", { target: "rows" }, false);
    expect(fakes.ss.sheet("リスク分析表").contentSnapshot()).not.toEqual(before);
    fakes.ss.calls.reset();
    const result = overTheWire(addon.pmarkApply?.("remove", { what: "draft" }, false)) as Result;
    expect(result.ok).toBe(true);
    expect(fakes.ss.calls.of("Sheet.deleteRows")).toBe(3);
    expect(fakes.ss.sheet("リスク分析表").contentSnapshot()).toEqual(before);
  });

  it("a protected risk sheet is refused before anything is written", () => {
    const { fakes, addon } = setup(workbook(2, 0));
    fakes.ss.sheet("リスク分析表").protections.push({ type: "SHEET", editable: false });
    const before = fakes.ss.sheets.map((s) => s.contentSnapshot());
    const result = overTheWire(addon.pmarkApply?.("draft", { target: "rows" }, false)) as Result;
    expect(result).toMatchObject({ ok: false, error: { code: "protected" } });
    expect(fakes.ss.sheets.map((s) => s.contentSnapshot())).toEqual(before);
    expect(fakes.ss.sheet("リスク分析表").rowEdits).toEqual([]);
  });
});
