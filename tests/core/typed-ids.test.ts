import { describe, expect, it } from "vitest";
import { defineRule } from "../../packages/core/src/rules/define";
import { isRuleId, RULE_IDS, type RuleSeverities } from "../../packages/core/src/rules/ids";
import { RULES } from "../../packages/core/src/rules/index";
import { AUDIT, ledgerCell, riskCell } from "../../packages/core/src/rules/fields";
import type { LedgerItem, RiskEntry } from "../../packages/core/src/model/records";
import type { RecognisedSheet } from "../../packages/core/src/recognise/sheet";
import { ruleTable } from "./helpers";

/**
 * Rule ids are a type derived from the catalogue and the rules' field names are the glossary's
 * field ids of their sheet kind: the `@ts-expect-error` lines below fail the
 * type check (`npm run typecheck`, part of `npm test`) the day a misspelt id compiles again.
 * They sit in a function that never runs.
 */
export function misspeltIdsDoNotCompile(): unknown[] {
  const messages = { m: { ja: "あ", en: "a" } };
  return [
    // @ts-expect-error a misspelt id in defineRule
    defineRule({ meta: { id: "ledger/requred-empty", area: "ledger", defaultSeverity: "error", description: { ja: "", en: "" }, messages }, check() {} }),
    // @ts-expect-error an id of one area with another area
    defineRule({ meta: { id: "ledger/required-empty", area: "risk", defaultSeverity: "error", description: { ja: "", en: "" }, messages }, check() {} }),
    // @ts-expect-error a misspelt id in a profile's severity table
    { "risk/phase-mising": "off" } satisfies RuleSeverities,
    // @ts-expect-error a misspelt id in the rule tests' table helper
    ruleTable("review/overdu", { valid: [], invalid: [] }),
  ];
}

export function misspeltFieldsDoNotCompile(item: LedgerItem, entry: RiskEntry, sheet: RecognisedSheet): unknown[] {
  return [
    // @ts-expect-error a misspelt ledger field
    ledgerCell(item, "consnet"),
    // @ts-expect-error a field of another kind (risk) on a ledger item
    ledgerCell(item, "likelihood"),
    // @ts-expect-error a misspelt risk field
    riskCell(entry, "acceptence"),
    // @ts-expect-error a ledger field on an audit sheet
    AUDIT.cell(sheet, 1, "purpose"),
  ];
}

describe("rule ids", () => {
  it("the catalogue's ids are the implemented rules' ids", () => {
    expect(RULES.map((r) => r.meta.id)).toEqual([...RULE_IDS]);
  });

  it("isRuleId accepts catalogue ids only", () => {
    expect(isRuleId("risk/phase-missing")).toBe(true);
    expect(isRuleId("risk/phase-mising")).toBe(false);
    expect(isRuleId("risk/")).toBe(false);
  });
});
