import { describe, expect, it } from "vitest";
import type { CellValue, SheetGrid } from "../../../packages/core/src/grid/grid";
import {
  buildPlan,
  findingsReportPlan,
  preparePlan,
  recordAddition,
  removalPlan,
  templateSheetsPlan,
  validationTargets,
  yesNoChoices,
  type WritePlan,
} from "../../../packages/core/src/plan/index";
import { readWorkbookState, profileForCheck, parseProfileFile } from "../../../packages/core/src/state/workbook-state";
import { stateAfterApply, planOptionsFor } from "../../../packages/core/src/state/actions";
import { applyPlanToWorkbook, createMemoryBridge, gridsOf, memoryWorkbook } from "../../../packages/ui/src/memory-bridge";
import { FIVE_PHASES, check, ledgerSheet, riskSheet, sheet } from "../helpers";
import { contractorSheet, lawSheet, CORE_LAWS } from "../rules/annual-helpers";

const L = "個人情報管理台帳";
const R = "リスク分析表";

function applied(grids: SheetGrid[], plan: WritePlan): SheetGrid[] {
  const wb = memoryWorkbook(grids);
  applyPlanToWorkbook(wb, preparePlan(plan, grids, { confirmOverwrite: true }).plan);
  return gridsOf(wb);
}

describe("dropdowns in the notation the column already uses", () => {
  const withFlags = (values: CellValue[]) => {
    const g = ledgerSheet(values.map((v) => ({ 要配慮個人情報: v })));
    return [g, riskSheet([{ id: 1, name: "台帳項目1" }])];
  };
  const sensitiveList = (grids: SheetGrid[], lang: "ja" | "en" = "ja") => {
    const p = buildPlan("formulas", grids, check(grids), { lang }).plan;
    // 要配慮個人情報 is column Q (17).
    return p.ops.find((op) => op.op === "validation" && op.sheet === L && op.range.startsWith("Q"));
  };

  it("○/× stays ○/× (and 〇 keeps its own glyph), あり/なし stays あり/なし, 有/無 stays 有/無", () => {
    expect(sensitiveList(withFlags(["○", "×", "×"]))).toMatchObject({ list: ["○", "×"] });
    expect(sensitiveList(withFlags(["〇", "×"]))).toMatchObject({ list: ["〇", "×"] });
    expect(sensitiveList(withFlags(["なし", "あり", "なし"]))).toMatchObject({ list: ["あり", "なし"] });
    expect(sensitiveList(withFlags(["有", "無"]))).toMatchObject({ list: ["有", "無"] });
  });

  it("a column with no yes/no yet gets the sheet's language's default; the most used notation wins a mix", () => {
    expect(sensitiveList(withFlags([null, null]), "en")).toMatchObject({ list: ["有", "無"] });
    expect(yesNoChoices(sheet("S", [["x"], ["○"], ["無"], ["×"]]), 0, [1, 2, 3], "ja")).toEqual(["○", "×"]);
    expect(yesNoChoices(sheet("S", [["x"], [null]]), 0, [1], "en")).toEqual(["Yes", "No"]);
  });
});

describe("a dropdown already on the range is an overwrite the user confirms", () => {
  const grids = [ledgerSheet([{}, {}]), riskSheet([{ id: 1, name: "台帳項目1" }])];
  const plan = buildPlan("formulas", grids, check(grids), { lang: "ja" }).plan;
  const target = validationTargets(plan, grids.map((g) => g.name)).find((t) => t.sheet === R && t.range.startsWith("E"));

  it("counts a different rule, not the same one, and leaves it alone unless confirmed", () => {
    expect(target).toBeDefined();
    const theirs = [{ sheet: R, range: "E2:E50", list: ["低", "中", "高"] }];
    const prepared = preparePlan(plan, grids, { confirmOverwrite: false, validations: theirs });
    expect(prepared.overwrites).toContainEqual({ sheet: R, cell: target!.range, kind: "validation" });
    expect(prepared.plan.ops.some((op) => op.op === "validation" && op.sheet === R && op.range === target!.range)).toBe(false);
    const confirmed = preparePlan(plan, grids, { confirmOverwrite: true, validations: theirs });
    expect(confirmed.plan.ops.some((op) => op.op === "validation" && op.sheet === R && op.range === target!.range)).toBe(true);
    const same = preparePlan(plan, grids, { confirmOverwrite: false, validations: [{ sheet: R, range: target!.range, list: ["1", "2", "3"] }] });
    expect(same.overwrites.filter((o) => o.kind === "validation")).toEqual([]);
  });
});

describe("template insertion adds only the sheets the workbook lacks, in its own language", () => {
  it("a ledger and a risk analysis: adds contractors, laws, training and audit, never a second ledger", () => {
    const grids = [ledgerSheet([{}]), riskSheet([{ id: 1, name: "台帳項目1" }])];
    const plan = templateSheetsPlan("en", undefined, { grids, report: check(grids) });
    const added = plan.ops.flatMap((op) => (op.op === "addSheet" ? [op.sheet] : []));
    expect(added).toEqual(["委託先管理台帳", "法令等一覧", "教育実施記録", "内部監査記録"]);
    expect(plan.summary?.ja).toMatch(/^「委託先管理台帳」と「法令等一覧」と「教育実施記録」と「内部監査記録」を追加します: 4 シート、\d+ 列。/);
    expect(plan.summary?.en).toMatch(/^Adds "委託先管理台帳", "法令等一覧", "教育実施記録" and "内部監査記録": 4 sheets, \d+ columns\./);
    const after = applied(grids, plan);
    expect(after.map((g) => g.name)).toEqual([L, R, "委託先管理台帳", "法令等一覧", "教育実施記録", "内部監査記録"]);
    expect(check(after).sheets.map((s) => s.kind)).toEqual(["ledger", "risk", "contractor", "law", "training", "audit"]);
  });

  it("English headers get English sheets, whatever the user's language", () => {
    const english: SheetGrid = sheet("Register", [
      ["No.", "Personal information", "Purpose of use", "Storage location", "Storage method", "Access", "Retention period"],
      [1, "Customer list", "Sales", "Server", "Access control", "Sales", "3 years"],
    ]);
    const report = check([english]);
    expect(report.sheets[0]?.kind).toBe("ledger");
    const plan = templateSheetsPlan("ja", undefined, { grids: [english], report });
    const added = plan.ops.flatMap((op) => (op.op === "addSheet" ? [op.sheet] : []));
    expect(added).toEqual(["Risk analysis", "Contractors", "Laws", "Training", "Internal audit"]);
  });

  it("a workbook with every kind gets nothing, and says why; an empty one gets all sheets and the version stamp", () => {
    const full = [ledgerSheet([{}]), riskSheet([{ id: 1, name: "台帳項目1" }])];
    const first = applied(full, templateSheetsPlan("ja", undefined, { grids: full, report: check(full) }));
    const again = buildPlan("template", first, check(first), { lang: "ja" });
    expect(again.plan.ops).toEqual([]);
    expect(again.problem?.code).toBe("nothing-to-do");
    const blank = [sheet("Sheet1", [])];
    const all = templateSheetsPlan("ja", undefined, { grids: blank, report: check(blank) });
    expect(all.ops.filter((op) => op.op === "addSheet").map((op) => op.sheet)).toEqual([L, R, "委託先管理台帳", "法令等一覧", "教育実施記録", "内部監査記録", "_pmark"]);
  });
});

describe("the report sheet replaces its previous version", () => {
  const grids = [ledgerSheet([{ 保管期間: null }]), riskSheet([{ id: 1, name: "台帳項目1" }])];

  it("a second report deletes the first and takes its name; the check never reads a report sheet", () => {
    const once = applied(grids, findingsReportPlan(check(grids), "ja", grids));
    const twice = applied(once, findingsReportPlan(check(once), "ja", once));
    expect(twice.map((g) => g.name)).toEqual([L, R, "チェック結果"]);
    expect(check(twice).sheets.map((s) => s.name)).toEqual([L, R]);
    expect(check(twice).findings).toEqual(check(grids).findings);
  });

  it("a user's own sheet of that name stays; a report with the user's notes beside it is only replaced when confirmed", () => {
    const mine = [...grids, sheet("チェック結果", [["my notes"]])];
    const withReport = applied(mine, findingsReportPlan(check(mine), "ja", mine));
    expect(withReport.map((g) => g.name)).toEqual([L, R, "チェック結果", "チェック結果 (2)"]);
    const report = withReport[3] as SheetGrid;
    const annotated = [...withReport.slice(0, 3), { ...report, values: report.values.map((row, i) => (i === 1 ? [...row, null, "確認済み(田中)"] : row)) }];
    const plan = findingsReportPlan(check(annotated), "ja", annotated);
    const unconfirmed = preparePlan(plan, annotated, { confirmOverwrite: false });
    expect(unconfirmed.overwrites).toEqual([{ sheet: "チェック結果 (2)", cell: "A1", kind: "sheet" }]);
    expect(unconfirmed.plan.ops.some((op) => op.op === "deleteSheet")).toBe(false);
    expect(unconfirmed.added).toEqual(["チェック結果 (3)"]);
  });
});

describe("the add-ins' own sheets are never checked as user sheets", () => {
  const grids = [ledgerSheet([{ 保管期間: null }]), riskSheet([{ id: 1, name: "台帳項目1" }])];

  it("an English report, the Excel highlight store and the template stamp change nothing and are not listed", () => {
    const report = findingsReportPlan(check(grids), "en", grids);
    const withReport = applied(grids, report);
    const store = sheet("pmark_highlights", [["個人情報管理台帳", "M2", "#FFC7CE", "*1"]]);
    const stamped = applied(grids, templateSheetsPlan("ja")).filter((g) => g.name === "_pmark");
    const all = [...withReport, store, ...stamped];
    const result = check(all);
    expect(result.sheets.map((s) => s.name)).toEqual([L, R]);
    expect(result.findings).toEqual(check([...grids, ...stamped]).findings);
  });
});

describe("accept with reason", () => {
  it("writes 「承認済: rule 理由: …」 into the row's notes, after what they said; the next check counts it accepted", () => {
    const ledger = ledgerSheet([{ 保管期間: null }]);
    const values = ledger.values.map((r, i) => [...r, i === 0 ? "備考" : "紙の原本あり"]);
    const grids = [sheet(L, values), riskSheet([{ id: 1, name: "台帳項目1" }])];
    const finding = check(grids).findings.find((f) => f.rule === "ledger/required-empty");
    expect(finding).toBeDefined();
    const built = buildPlan("accept", grids, check(grids), { lang: "en", accept: { rule: finding!.rule, sheet: finding!.sheet, cell: finding!.cell, reason: "保管期間は就業規則で定める" } });
    expect(built.suppression).toBeUndefined();
    const prepared = preparePlan(built.plan, grids, { confirmOverwrite: false });
    expect(prepared.overwrites).toEqual([{ sheet: L, cell: "U2" }]);
    const after = applied(grids, built.plan);
    expect(after[0]?.values[1]?.[20]).toBe("紙の原本あり 承認済: ledger/required-empty 理由: 保管期間は就業規則で定める");
    const again = check(after).findings.find((f) => f.rule === "ledger/required-empty" && f.cell === finding!.cell);
    expect(again).toMatchObject({ accepted: true, acceptance: { source: "note", cell: "U2" } });
  });

  it("without a notes column, the acceptance goes to the profile the workbook remembers", () => {
    const grids = [ledgerSheet([{ 保管期間: null }]), riskSheet([{ id: 1, name: "台帳項目1" }])];
    const finding = check(grids).findings.find((f) => f.rule === "ledger/required-empty")!;
    const options = { rule: finding.rule, sheet: finding.sheet, cell: finding.cell, reason: "別紙で管理" };
    const built = buildPlan("accept", grids, check(grids), planOptionsFor("accept", options, {}, "ja"));
    expect(built.plan.ops).toEqual([]);
    expect(built.suppression).toEqual({ rule: finding.rule, sheet: L, cell: finding.cell, reason: "別紙で管理" });
    const state = stateAfterApply({}, "accept", options, built, built.plan);
    const profile = profileForCheck(readWorkbookState(JSON.stringify(state)));
    const again = check(grids, profile ? { profile } : {}).findings.find((f) => f.rule === finding.rule && f.cell === finding.cell);
    expect(again).toMatchObject({ accepted: true, acceptance: { source: "profile", reason: "別紙で管理" } });
  });

  it("refuses an empty reason and a finding that is not in the check", () => {
    const grids = [ledgerSheet([{ 保管期間: null }])];
    const f = check(grids).findings[0]!;
    expect(buildPlan("accept", grids, check(grids), { lang: "ja", accept: { rule: f.rule, sheet: f.sheet, cell: f.cell, reason: " " } }).problem?.code).toBe("no-reason");
    expect(buildPlan("accept", grids, check(grids), { lang: "ja", accept: { rule: "x/y", sheet: f.sheet, cell: f.cell, reason: "r" } }).problem?.code).toBe("no-finding");
  });
});

describe("remove what the add-in added", () => {
  it("template sheets: deleted without a question while untouched, an overwrite to confirm once the user wrote in one", async () => {
    const bridge = createMemoryBridge([ledgerSheet([{}]), riskSheet([{ id: 1, name: "台帳項目1" }])], { language: "ja" });
    expect((await bridge.apply("template", undefined, false)).ok).toBe(true);
    expect(bridge.grids().map((g) => g.name)).toContain("委託先管理台帳");
    const clean = await bridge.preview("remove", { what: "template" });
    expect(clean.overwrites).toEqual([]);
    expect(clean.plan.ops.map((op) => op.op)).toEqual(["deleteSheet", "deleteSheet", "deleteSheet", "deleteSheet"]);
    bridge.edit("委託先管理台帳", "B6", "〇〇システム株式会社");
    const touched = await bridge.preview("remove", { what: "template" });
    expect(touched.overwrites).toEqual([{ sheet: "委託先管理台帳", cell: "A1", kind: "sheet" }]);
    await bridge.apply("remove", { what: "template" }, false);
    expect(bridge.grids().map((g) => g.name)).toEqual([L, R, "委託先管理台帳"]);
    expect((await bridge.preview("remove", { what: "template" })).problem?.code).toBe("nothing-to-do");
  });

  it("formulas and dropdowns: cleared where they still are; a value typed over a formula stays", async () => {
    const rows = riskSheet([{ id: 1, name: "台帳項目1" }]).values.map((r) => r.slice(0, 6).concat([null, null, "施錠", "低"]));
    rows[0] = ["管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "リスク値", "リスクレベル", "対策", "残存リスク"];
    const before: SheetGrid[] = [ledgerSheet([{}]), sheet(R, rows)];
    const bridge = createMemoryBridge(before, { language: "ja", today: "2025-06-30" });
    await bridge.apply("formulas", undefined, false);
    const risk = () => bridge.grids().find((g) => g.name === R)!;
    expect(risk().formulas?.[1]?.[6]).toMatch(/^=/);
    expect(bridge.workbook.validations.length).toBeGreaterThan(0);
    bridge.edit(R, "G2", 4); // the user types a score over the first formula
    await bridge.apply("remove", { what: "formulas" }, false);
    expect(risk().values[1]?.[6]).toBe(4);
    expect(risk().formulas?.flat().filter(Boolean)).toEqual([]);
    expect(bridge.workbook.validations).toEqual([]);
    expect(risk().values.slice(2).map((r) => [r[6] ?? null, r[7] ?? null])).toEqual(FIVE_PHASES.slice(1).map(() => [null, null]));
  });

  it("records nothing for a plan that added nothing, and removal forgets only its own kind", () => {
    expect(recordAddition("formulas", { title: { ja: "", en: "" }, ops: [] })).toBeNull();
    const state = { additions: [{ kind: "template" as const, sheets: [{ name: "X", digest: "0" }], formulas: [], labels: [], validations: [] }] };
    const plan = removalPlan("formulas", state.additions, []);
    expect(plan.ops).toEqual([]);
    expect(stateAfterApply(state, "remove", { what: "formulas" }, { plan }, plan)).toBeNull();
    expect(stateAfterApply(state, "remove", { what: "template" }, { plan }, plan)).toEqual({});
  });
});

describe("what the workbook remembers", () => {
  it("reads back what it wrote and drops what it cannot trust", () => {
    const state = { profile: { kind: "builtin" as const, id: "isms-asset" as const }, suppressions: [{ rule: "ledger/", reason: "r" }] };
    expect(readWorkbookState(JSON.stringify(state))).toEqual(state);
    expect(readWorkbookState("{not json")).toEqual({});
    expect(readWorkbookState(JSON.stringify({ profile: { kind: "builtin", id: "nope" }, suppressions: "x" }))).toEqual({});
  });

  it("a profile file is validated with a message naming the file and the place in it", () => {
    expect(parseProfileFile("acme.json", "{")).toMatchObject({ ok: false, message: { ja: expect.stringContaining("acme.json") } });
    const bad = parseProfileFile("acme.json", JSON.stringify({ id: "acme", version: "1", reviewIntervalMonths: { ledger: -1 } }));
    expect(bad).toMatchObject({ ok: false, message: { en: expect.stringContaining("$.reviewIntervalMonths.ledger") } });
    expect(parseProfileFile("acme.json", JSON.stringify({ id: "acme", version: "1", extends: "nope" }))).toMatchObject({ ok: false });
    const good = parseProfileFile("acme.json", JSON.stringify({ id: "acme", version: "1", extends: "isms-asset", rules: { "risk/flat-scoring": "off" } }));
    expect(good.ok).toBe(true);
  });

  it("the chosen profile decides the check: a rule switched off by a profile file is not reported", () => {
    const grids = [ledgerSheet([{ 保管期間: null }]), riskSheet([{ id: 1, name: "台帳項目1" }]), contractorSheet([{}]), lawSheet(CORE_LAWS)];
    const parsed = parseProfileFile("p.json", JSON.stringify({ id: "p", version: "1", extends: "jisq15001", rules: { "ledger/required-empty": "off" } }));
    if (!parsed.ok) throw new Error("profile");
    const profile = profileForCheck({ profile: { kind: "file", name: "p.json", profile: parsed.profile } });
    expect(check(grids).findings.some((f) => f.rule === "ledger/required-empty")).toBe(true);
    expect(check(grids, profile ? { profile } : {}).findings.some((f) => f.rule === "ledger/required-empty")).toBe(false);
  });
});
