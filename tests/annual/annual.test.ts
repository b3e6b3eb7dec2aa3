import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../packages/core/src/check";
import { loadWorkbook } from "../../packages/cli/src/load/workbook";

/**
 * The annual-records fixture (tests/fixtures/annual, written by scripts/make-annual-fixture.mjs):
 * a company's whole yearly PMS record book, clean but for the planted nonconformities listed in
 * expected-findings.json (and README.md). Loaded as the CLI loads it and checked with every rule.
 */
const dir = join(__dirname, "..", "fixtures", "annual");
const planted: { rule: string; sheet: string; cell: string }[] = JSON.parse(readFileSync(join(dir, "expected-findings.json"), "utf8"));
const key = (f: { rule: string; sheet: string; cell: string }) => `${f.rule} ${f.sheet}!${f.cell}`;

async function report() {
  const loaded = await loadWorkbook(join(dir, "annual-records.xlsx"));
  if (!loaded.ok) throw new Error(`fixture unreadable: ${loaded.reason.code}`);
  return checkWorkbook(loaded.grids, { today: "2025-06-30" });
}

describe("the annual-records workbook", () => {
  it("recognises every sheet from its headers, the yearly records wherever they sit", async () => {
    const r = await report();
    expect(r.sheets.map((s) => [s.name, s.kind, s.headerRow])).toEqual([
      ["マネジメントレビュー", "review", 3],
      ["個人情報管理台帳", "ledger", 3],
      ["リスク分析表", "risk", 3],
      ["教育実施記録", "training", 3],
      ["委託先管理台帳", "contractor", 3],
      ["2024年度監査", "audit", 3],
      ["法令等一覧", "law", 3],
    ]);
    expect(r.sheets.find((s) => s.kind === "ledger")?.rows).toBeGreaterThanOrEqual(20);
  });

  it("finds every planted nonconformity and nothing else", async () => {
    const r = await report();
    expect(r.findings.map(key).sort()).toEqual(planted.map(key).sort());
  });

  it("the risk analysis is scored consistently: no scoring finding, levels of every kind", async () => {
    const r = await report();
    expect(r.findings.filter((f) => f.rule.startsWith("risk/"))).toEqual([]);
    expect(r.summary.risks.incomplete).toBe(0);
    expect(r.summary.risks.high).toBeGreaterThan(0);
    expect(r.summary.risks.medium).toBeGreaterThan(0);
    expect(r.summary.risks.low).toBeGreaterThan(0);
  });

  it("severities: the past-due nonconformity is the catalogue's warning, the near miss and the 2023 scope are infos", async () => {
    const r = await report();
    const severity = (rule: string) => [...new Set(r.findings.filter((f) => f.rule === rule).map((f) => f.severity))];
    expect(severity("audit/open-nonconformity")).toEqual(["warning"]);
    expect(severity("contractor/name-near-miss")).toEqual(["info"]);
    expect(severity("ledger/2023-category-missing")).toEqual(["info"]);
    expect(severity("training/overdue")).toEqual(["error"]);
  });

  it("messages name departments and employment types, never the people in the training and audit records", async () => {
    const r = await report();
    const people = ["岸 健二", "吉田 由美", "山本 大輔", "高橋 健", "佐藤 花子"];
    for (const f of r.findings.filter((x) => x.rule.startsWith("training/") || x.rule.startsWith("audit/"))) {
      for (const name of people) expect(`${f.message.ja} ${f.message.en}`).not.toContain(name);
    }
  });
});
