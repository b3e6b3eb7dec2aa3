import { describe, expect, it } from "vitest";
import type { CellValue, SheetGrid } from "../../../packages/core/src/grid/grid";
import { cellText } from "../../../packages/core/src/grid/grid";
import { resolveBuiltinProfile } from "../../../packages/core/src/profile/builtin/index";
import { draftPlan, preparePlan, type WriteOp, type WritePlan } from "../../../packages/core/src/plan/index";
import type { ProfileInput } from "../../../packages/core/src/profile/schema";
import type { WorkbookReport } from "../../../packages/core/src/report/types";
import { applyPlanToWorkbook, createMemoryBridge, gridsOf, memoryWorkbook } from "../../../packages/ui/src/memory-bridge";
import { CORPUS } from "../../fixtures/corpus/index";
import { FIVE_PHASES, TODAY, check, ledgerSheet, riskSheet, sheet } from "../helpers";

const L = "個人情報管理台帳";
const R = "リスク分析表";
const DRAFT = "要確認(下書き)";

function applied(grids: SheetGrid[], plan: WritePlan): SheetGrid[] {
  const wb = memoryWorkbook(grids);
  const prepared = preparePlan(plan, grids, { confirmOverwrite: false });
  expect(prepared.problem).toBeUndefined();
  expect(prepared.overwrites).toEqual([]);
  applyPlanToWorkbook(wb, prepared.plan);
  return gridsOf(wb);
}

const draft = (grids: SheetGrid[], options: { target?: "rows" | "sheet"; profile?: ProfileInput; lang?: "ja" | "en"; report?: WorkbookReport } = {}) =>
  draftPlan(grids, options.report ?? check(grids, options.profile ? { profile: options.profile } : {}), { lang: options.lang ?? "ja", ...(options.target ? { target: options.target } : {}), ...(options.profile ? { profile: options.profile } : {}) });

const rowsOf = (g: SheetGrid | undefined) => (g?.values ?? []).map((r) => r.map(cellText));
const named = (grids: SheetGrid[], name: string) => grids.find((g) => g.name === name);
/** Each non-draft row of a sheet, without the status column the draft added. */
const userRows = (g: SheetGrid | undefined, width: number) => rowsOf(g).filter((r) => !r.includes(DRAFT)).map((r) => r.slice(0, width).concat(Array(Math.max(0, width - r.length)).fill("")).slice(0, width));

function errorsByRule(report: WorkbookReport): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of report.findings) if (f.severity === "error" && !f.accepted) out[f.rule] = (out[f.rule] ?? 0) + 1;
  return out;
}

describe("row insertion and deletion in write plans", () => {
  const grids = [sheet("S", [["h1", "h2"], ["a", "b"], ["c", "d"]])];

  it("a write into an inserted row is no overwrite; rows below are compared where they moved to", () => {
    const plan: WritePlan = {
      title: { ja: "t", en: "t" },
      ops: [
        { op: "insertRows", sheet: "S", after: 1, count: 2 },
        { op: "values", sheet: "S", row: 2, col: 1, values: [["x"], ["y"]] },
        { op: "values", sheet: "S", row: 5, col: 2, values: [["changed"]] },
      ],
    };
    const prepared = preparePlan(plan, grids, { confirmOverwrite: false });
    expect(prepared.overwrites).toEqual([{ sheet: "S", cell: "B5" }]);
    const wb = memoryWorkbook(grids);
    applyPlanToWorkbook(wb, prepared.plan);
    expect(rowsOf(gridsOf(wb)[0])).toEqual([["h1", "h2"], ["x"], ["y"], ["a", "b"], ["c", "d"]]);
  });

  it("refuses rows inserted inside a merged area, on a protected sheet, or on a sheet that does not exist", () => {
    const merged = [{ ...(grids[0] as SheetGrid), merges: [{ startRow: 1, startCol: 0, endRow: 2, endCol: 0 }] }];
    const insert = (after: number, name = "S"): WritePlan => ({ title: { ja: "t", en: "t" }, ops: [{ op: "insertRows", sheet: name, after, count: 1 }] });
    expect(preparePlan(insert(2), merged, { confirmOverwrite: true }).problem?.code).toBe("merged-cells");
    expect(preparePlan(insert(3), merged, { confirmOverwrite: true }).problem).toBeUndefined();
    expect(preparePlan(insert(3), grids, { confirmOverwrite: true, protectedSheets: ["S"] }).problem?.code).toBe("protected");
    expect(preparePlan(insert(1, "T"), grids, { confirmOverwrite: true }).problem?.code).toBe("out-of-bounds");
  });

  it("deleting rows that hold the user's content is an overwrite the user confirms", () => {
    const plan: WritePlan = { title: { ja: "t", en: "t" }, ops: [{ op: "deleteRows", sheet: "S", row: 2, count: 2, userContent: true }] };
    const kept = preparePlan(plan, grids, { confirmOverwrite: false });
    expect(kept.overwrites).toEqual([{ sheet: "S", cell: "2:3", kind: "rows" }]);
    expect(kept.plan.ops).toEqual([]);
    expect(preparePlan(plan, grids, { confirmOverwrite: true }).plan.ops).toHaveLength(1);
  });

  it("the preview workbook moves merges and dropdowns as a spreadsheet does", () => {
    const wb = memoryWorkbook([{ name: "S", values: [["h"], ["a"], ["b"]], merges: [{ startRow: 1, startCol: 0, endRow: 2, endCol: 1 }] }]);
    wb.validations.push({ sheet: "S", range: "C2:C3", list: ["1", "2"] });
    applyPlanToWorkbook(wb, { title: { ja: "t", en: "t" }, ops: [{ op: "insertRows", sheet: "S", after: 0, count: 2 }] });
    expect(wb.sheets[0]?.merges).toEqual([{ startRow: 3, startCol: 0, endRow: 4, endCol: 1 }]);
    expect(wb.validations[0]?.range).toBe("C4:C5");
    applyPlanToWorkbook(wb, { title: { ja: "t", en: "t" }, ops: [{ op: "deleteRows", sheet: "S", row: 1, count: 2 }] });
    expect(rowsOf(gridsOf(wb)[0])).toEqual([["h"], ["a"], ["b"]]);
    expect(wb.validations[0]?.range).toBe("C2:C3");
  });
});

describe("drafting the missing phases into the risk sheet's own rows", () => {
  // Item 1 lacks 消去・廃棄; item 2 lacks 移送・送信 and 委託・提供 (it has a contractor); item 3 has no row at all.
  const ledger = ledgerSheet([{ 媒体: "紙" }, { 委託先: "〇〇社会保険労務士事務所", 要配慮個人情報: "有" }, {}]);
  const risk = riskSheet([
    { id: 1, name: "台帳項目1", phases: FIVE_PHASES.slice(0, 4) },
    { id: 2, name: "台帳項目2", phases: ["取得・入力", "利用・加工", "保管・バックアップ", "消去・廃棄"] },
  ]);
  const grids = [ledger, risk];
  const built = draft(grids);
  const after = applied(grids, built.plan);

  it("inserts rows right after each item's last row (an item without rows below the sheet's last), in the sheet's columns, marked for review", () => {
    const r = rowsOf(named(after, R));
    expect(r[0]?.[9]).toBe("状態");
    const where = r.map((row, i) => [i + 1, row[0], row[2], row[9] === DRAFT ? "draft" : ""].join(" "));
    const drafted = where.filter((w) => w.endsWith("draft"));
    expect(drafted[0]).toMatch(/^6 1 消去・廃棄 draft$/);
    const item2 = drafted.filter((w) => / 2 /.test(w));
    expect(item2.some((w) => w.includes("移送・送信"))).toBe(true);
    expect(item2.some((w) => w.includes("委託・提供"))).toBe(true);
    const item3 = drafted.filter((w) => / 3 /.test(w));
    expect(item3.map((w) => w.split(" ")[2])).toEqual(expect.arrayContaining(FIVE_PHASES));
    // Item 3's rows come after every other row.
    const lastOther = Math.max(...where.filter((w) => !/ 3 /.test(w)).map((w) => Number(w.split(" ")[0])));
    expect(Math.min(...item3.map((w) => Number(w.split(" ")[0])))).toBeGreaterThan(lastOther);
    // The scores are left blank.
    for (const row of r.filter((x) => x.includes(DRAFT))) expect([row[4], row[5], row[6], row[8]]).toEqual(["", "", "", ""]);
  });

  it("takes risks and measures for the item's medium and traits from the library", () => {
    const r = rowsOf(named(after, R)).filter((x) => x.includes(DRAFT));
    const item1 = r.filter((x) => x[0] === "1").map((x) => x[3]);
    expect(item1).toContain("廃棄した書類から情報が漏えいする");
    expect(item1).not.toContain("廃棄したパソコンや記録媒体からデータを復元される");
    const item2 = r.filter((x) => x[0] === "2").map((x) => x[3]);
    expect(item2).toContain("委託先で個人情報が漏えいする、又は紛失する");
    expect(item2).not.toContain("本人の同意なく第三者に提供する");
    const item3 = r.filter((x) => x[0] === "3");
    expect(item3.every((x) => x[7] !== "")).toBe(true);
  });

  it("leaves every existing row as it was", () => {
    expect(userRows(named(after, R), 9)).toEqual(rowsOf(risk));
    expect(rowsOf(named(after, L))).toEqual(rowsOf(ledger));
  });

  it("then checks with no risk/phase-missing, no new error, and the drafts counted as unscored", () => {
    const before = check(grids);
    const report = check(after);
    expect(report.findings.filter((f) => f.rule === "risk/phase-missing")).toEqual([]);
    const { "risk/phase-missing": _gone, ...rest } = errorsByRule(before);
    expect(errorsByRule(report)).toEqual(rest);
    expect(report.summary.risks.incomplete - before.summary.risks.incomplete).toBe(built.rows);
    expect(report.summary.risks.high + report.summary.risks.medium + report.summary.risks.low).toBe(before.summary.risks.high + before.summary.risks.medium + before.summary.risks.low);
  });

  it("says in one sentence what it adds, for which items and phases", () => {
    expect(built.items).toBe(3);
    expect(built.plan.summary?.ja).toContain(`3 件の個人情報について`);
    expect(built.plan.summary?.ja).toContain(`${built.rows} 行追加します`);
    expect(built.plan.summary?.ja).toContain("台帳項目2(移送・送信、委託・提供)");
    expect(built.plan.summary?.en).toContain(`Adds ${built.rows} rows for 3 items`);
    expect(built.plan.summary?.en).toContain("台帳項目2 (Transfer and transmission, Entrustment and provision)");
  });

  it("writes every text as text, so a name starting with = stays a name", () => {
    const g = [ledgerSheet([{ 個人情報の名称: "=HYPERLINK(\"x\")" }]), riskSheet([])];
    const ops = draft(g).plan.ops.filter((op): op is Extract<WriteOp, { op: "values" }> => op.op === "values");
    for (const op of ops) for (const row of op.values) for (const v of row) if (typeof v === "string") expect(v.startsWith("'")).toBe(true);
  });
});

describe("what is not drafted, and why", () => {
  it("an accepted phase-missing finding is left alone", () => {
    const grids = [ledgerSheet([{}, {}]), riskSheet([{ id: 1, name: "台帳項目1", phases: FIVE_PHASES.slice(0, 4) }, { id: 2, name: "台帳項目2", phases: FIVE_PHASES.slice(0, 4) }])];
    const profile: ProfileInput = { ...(resolveBuiltinProfile("jisq15001") as ProfileInput), suppressions: [{ rule: "risk/phase-missing", sheet: L, row: 2, reason: "紙は即日返却" }] };
    const built = draft(grids, { profile });
    expect(built.items).toBe(1);
    expect(built.plan.summary?.ja).toContain("台帳項目2(消去・廃棄)");
  });

  it("gives a reason when there is nothing to draft, no ledger, no way to tell the items apart, or sheets left unread", () => {
    const full = [ledgerSheet([{}]), riskSheet([{ id: 1, name: "台帳項目1" }])];
    expect(draft(full).problem?.code).toBe("nothing-to-do");
    expect(draft([riskSheet([{ id: 1, name: "x" }])]).problem?.code).toBe("no-ledger");
    const noRef = sheet(R, [["局面", "リスク", "対策"], ["取得・入力", "紛失", "施錠保管"]]);
    expect(draft([ledgerSheet([{}]), noRef]).problem?.code).toBe("no-link");
    expect(draftPlan(full, check(full), { lang: "ja", unread: ["台帳2"] }).problem?.code).toBe("partial");
  });
});

describe("drafting into a sheet of its own", () => {
  it("a workbook with a ledger and no risk analysis gets the whole risk sheet, every item × every phase that applies, in the template's layout", () => {
    const ledger = ledgerSheet([{}, { 委託先: "A社" }]);
    const built = draft([ledger]);
    const after = applied([ledger], built.plan);
    const risk = named(after, R);
    expect(risk).toBeDefined();
    const r = rowsOf(risk);
    expect(r[3]).toEqual(expect.arrayContaining(["台帳番号", "個人情報の名称", "局面", "リスク", "対策", "状態"]));
    const phasesOf = (id: string) => new Set(r.filter((x) => x[0] === id && x.includes(DRAFT)).map((x) => x[2]));
    expect(phasesOf("1")).toEqual(new Set(FIVE_PHASES));
    expect(phasesOf("2")).toEqual(new Set([...FIVE_PHASES, "委託・提供"]));
    const report = check(after);
    expect(report.findings.filter((f) => f.rule === "risk/phase-missing" || f.rule === "sheet/missing")).toEqual([]);
    expect(report.summary.risks).toEqual({ high: 0, medium: 0, low: 0, incomplete: built.rows });
    // Score and level formulas on every drafted row, with the result they give on blank inputs.
    const formulas = built.plan.ops.filter((op): op is Extract<WriteOp, { op: "formulas" }> => op.op === "formulas");
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) expect(f.results?.flat()).toEqual(Array(built.rows).fill(""));
  });

  it("target sheet: a draft sheet beside the risk analysis, whose sheets stay untouched", () => {
    const grids = [ledgerSheet([{}]), riskSheet([{ id: 1, name: "台帳項目1", phases: FIVE_PHASES.slice(1) }])];
    const built = draft(grids, { target: "sheet" });
    expect(built.plan.ops.every((op) => op.sheet === "リスク分析(下書き)")).toBe(true);
    const after = applied(grids, built.plan);
    expect(rowsOf(named(after, R))).toEqual(rowsOf(grids[1]));
    expect(check(after).findings.filter((f) => f.rule === "risk/phase-missing")).toEqual([]);
  });

  it("an English workbook gets English rows", () => {
    const ledger = sheet("Ledger", [
      ["ID", "Personal information", "Purpose", "Storage place", "Storage method", "Access", "Retention", "Medium"],
      ["P-1", "Customer list", "Orders", "File server", "Access control", "Sales staff", "5 years", "Electronic"],
    ]);
    const built = draft([ledger]);
    const after = applied([ledger], built.plan);
    const risk = after.find((g) => g.name === "Risk analysis");
    const r = rowsOf(risk);
    expect(r.some((x) => x.includes("To review (draft)") && x.includes("Data intercepted in transit"))).toBe(true);
    expect(r.flat().join("")).not.toMatch(/[\u3040-\u30ff]/);
  });

  it("a profile's default scores go into the scoring inputs, and the drafts still count as unscored", () => {
    const profile: ProfileInput = { ...(resolveBuiltinProfile("jisq15001") as ProfileInput), draft: { scores: { likelihood: 2, impact: 2 } } };
    const grids = [ledgerSheet([{}])];
    const built = draft(grids, { profile });
    expect(built.plan.summary?.ja).toContain("既定値");
    const after = applied(grids, built.plan);
    const r = rowsOf(named(after, R)).filter((x) => x.includes(DRAFT));
    expect(r.every((x) => x[4] === "2" && x[5] === "2")).toBe(true);
    const formulas = built.plan.ops.find((op): op is Extract<WriteOp, { op: "formulas" }> => op.op === "formulas" && op.col === 7);
    expect(formulas?.results?.[0]).toEqual([4]);
    expect(check(after, { profile }).summary.risks).toEqual({ high: 0, medium: 0, low: 0, incomplete: built.rows });
  });
});

describe("a phase the library has nothing for", () => {
  it("a profile's own phase gets the generic risk, so no applicable phase is left undrafted", () => {
    const base = resolveBuiltinProfile("jisq15001") as ProfileInput;
    const archive = { id: "archive", label: { ja: "保存・アーカイブ", en: "Archiving" }, synonyms: ["保存・アーカイブ", "アーカイブ"], appliesWhen: "always" as const };
    const profile: ProfileInput = { ...base, id: "acme", phases: [...(base.phases ?? []), archive] };
    const grids = [ledgerSheet([{}]), riskSheet([{ id: 1, name: "台帳項目1" }])];
    const built = draft(grids, { profile });
    expect(built.plan.summary?.ja).toContain("台帳項目1(保存・アーカイブ)");
    const after = applied(grids, built.plan);
    expect(rowsOf(named(after, R)).filter((r) => r.includes(DRAFT)).map((r) => [r[2], r[3]])).toEqual([["保存・アーカイブ", "この局面で個人情報が漏えい・滅失・き損する"]]);
    expect(check(after, { profile }).findings.filter((f) => f.rule === "risk/phase-missing")).toEqual([]);
  });
});

describe("remove what the add-in added: the drafts", () => {
  const grids = [ledgerSheet([{}, {}]), riskSheet([{ id: 1, name: "台帳項目1", phases: FIVE_PHASES.slice(0, 4) }, { id: 2, name: "台帳項目2", phases: FIVE_PHASES.slice(1) }])];

  it("deletes the drafted rows and the status header, giving back the workbook as it was", async () => {
    const bridge = createMemoryBridge(grids, { today: TODAY });
    expect((await bridge.apply("draft", { target: "rows" }, false)).ok).toBe(true);
    expect(rowsOf(named(bridge.grids(), R)).length).toBeGreaterThan(rowsOf(grids[1]).length);
    const preview = await bridge.preview("remove", { what: "draft" });
    expect(preview.plan.summary?.ja).toMatch(/下書き \d+ 行を削除します/);
    expect((await bridge.apply("remove", { what: "draft" }, false)).ok).toBe(true);
    // A cleared cell is blank, as the cell past the row's end was.
    const trimmed = (rows: string[][]) =>
      rows.map((r) => {
        let end = r.length;
        while (end > 0 && r[end - 1] === "") end--;
        return r.slice(0, end);
      });
    expect(trimmed(rowsOf(named(bridge.grids(), R)))).toEqual(rowsOf(grids[1]));
    expect((await bridge.preview("remove", { what: "draft" })).problem?.code).toBe("nothing-to-do");
  });

  it("keeps a drafted row the user has worked on, and the status column it still needs", async () => {
    const bridge = createMemoryBridge(grids, { today: TODAY });
    await bridge.apply("draft", { target: "rows" }, false);
    const r = rowsOf(named(bridge.grids(), R));
    const at = r.findIndex((x) => x.includes(DRAFT));
    bridge.edit(R, `E${at + 1}`, 2);
    const preview = await bridge.preview("remove", { what: "draft" });
    expect(preview.plan.summary?.ja).toContain("書き換えた下書き 1 行はそのままです");
    await bridge.apply("remove", { what: "draft" }, false);
    const left = rowsOf(named(bridge.grids(), R));
    expect(left.filter((x) => x.includes(DRAFT))).toHaveLength(1);
    expect(left[0]?.[9]).toBe("状態");
  });

  it("deletes a draft sheet as a template sheet: unchanged at once, changed only after confirmation", async () => {
    const bridge = createMemoryBridge(grids, { today: TODAY });
    await bridge.apply("draft", { target: "sheet" }, false);
    expect(bridge.grids().map((g) => g.name)).toContain("リスク分析(下書き)");
    bridge.edit("リスク分析(下書き)", "A1", "メモ");
    const preview = await bridge.preview("remove", { what: "draft" });
    expect(preview.overwrites).toEqual([{ sheet: "リスク分析(下書き)", cell: "A1", kind: "sheet" }]);
    await bridge.apply("remove", { what: "draft" }, true);
    expect(bridge.grids().map((g) => g.name)).toEqual([L, R]);
  });
});

describe("the corpus: every workbook with phase gaps", () => {
  const withGaps = CORPUS.filter((f) => {
    const profile = f.profile ? resolveBuiltinProfile(f.profile) : undefined;
    return check(f.sheets, { today: f.today, ...(profile ? { profile } : {}) }).findings.some((x) => x.rule === "risk/phase-missing");
  });

  it("has such workbooks in several layouts", () => {
    expect(withGaps.length).toBeGreaterThanOrEqual(10);
    expect(new Set(withGaps.map((f) => f.sheets.some((s) => check([s]).sheets[0]?.layout === "wide")))).toEqual(new Set([true, false]));
  });

  for (const target of ["rows", "sheet"] as const) {
    it(`drafted (${target}) leaves no risk/phase-missing, no new error, and counts the drafts as unscored`, () => {
      for (const f of withGaps) {
        const profile = f.profile ? resolveBuiltinProfile(f.profile) : undefined;
        const opts = { today: f.today, ...(profile ? { profile } : {}) };
        const before = check(f.sheets, opts);
        const built = draftPlan(f.sheets, before, { lang: "ja", target, ...(profile ? { profile } : {}) });
        expect(built.problem, f.id).toBeUndefined();
        const after = applied(f.sheets, built.plan);
        const report = check(after, opts);
        expect(report.findings.filter((x) => x.rule === "risk/phase-missing"), f.id).toEqual([]);
        const { "risk/phase-missing": _gone, ...rest } = errorsByRule(before);
        expect(errorsByRule(report), f.id).toEqual(rest);
        expect(report.summary.risks.incomplete - before.summary.risks.incomplete, f.id).toBe(built.rows);
        // The user's own sheets keep every row they had, in order.
        for (const g of f.sheets) {
          const width = Math.max(0, ...g.values.map((r) => r.length));
          expect(userRows(named(after, g.name), width).filter((r) => r.some((c) => c !== "")), `${f.id} ${g.name}`).toEqual(rowsOf(g).map((r) => r.concat(Array(Math.max(0, width - r.length)).fill(""))).filter((r) => r.some((c) => c !== "")));
        }
      }
    });
  }

  it("with its risk sheets taken away, each clean workbook gets a whole risk sheet that leaves no gap and no error", () => {
    for (const f of CORPUS.filter((x) => x.variant === "clean")) {
      const profile = f.profile ? resolveBuiltinProfile(f.profile) : undefined;
      const opts = { today: f.today, ...(profile ? { profile } : {}) };
      const ledgerOnly = f.sheets.filter((s) => check([s]).sheets[0]?.kind !== "risk");
      const built = draftPlan(ledgerOnly, check(ledgerOnly, opts), { lang: "ja", ...(profile ? { profile } : {}) });
      const report = check(applied(ledgerOnly, built.plan), opts);
      expect(report.findings.filter((x) => x.rule === "risk/phase-missing" || x.rule === "sheet/missing"), f.id).toEqual([]);
      expect(report.summary.errors, f.id).toBe(0);
      expect(report.summary.risks.incomplete, f.id).toBe(built.rows);
    }
  });
});

describe("wide sheets", () => {
  const values: CellValue[][] = [
    ["台帳番号", "個人情報の名称", "取得・入力", null, "利用・加工", null, "保管・バックアップ", null, "消去・廃棄", null],
    [null, null, "リスク", "対策", "リスク", "対策", "リスク", "対策", "リスク", "対策"],
    [1, "台帳項目1", "紛失", "施錠保管", "目的外利用", "利用目的の周知", "盗難", "施錠保管", null, null],
  ];
  const wide = { name: R, values, merges: [0, 2, 4, 6, 8].map((c) => ({ startRow: 0, startCol: c, endRow: 0, endCol: c + 1 })) };

  it("fill the missing phase's group on new rows below the item; a phase with no group goes to a draft sheet", () => {
    const grids = [ledgerSheet([{}]), wide];
    expect(check(grids).sheets.find((s) => s.name === R)?.layout).toBe("wide");
    const built = draft(grids);
    const after = applied(grids, built.plan);
    const r = rowsOf(named(after, R));
    const drafted = r.filter((x) => x.includes(DRAFT));
    expect(drafted.length).toBeGreaterThanOrEqual(3);
    expect(drafted.every((x) => x[0] === "1" && x[8] !== "" && x[2] === "" && x[4] === "")).toBe(true);
    // 移送・送信 has no group on the sheet: it is drafted on a sheet of its own.
    const own = rowsOf(named(after, "リスク分析(下書き)"));
    expect(own.filter((x) => x.includes(DRAFT)).every((x) => x[2] === "移送・送信")).toBe(true);
    expect(check(after).findings.filter((f) => f.rule === "risk/phase-missing")).toEqual([]);
  });
});
