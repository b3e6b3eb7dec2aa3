import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../packages/core/src/check";
import { RULES } from "../../packages/core/src/rules/index";
import { loadWorkbook } from "../../packages/cli/src/load/workbook";

const dir = join(__dirname, "..", "..", "templates", "samples");
const planted: { rule: string; sheet: string; cell: string }[] = JSON.parse(readFileSync(join(dir, "expected-findings.json"), "utf8"));
const implemented = new Set<string>(RULES.map((r) => r.meta.id));

describe("the bundled sample workbook", () => {
  it("finds every planted defect of the implemented rules, and nothing else", async () => {
    const loaded = await loadWorkbook(join(dir, "個人情報管理台帳_サンプル.xlsx"));
    if (!loaded.ok) throw new Error(`sample unreadable: ${loaded.reason.code}`);
    const report = checkWorkbook(loaded.grids, { today: "2025-06-30" });
    const key = (f: { rule: string; sheet: string; cell: string }) => `${f.rule} ${f.sheet}!${f.cell}`;
    const expected = planted.filter((p) => implemented.has(p.rule)).map(key).sort();
    expect(report.findings.map(key).sort()).toEqual(expected);
    // Every planted defect's rule now exists: none of them may be silently skipped.
    expect(expected.length).toBe(planted.length);
    expect(report.sheets.map((s) => s.kind)).toEqual(["unknown", "ledger", "risk", "contractor", "law", "unknown"]);
  });
});
