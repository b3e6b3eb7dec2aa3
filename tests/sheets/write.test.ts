import { beforeAll, describe, expect, it } from "vitest";
import { checkWorkbook } from "../../packages/core/src/check";
import type { SheetGrid } from "../../packages/core/src/grid/grid";
import type { WritePlan } from "../../packages/core/src/plan/types";
import { applyWritePlan } from "../../packages/sheets-addon/src/server/write";
import { builtCode, loadAddon, overTheWire } from "./addon";
import { makeFakes, spreadsheetOf } from "./fake-gas";
import { generatedWorkbook } from "./workbooks";

const TODAY = "2025-06-30";

let code = "";
beforeAll(async () => {
  code = await builtCode();
});

interface Result {
  ok: boolean;
  written: number;
  skipped: { sheet: string; cell: string }[];
  error?: { code: string; message: { ja: string; en: string } };
}

describe("Highlight and Clear", () => {
  function setup(rows = 30) {
    const grids = generatedWorkbook(rows);
    const fakes = makeFakes(spreadsheetOf(grids), "ja");
    const ledger = fakes.ss.sheet("個人情報管理台帳");
    // The user's own fills, some on cells that findings will colour, some elsewhere.
    ledger.getRange("C4:C6").setBackground("#00ff00");
    ledger.getRange("L6").setBackground("#abcdef");
    ledger.getRange("A1:F1").setBackground("#d9ead3");
    ledger.getRange("Q5").setBackground("#FFFF00");
    fakes.ss.calls.reset();
    return { grids, fakes, ledger, addon: loadAddon(code, fakes) };
  }

  it("colours every finding's cell, one RangeList call per sheet and colour", () => {
    const { grids, fakes, ledger, addon } = setup();
    const result = overTheWire(addon.pmarkApply?.("highlight", { today: TODAY }, false)) as Result;
    expect(result.ok).toBe(true);
    const findings = checkWorkbook(grids, { today: TODAY }).findings;
    const cells = new Set(findings.map((f) => `${f.sheet}!${f.cell}`));
    expect(result.written).toBe(cells.size);
    for (const f of findings) expect(ledger.spreadsheet.sheet(f.sheet).peek(f.cell).bg, `${f.sheet}!${f.cell}`).not.toBeNull();
    const colours = new Set(findings.map((f) => `${f.sheet}|${f.severity}`));
    expect(fakes.ss.calls.of("Sheet.getRangeList")).toBe(colours.size);
    expect(fakes.ss.calls.of("RangeList.setBackground")).toBe(colours.size);
    expect(fakes.ss.calls.of("Range.setBackground")).toBe(0);
  });

  it("Clear restores every cell's own fill exactly (and leaves the rest as it was)", () => {
    const { fakes, ledger, addon } = setup();
    const before = fakes.ss.sheets.map((s) => s.backgroundsSnapshot());
    addon.pmarkApply?.("highlight", { today: TODAY }, false);
    expect(ledger.peek("C4").bg).not.toBe("#00ff00");
    expect(ledger.peek("L6").bg).not.toBe("#abcdef");
    const cleared = overTheWire(addon.pmarkClearHighlights?.()) as Result;
    expect(cleared.ok).toBe(true);
    expect(cleared.written).toBeGreaterThan(0);
    expect(fakes.ss.sheets.map((s) => s.backgroundsSnapshot())).toEqual(before);
    expect(fakes.props.store.size).toBe(0);
  });

  it("a cell the user re-coloured after highlighting keeps the user's new colour", () => {
    const { ledger, addon } = setup();
    addon.pmarkApply?.("highlight", { today: TODAY }, false);
    ledger.getRange("C5").setBackground("#123456");
    addon.pmarkClearHighlights?.();
    expect(ledger.peek("C5").bg).toBe("#123456");
    expect(ledger.peek("C4").bg).toBe("#00ff00");
  });

  it("highlighting twice, then clearing once, still restores the originals (not the first highlight)", () => {
    const { fakes, addon } = setup();
    const before = fakes.ss.sheets.map((s) => s.backgroundsSnapshot());
    addon.pmarkApply?.("highlight", { today: TODAY }, false);
    addon.pmarkApply?.("highlight", { today: TODAY }, false);
    addon.pmarkClearHighlights?.();
    expect(fakes.ss.sheets.map((s) => s.backgroundsSnapshot())).toEqual(before);
  });

  it("the memory of fills survives a reload and a renamed sheet (DocumentProperties, by sheet id)", () => {
    const { fakes, ledger, addon } = setup();
    const before = fakes.ss.sheets.map((s) => s.backgroundsSnapshot());
    addon.pmarkApply?.("highlight", { today: TODAY }, false);
    ledger.name = "台帳（改名）";
    const reloaded = loadAddon(code, fakes); // a new execution: nothing kept in memory
    reloaded.pmarkClearHighlights?.();
    expect(fakes.ss.sheets.map((s) => s.backgroundsSnapshot())).toEqual(before);
  });

  it("a large highlight is stored in chunks under Apps Script's 9 KB per value", () => {
    const grids = generatedWorkbook(3000);
    const fakes = makeFakes(spreadsheetOf(grids), "en");
    const addon = loadAddon(code, fakes);
    const before = fakes.ss.sheets.map((s) => s.backgroundsSnapshot());
    const result = overTheWire(addon.pmarkApply?.("highlight", { today: TODAY }, false)) as Result;
    expect(result.ok).toBe(true);
    const chunks = [...fakes.props.store.keys()].filter((k) => /\.\d+$/.test(k));
    expect(chunks.length).toBeGreaterThan(1);
    for (const [k, v] of fakes.props.store) expect(Buffer.byteLength(k + v, "utf8")).toBeLessThanOrEqual(9 * 1024);
    addon.pmarkClearHighlights?.();
    expect(fakes.ss.sheets.map((s) => s.backgroundsSnapshot())).toEqual(before);
  });

  it("the menu item checks and highlights, and reports the counts in a toast", () => {
    const { fakes, addon } = setup();
    addon.menuCheckAndHighlight?.();
    expect(fakes.ss.toasts.at(-1)?.msg).toMatch(/^エラー \d+ 件、警告 \d+ 件、情報 \d+ 件。\d+ セルを色付けしました。$/);
    addon.menuClearHighlights?.();
    expect(fakes.ss.toasts.at(-1)?.msg).toMatch(/^色付けを解除しました/);
  });
});

describe("Findings report sheet", () => {
  it("writes every finding to a new sheet in one block; text that starts with = + - @ stays text", () => {
    // A sheet whose name starts with "=": the report lists it, and it must not become a formula.
    const grids: SheetGrid[] = generatedWorkbook(5).map((g) => (g.name === "個人情報管理台帳" ? { ...g, name: "=HYPERLINK(\"http://x\",\"台帳\")" } : g));
    grids.push({ name: "+81 電話", values: [["メモ"], ["-"], ["@x"]] });
    const fakes = makeFakes(spreadsheetOf(grids), "ja");
    const addon = loadAddon(code, fakes);
    fakes.ss.calls.reset();
    const result = overTheWire(addon.pmarkApply?.("report", { today: TODAY }, false)) as Result;
    expect(result.ok).toBe(true);
    const report = fakes.ss.sheets.at(-1);
    if (!report) throw new Error("no report sheet");
    expect(report.name).toBe("チェック結果");
    expect(fakes.ss.calls.of("Range.setValues")).toBe(1);
    const findings = checkWorkbook(grids, { today: TODAY }).findings;
    expect(report.lastRow()).toBe(findings.length + 1);
    const column = report.grid.slice(1).map((row) => row[2]);
    expect(column.some((c) => c?.v === "=HYPERLINK(\"http://x\",\"台帳\")")).toBe(true);
    for (const c of report.grid.flat()) {
      expect(c.f, String(c.v)).toBeNull(); // nothing became a formula
      if (c.v !== null) expect(typeof c.v).toBe("string"); // nothing became a number or a date
    }
    expect(report.grid[0]?.map((c) => c.v)).toEqual(["ルール", "重大度", "シート", "セル", "内容"]);
    expect(report.frozen.rows).toBe(1);
    // Widths come in characters (as for Excel) and go to Sheets in pixels.
    expect(report.widths.get(5)).toBe(80 * 7 + 5);
  });

  it("a second report replaces the first under the same name; the check never reads it", () => {
    const fakes = makeFakes(spreadsheetOf(generatedWorkbook(5)), "ja");
    const addon = loadAddon(code, fakes);
    const before = overTheWire(addon.pmarkCheck?.({ today: TODAY })) as { findings: unknown[]; sheets: { name: string }[] };
    addon.menuWriteReport?.();
    addon.menuWriteReport?.();
    expect(fakes.ss.sheets.map((s) => s.name)).toEqual(["個人情報管理台帳", "リスク分析表", "チェック結果"]);
    expect(fakes.ss.toasts.at(-1)?.msg).toBe("指摘一覧をシート「チェック結果」に書き出しました。");
    const after = overTheWire(addon.pmarkCheck?.({ today: TODAY })) as typeof before;
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(after.findings).toEqual(before.findings);
  });
});

describe("Insert template sheets", () => {
  it("adds only the sheets the spreadsheet lacks, with headers, formulas, dropdowns and level colours; touches no existing sheet", () => {
    const grids = generatedWorkbook(5).slice(0, 1); // a ledger only
    const fakes = makeFakes(spreadsheetOf(grids), "en");
    const addon = loadAddon(code, fakes);
    const before = fakes.ss.sheets.map((s) => s.contentSnapshot());
    const preview = overTheWire(addon.pmarkPreview?.("template", null)) as { plan: { summary?: { en: string }; ops: { op: string; sheet: string }[] }; overwrites: unknown[] };
    expect(preview.overwrites).toEqual([]);
    const added = preview.plan.ops.filter((o) => o.op === "addSheet").map((o) => o.sheet);
    // The ledger's headers are Japanese: so are the new sheets, whatever the user's language.
    expect(added).toEqual(["リスク分析表", "委託先管理台帳", "法令等一覧", "教育実施記録", "内部監査記録"]);
    expect(preview.plan.summary?.en).toMatch(/^Adds "リスク分析表", .* and "内部監査記録": 5 sheets, \d+ columns\./);
    const result = overTheWire(addon.pmarkApply?.("template", null, false)) as Result;
    expect(result.ok).toBe(true);
    expect(fakes.ss.sheets.slice(0, 1).map((s) => s.contentSnapshot())).toEqual(before);
    expect(fakes.ss.sheets.map((s) => s.name)).toEqual(["個人情報管理台帳", ...added]);
    const withValidation = fakes.ss.sheets.filter((s) => s.grid.flat().some((c) => c.validation));
    expect(withValidation.length).toBeGreaterThan(0);
    const withFormulas = fakes.ss.sheets.filter((s) => s.grid.flat().some((c) => c.f));
    expect(withFormulas.map((s) => s.name)).toContain("リスク分析表");
    expect(fakes.ss.sheet("リスク分析表").conditionalRules.length).toBeGreaterThan(0);
    // Inserted again: nothing is missing, nothing is added.
    const again = overTheWire(addon.pmarkPreview?.("template", null)) as { plan: { ops: unknown[] }; problem?: { code: string } };
    expect(again.plan.ops).toEqual([]);
    expect(again.problem?.code).toBe("nothing-to-do");
  });

  it("a check cut short inserts nothing: an unread sheet may be the very ledger the template would add again", () => {
    const ss = spreadsheetOf(generatedWorkbook(50));
    ss.msPerCellRead = 300;
    const fakes = makeFakes(ss, "ja");
    const addon = loadAddon(code, fakes);
    const result = overTheWire(addon.pmarkApply?.("template", null, false)) as Result;
    expect(result.error?.code).toBe("partial");
    expect(fakes.ss.sheets.map((s) => s.name)).toEqual(["個人情報管理台帳", "リスク分析表"]);
  });

  it("conditional formats are appended to the user's own rules, never replacing them", () => {
    const ss = spreadsheetOf(generatedWorkbook(3));
    const fakes = makeFakes(ss, "ja");
    const gas = fakes.services as unknown as Parameters<typeof applyWritePlan>[0];
    const sheet = ss.sheet("リスク分析表");
    const own = fakes.services.SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo("要確認").setBackground("#ff0000").setRanges([sheet.getRange("A1:A3")]).build();
    sheet.setConditionalFormatRules([own]);
    const plan: WritePlan = { title: { ja: "", en: "" }, ops: [{ op: "conditionalFormat", sheet: "リスク分析表", range: "H2:H20", rules: [{ equals: "高", fill: "#FFC7CE" }] }] };
    applyWritePlan(gas, ss as never, null, plan, { lang: "ja" });
    applyWritePlan(gas, ss as never, null, plan, { lang: "ja" });
    expect(sheet.conditionalRules[0]).toBe(own);
    expect(sheet.conditionalRules).toHaveLength(2);
  });
});

describe("Add formulas and dropdowns (preview, then confirmation)", () => {
  function setup() {
    const grids = generatedWorkbook(6);
    const risk = grids[1] as SheetGrid;
    // The user's own note in the first free column: core must go around it.
    const values = risk.values.map((row) => [...row]);
    (values[3] as unknown[])[9] = "要確認";
    grids[1] = { ...risk, values };
    const fakes = makeFakes(spreadsheetOf(grids), "ja");
    return { fakes, addon: loadAddon(code, fakes) };
  }

  it("the preview lists the plan (formulas, dropdowns) and what it would overwrite, and writes nothing", () => {
    const { fakes, addon } = setup();
    const before = fakes.ss.sheets.map((s) => s.contentSnapshot());
    const calls = fakes.ss.calls;
    calls.reset();
    const preview = overTheWire(addon.pmarkPreview?.("formulas", null)) as { plan: { ops: { op: string }[] }; overwrites: unknown[]; problem?: unknown };
    expect(preview.plan.ops.some((o) => o.op === "formulas")).toBe(true);
    expect(preview.plan.ops.some((o) => o.op === "validation")).toBe(true);
    expect(preview.overwrites).toEqual([]);
    expect(preview.problem).toBeUndefined();
    expect(fakes.ss.sheets.map((s) => s.contentSnapshot())).toEqual(before);
    for (const m of Object.keys(calls.summary())) expect(m).not.toMatch(/\.set|insertSheet/);
  });

  it("apply writes the level formulas beside the table, its header as text, and the dropdowns", () => {
    const { fakes, addon } = setup();
    const plan = (overTheWire(addon.pmarkPreview?.("formulas", null)) as { plan: { ops: { op: string; sheet: string; range: string; list: string[]; strict?: boolean }[] } }).plan;
    const result = overTheWire(addon.pmarkApply?.("formulas", null, false)) as Result;
    expect(result.ok).toBe(true);
    expect(result.skipped).toEqual([]);
    const risk = fakes.ss.sheet("リスク分析表");
    expect(risk.peek("J4").v).toBe("要確認");
    expect(risk.peek("K1")).toMatchObject({ v: "リスクレベル", f: null });
    for (let r = 2; r <= 7; r++) expect(risk.peek(`K${r}`).f, `K${r}`).toMatch(/^=IF\(G\d+=""/);
    // Dropdowns: one rule per range, refusing other input only where the plan says strict.
    const validations = plan.ops.filter((o) => o.op === "validation");
    expect(validations.length).toBeGreaterThan(0);
    for (const op of validations) {
      const rule = fakes.ss.sheet(op.sheet).peek(op.range.split(":")[0] as string).validation;
      expect(rule?.values, op.range).toEqual(op.list);
      expect(rule?.allowInvalid, op.range).toBe(op.strict !== true);
    }
    expect(fakes.ss.calls.of("Range.setDataValidation")).toBe(validations.length);
  });

  it("a protected sheet is refused before anything is written, with the reason", () => {
    const { fakes, addon } = setup();
    fakes.ss.sheet("リスク分析表").protections.push({ type: "SHEET", editable: false });
    const before = fakes.ss.sheets.map((s) => s.contentSnapshot());
    const result = overTheWire(addon.pmarkApply?.("formulas", null, true)) as Result;
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe("protected");
    expect(result.error?.message.ja).toContain("リスク分析表");
    expect(fakes.ss.sheets.map((s) => s.contentSnapshot())).toEqual(before);
  });

  it("a protected range blocks the plan only when the plan writes into it", () => {
    const { fakes, addon } = setup();
    fakes.ss.sheet("リスク分析表").protections.push({ type: "RANGE", range: "A1:B3", editable: false });
    expect((overTheWire(addon.pmarkApply?.("formulas", null, true)) as Result).ok).toBe(true);
    const again = setup();
    again.fakes.ss.sheet("リスク分析表").protections.push({ type: "RANGE", range: "K3", editable: false });
    const refused = overTheWire(again.addon.pmarkApply?.("formulas", null, true)) as Result;
    expect(refused.error?.code).toBe("protected");
    // A range the user may edit (they are among its editors) is no obstacle.
    const editor = setup();
    editor.fakes.ss.sheet("リスク分析表").protections.push({ type: "RANGE", range: "K3", editable: true });
    expect((overTheWire(editor.addon.pmarkApply?.("formulas", null, true)) as Result).ok).toBe(true);
  });
});

describe("writes that respect the spreadsheet: dropdowns already there, acceptances, removing what was added", () => {
  it("a dropdown already on a column is an overwrite the preview lists; unconfirmed, the user's rule stays", () => {
    const fakes = makeFakes(spreadsheetOf(generatedWorkbook(6)), "ja");
    const addon = loadAddon(code, fakes);
    const plain = overTheWire(addon.pmarkPreview?.("formulas", null)) as { plan: { ops: { op: string; sheet: string; range?: string }[] } };
    // 発生可能性 is column E: its 1–3 dropdown.
    const target = plain.plan.ops.find((o) => o.op === "validation" && o.sheet === "リスク分析表" && o.range?.startsWith("E2:"));
    if (!target?.range) throw new Error("no dropdown on E");
    const risk = fakes.ss.sheet("リスク分析表");
    const mine = fakes.services.SpreadsheetApp.newDataValidation().requireValueInList(["低", "中", "高"], true).build();
    risk.getRange("E2:E4").setDataValidation(mine);
    const preview = overTheWire(addon.pmarkPreview?.("formulas", null)) as { overwrites: { sheet: string; cell: string; kind?: string }[] };
    expect(preview.overwrites).toContainEqual({ sheet: "リスク分析表", cell: target.range, kind: "validation" });
    const result = overTheWire(addon.pmarkApply?.("formulas", null, false)) as Result;
    expect(result.skipped).toContainEqual({ sheet: "リスク分析表", cell: target.range, kind: "validation" });
    expect(risk.peek("E2").validation).toBe(mine);
    expect(risk.peek("F2").validation?.values).toEqual(["1", "2", "3"]);
  });

  it("accepting a finding on a sheet without notes keeps it in the document properties; the next check counts it accepted", () => {
    const fakes = makeFakes(spreadsheetOf(generatedWorkbook(6)), "ja");
    const addon = loadAddon(code, fakes);
    const report = overTheWire(addon.pmarkCheck?.({ today: TODAY })) as { findings: { rule: string; sheet: string; cell: string; accepted?: boolean }[] };
    const f = report.findings[0]!;
    const result = overTheWire(addon.pmarkApply?.("accept", { rule: f.rule, sheet: f.sheet, cell: f.cell, reason: "確認済み", today: TODAY }, false)) as Result;
    expect(result.ok).toBe(true);
    expect(overTheWire(addon.pmarkSettings?.())).toMatchObject({ suppressions: [{ rule: f.rule, sheet: f.sheet, cell: f.cell, reason: "確認済み" }] });
    const again = overTheWire(addon.pmarkCheck?.({ today: TODAY })) as typeof report;
    expect(again.findings.find((x) => x.rule === f.rule && x.sheet === f.sheet && x.cell === f.cell)?.accepted).toBe(true);
  });

  it("template sheets and the report are removed again; a sheet the user wrote in only when confirmed", () => {
    const fakes = makeFakes(spreadsheetOf(generatedWorkbook(3).slice(0, 1)), "ja");
    const addon = loadAddon(code, fakes);
    addon.pmarkApply?.("template", null, false);
    addon.pmarkApply?.("report", { today: TODAY }, false);
    expect(fakes.ss.sheets.length).toBe(7);
    fakes.ss.sheet("教育実施記録").getRange("A6").setValues([["山田"]]);
    const preview = overTheWire(addon.pmarkPreview?.("remove", { what: "template" })) as { overwrites: { sheet: string; kind?: string }[] };
    expect(preview.overwrites).toEqual([{ sheet: "教育実施記録", cell: "A1", kind: "sheet" }]);
    addon.pmarkApply?.("remove", { what: "template" }, false);
    addon.pmarkApply?.("remove", { what: "report" }, false);
    expect(fakes.ss.sheets.map((s) => s.name)).toEqual(["個人情報管理台帳", "教育実施記録"]);
  });

  it("settings sent by the sidebar are read like stored state: what is malformed is dropped", () => {
    const fakes = makeFakes(spreadsheetOf(generatedWorkbook(3)), "ja");
    const addon = loadAddon(code, fakes);
    addon.pmarkSaveSettings?.({ profile: { kind: "builtin", id: "not-a-profile" }, suppressions: [{ rule: "ledger/", reason: "r" }] });
    expect(overTheWire(addon.pmarkSettings?.())).toEqual({ suppressions: [{ rule: "ledger/", reason: "r" }] });
    addon.pmarkSaveSettings?.({ profile: { kind: "builtin", id: "qualitative" } });
    expect(overTheWire(addon.pmarkSettings?.())).toEqual({ profile: { kind: "builtin", id: "qualitative" } });
  });
});
