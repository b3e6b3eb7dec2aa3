/**
 * Each built-in profile on a workbook in its own style (workbooks.ts): clean, it gives no
 * finding at all (no error, warning or info); with one planted scoring mistake, exactly one
 * `risk/score-mismatch` at the planted cell. Then what each profile changes, side by side with
 * the default profile on the same sheets.
 */
import { describe, expect, it } from "vitest";
import type { CheckOptions } from "../../../packages/core/src/check";
import type { SheetGrid } from "../../../packages/core/src/grid/grid";
import { BUILTIN_PROFILE_IDS, resolveBuiltinProfile } from "../../../packages/core/src/profile/builtin/index";
import { check } from "../helpers";
import { ITEMS, ismsRisk, ledger, LEDGER, likelihoodImpactRisk, PLANTED, PPC_ITEMS, qualitativeRisk, RISK, RISK_ROWS, workbookFor, type Item } from "./workbooks";

function underProfile(id: string): CheckOptions {
  const profile = resolveBuiltinProfile(id);
  if (!profile) throw new Error(`no built-in ${id}`);
  return { profile };
}

const lines = (grids: SheetGrid[], options: CheckOptions) =>
  check(grids, options).findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell} ${f.messageId}`);

describe.each(BUILTIN_PROFILE_IDS.map((id) => [id]))("%s on a workbook in its style", (id) => {
  it("checks clean: no error, warning or info", () => {
    const report = check(workbookFor(id), underProfile(id));
    expect(report.sheets.map((s) => [s.name, s.kind, s.rows])).toEqual([
      [LEDGER, "ledger", 6],
      [RISK, "risk", id === "ppc-datamap" ? RISK_ROWS + 1 : RISK_ROWS],
    ]);
    expect(report.findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`)).toEqual([]);
    // Every row scored, none incomplete; not every row at the same level.
    const risks = report.summary.risks;
    expect(risks.incomplete).toBe(0);
    expect(risks.high + risks.medium + risks.low).toBe(id === "ppc-datamap" ? RISK_ROWS + 1 : RISK_ROWS);
    expect([risks.high, risks.medium, risks.low].filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it("one planted scoring mistake gives exactly one risk/score-mismatch, at its cell", () => {
    const { cell, messageId } = PLANTED[id];
    expect(lines(workbookFor(id, true), underProfile(id))).toEqual([`error risk/score-mismatch ${RISK}!${cell} ${messageId}`]);
  });
});

describe("what each profile changes", () => {
  it("jisq15001 by id is the default profile", () => {
    for (const plant of [false, true]) {
      const grids = workbookFor("jisq15001", plant);
      expect(check(grids, underProfile("jisq15001")).findings).toEqual(check(grids).findings);
    }
  });

  describe("ppc-datamap", () => {
    it("knows the toolkit's spellings of the transfer safeguard; the default profile does not see the column", () => {
      const grids = workbookFor("ppc-datamap");
      expect(lines(grids, underProfile("ppc-datamap"))).toEqual([]);
      expect(lines(grids, {})).toEqual([`warning ledger/overseas-provision-unspecified ${LEDGER}!O5 noSafeguard`]);
    });

    it("a contractor abroad with no safeguard recorded is an error (a warning under jisq15001)", () => {
      const items: Item[] = PPC_ITEMS.map((it) => (it.id === "P-002" ? { ...it, safeguard: "" } : it));
      const grids = [ledger({ ppc: true, items }), likelihoodImpactRisk(items)];
      expect(lines(grids, underProfile("ppc-datamap"))).toEqual([`error ledger/overseas-provision-unspecified ${LEDGER}!O5 noSafeguard`]);
      expect(lines(grids, underProfile("jisq15001"))).toEqual([`warning ledger/overseas-provision-unspecified ${LEDGER}!O5 noSafeguard`]);
    });

    it("expects the country and safeguard columns (warnings); jisq15001 does not", () => {
      const grids = [ledger({ items: PPC_ITEMS }), likelihoodImpactRisk(PPC_ITEMS)];
      expect(lines(grids, underProfile("ppc-datamap"))).toEqual([
        `warning header/missing-column ${LEDGER}!A3 expectedMissing`,
        `warning header/missing-column ${LEDGER}!A3 expectedMissing`,
        `error ledger/overseas-provision-unspecified ${LEDGER}!O5 noSafeguard`,
      ]);
      expect(check(grids, underProfile("ppc-datamap")).findings.filter((f) => f.messageId === "expectedMissing").map((f) => f.data?.fieldEn)).toEqual(['"Country"', '"Transfer safeguard"']);
      // The contractor's own words name the country: without a safeguard column only the safeguard is missing.
      expect(lines(grids, underProfile("jisq15001"))).toEqual([`warning ledger/overseas-provision-unspecified ${LEDGER}!O5 noSafeguard`]);
    });
  });

  describe("isms-asset", () => {
    it("an asset sheet with no phase column: one header warning for the phase, no risk/phase-missing per item", () => {
      const grids = [ledger(), ismsRisk(ITEMS, { phases: false })];
      expect(lines(grids, underProfile("isms-asset"))).toEqual([`warning header/missing-column ${RISK}!A3 phaseColumnMissing`]);
    });

    it("資産価値 may be left out: the asset value is then the maximum of 機密性・完全性・可用性", () => {
      const full = ismsRisk(ITEMS, { plant: true });
      const col = full.values[2]?.indexOf("資産価値") ?? -1;
      expect(col).toBeGreaterThan(0);
      const withoutAsset: SheetGrid = { name: full.name, values: full.values.map((row) => row.filter((_, c) => c !== col)) };
      // リスク値 moves one column left (K → J).
      expect(lines([ledger(), withoutAsset], underProfile("isms-asset"))).toEqual([`error risk/score-mismatch ${RISK}!J8 score`]);
    });

    it("a likelihood × impact sheet under isms-asset is reported as lacking the model's columns, not scored another way", () => {
      const report = check([ledger(), likelihoodImpactRisk(ITEMS)], underProfile("isms-asset"));
      const incomplete = report.findings.filter((f) => f.rule === "risk/incomplete-scoring");
      expect(incomplete.map((f) => `${f.sheet}!${f.cell} ${f.messageId}`)).toEqual([`${RISK}!A3 noColumn`]);
      expect(incomplete[0]?.data?.fieldsEn).toBe('"Asset value", "Threat", "Vulnerability"');
    });

    it("a sensitive item rated below asset value 3 is below the floor", () => {
      const grid = ismsRisk(ITEMS);
      // P-005 健康診断結果: its first row; 機密性 E, 資産価値 H.
      const row = grid.values.findIndex((r) => r[0] === "P-005");
      const values = grid.values.map((r, k) => (k === row ? r.map((v, c) => (c === 4 || c === 7 ? 2 : c === 10 ? 2 * 2 * 2 : v)) : r));
      expect(lines([ledger(), { name: RISK, values }], underProfile("isms-asset"))).toEqual([`warning risk/sensitive-impact-floor ${RISK}!H${row + 1} belowFloor`]);
    });
  });

  describe("qualitative", () => {
    it("the level must agree with the impact; the default profile reads the level column as given", () => {
      const grids = workbookFor("qualitative", true);
      expect(lines(grids, underProfile("qualitative"))).toEqual([`error risk/score-mismatch ${RISK}!${PLANTED.qualitative.cell} level`]);
      // jisq15001 infers a qualitative model from the level column: the wrong 低 is taken at its word.
      expect(lines(grids, {})).toEqual([`warning risk/residual-exceeds-inherent ${RISK}!H19 higherLevel`]);
    });

    it("大 is the floor for sensitive, payment and My Number data", () => {
      const grid = qualitativeRisk(ITEMS);
      const row = grid.values.findIndex((r) => r[0] === "P-006");
      const values = grid.values.map((r, k) => (k === row ? r.map((v, c) => (c === 4 ? "中" : c === 5 ? "中" : c === 7 ? "小" : v)) : r));
      expect(lines([ledger(), { name: RISK, values }], underProfile("qualitative"))).toEqual([`warning risk/sensitive-impact-floor ${RISK}!E${row + 1} belowFloor`]);
    });
  });

  it("a profile that extends a built-in checks like it", () => {
    const grids = workbookFor("isms-asset", true);
    const child = { id: "acme", version: "1.0.0", extends: "isms-asset", rules: { "risk/flat-scoring": "off" as const } };
    expect(lines(grids, { profile: child })).toEqual([`error risk/score-mismatch ${RISK}!${PLANTED["isms-asset"].cell} score`]);
  });
});
