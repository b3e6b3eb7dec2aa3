import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../packages/core/src/grid/grid";
import { explainWorkbook } from "../../../packages/core/src/check";
import { FIVE_PHASES, check, flat, ledgerSheet, sheet } from "../helpers";

/**
 * A drafted risk row (status 「要確認(下書き)」 in a 状態 / 対応状況 column) covers its phase, so
 * risk/phase-missing is satisfied, but it is no analysed risk: it counts as incomplete whatever
 * its scores, is left off the heat map, and each one gets a warning until its status changes.
 */

const HEADER = ["管理番号", "個人情報の名称", "局面", "リスク", "発生可能性", "影響度", "リスク値", "対策", "残存リスク", "見直し日", "状態"];

function riskRows(rows: { phase: string; score?: [number, number] | null; status?: string; reviewed?: CellValue }[], header = HEADER) {
  return sheet("リスク分析表", [
    header,
    ...rows.map((r) => {
      const [l, i] = r.score ?? [null, null];
      return [1, "台帳項目1", r.phase, "漏えい・紛失", l, i, l !== null && i !== null ? l * i : null, "施錠保管・アクセス制御", r.score ? "低" : null, r.reviewed ?? "2025/4/1", r.status ?? null];
    }),
  ]);
}

const analysed = FIVE_PHASES.slice(0, 4).map((phase) => ({ phase, score: [1, 2] as [number, number] }));

describe("drafted risk rows", () => {
  it("the status column is read as such, under 状態, 対応状況 or Status", () => {
    for (const label of ["状態", "対応状況", "Status"]) {
      const grids = [ledgerSheet([{}]), riskRows(analysed, [...HEADER.slice(0, -1), label])];
      const risk = explainWorkbook(grids).sheets.find((s) => s.name === "リスク分析表");
      expect(risk?.columns.find((c) => c.header === label)?.field, label).toBe("status");
    }
  });

  it("cover their phase: no risk/phase-missing for it", () => {
    const without = check([ledgerSheet([{}]), riskRows(analysed)]);
    expect(flat(without.findings.filter((f) => f.rule === "risk/phase-missing"))).toEqual(["risk/phase-missing 個人情報管理台帳 C2"]);
    const drafted = check([ledgerSheet([{}]), riskRows([...analysed, { phase: "消去・廃棄", status: "要確認(下書き)" }])]);
    expect(drafted.findings.filter((f) => f.rule === "risk/phase-missing")).toEqual([]);
  });

  it("count as incomplete, even with scores (a profile's defaults), and stay off the heat map", () => {
    const scored = check([ledgerSheet([{}]), riskRows([...analysed, { phase: "消去・廃棄", score: [3, 3], status: "要確認(下書き)" }])]);
    expect(scored.summary.risks).toEqual({ high: 0, medium: 0, low: 4, incomplete: 1 });
    const cells = scored.overview?.heatMap.before.flat() ?? [];
    expect(cells.reduce((n, c) => n + c, 0)).toBe(4);
    // The same row with its status changed is an analysed 高 risk.
    const reviewed = check([ledgerSheet([{}]), riskRows([...analysed, { phase: "消去・廃棄", score: [3, 3], status: "確認済" }])]);
    expect(reviewed.summary.risks).toEqual({ high: 1, medium: 0, low: 4, incomplete: 0 });
  });

  it("are not counted as analysed in the overview's coverage, by phase or by department", () => {
    const drafted = check([ledgerSheet([{}]), riskRows([...analysed, { phase: "消去・廃棄", status: "要確認(下書き)" }])]);
    const dispose = drafted.overview?.coverage.phases.find((p) => p.phase === "dispose");
    expect(dispose).toMatchObject({ applicable: 1, analysed: 0 });
    const onlyDrafts = check([ledgerSheet([{}]), riskRows(FIVE_PHASES.map((phase) => ({ phase, status: "要確認(下書き)" })))]);
    expect(onlyDrafts.overview?.coverage.departments[0]).toMatchObject({ items: 1, analysed: 0 });
    const done = check([ledgerSheet([{}]), riskRows([...analysed, { phase: "消去・廃棄", score: [1, 1] }])]);
    expect(done.overview?.coverage.phases.find((p) => p.phase === "dispose")).toMatchObject({ applicable: 1, analysed: 1 });
  });

  it("each get one warning at the status cell, in either language's spelling, and no other finding for being unscored", () => {
    const grids = [ledgerSheet([{}]), riskRows([...analysed, { phase: "消去・廃棄", status: "要確認(下書き)" }, { phase: "消去・廃棄", status: "To review (draft)" }])];
    const found = check(grids).findings.filter((f) => f.sheet === "リスク分析表");
    expect(flat(found, ["rule", "cell", "messageId", "severity"])).toEqual(["risk/incomplete-scoring K6 draft warning", "risk/incomplete-scoring K7 draft warning"]);
    expect(found[0]?.message.ja).toContain("下書き");
  });

  it("a sheet of drafts only is not judged for its review date; one with an analysed row is", () => {
    const old = "2023/4/1";
    const drafts = check([ledgerSheet([{}]), riskRows(FIVE_PHASES.map((phase) => ({ phase, status: "要確認(下書き)", reviewed: old })))]);
    expect(drafts.findings.filter((f) => f.rule === "risk/review-overdue")).toEqual([]);
    const mixed = check([ledgerSheet([{}]), riskRows([...FIVE_PHASES.map((phase) => ({ phase, status: "要確認(下書き)", reviewed: old })), { phase: "取得・入力", score: [1, 1], reviewed: old }])]);
    expect(flat(mixed.findings.filter((f) => f.rule === "risk/review-overdue"), ["rule", "messageId"])).toEqual(["risk/review-overdue overdue"]);
  });
});
