import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { checkWorkbook, ruleCatalogue, type CellValue, type ProfileInput, type SheetGrid } from "@pmark/core";
import type { FileResult } from "../../packages/cli/src/check-file";
import { formatSarif } from "../../packages/cli/src/format/sarif";
import { loadWorkbook } from "../../packages/cli/src/load/workbook";
import { ROOT } from "./helpers";

/**
 * The SARIF output validated against the SARIF 2.1.0 JSON schema shipped by
 * @microsoft/jest-sarif. The schema is written for draft-04 (`id`, `$schema`); its keywords are
 * the same in draft-07 apart from the root `id`, so it is compiled by Ajv's draft-07 validator
 * with the root id renamed to `$id` (jest-sarif itself loads the draft-04 meta-schema instead).
 */
function sarifValidator() {
  const path = join(ROOT, "node_modules", "@microsoft", "jest-sarif", "lib", "schemas", "sarif-2.1.0-rtm.5.json");
  const schema = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  const { $schema: _draft, id, ...rest } = schema;
  // The schema's patterns are ECMA-262 without the "u" flag (one has a lone "]").
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...rest, $id: String(id) });
}

const sheet = (name: string, values: CellValue[][]): SheetGrid => ({ name, values });

const SAMPLE = join(ROOT, "templates", "samples", "個人情報管理台帳_サンプル.xlsx");

/** Accepts two of the sample's planted defects: one by profile, one rule-wide. */
const PROFILE: ProfileInput = {
  id: "sample-company",
  version: "1.0.0",
  suppressions: [
    { rule: "ledger/duplicate-id", sheet: "個人情報管理台帳", cell: "A12", reason: "紙と電子で同じ番号を使う運用(2025年度中に解消)" },
    { rule: "risk/orphan-row" },
  ],
};

describe("SARIF output", () => {
  let validate: ReturnType<typeof sarifValidator>;
  let results: FileResult[];

  beforeAll(async () => {
    validate = sarifValidator();
    const loaded = await loadWorkbook(SAMPLE);
    if (!loaded.ok) throw new Error(`sample unreadable: ${loaded.reason.code}`);
    results = [
      { file: "templates/samples/個人情報管理台帳_サンプル.xlsx", ok: true, report: checkWorkbook(loaded.grids, { today: "2025-06-30", profile: PROFILE }) },
      { file: "/tmp/clients/B社 台帳.xlsx", ok: true, report: checkWorkbook(loaded.grids, { today: "2025-06-30" }) },
      { file: "clients/壊れた.xlsx", ok: false, failure: { code: "corrupt" } },
    ];
  });

  it("is valid SARIF 2.1.0 on the sample workbook (both languages)", () => {
    for (const lang of ["ja", "en"] as const) {
      const doc = JSON.parse(formatSarif(results, lang, "0.1.0"));
      const ok = validate(doc);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
      expect(doc.runs[0].results.length).toBeGreaterThan(10);
    }
  });

  it("is valid for an empty run, and the validator does reject broken SARIF", () => {
    expect(validate(JSON.parse(formatSarif([], "en", "0.1.0")))).toBe(true);
    const doc = JSON.parse(formatSarif(results, "en", "0.1.0"));
    doc.runs[0].results[0].level = "fatal";
    expect(validate(doc)).toBe(false);
    const noVersion = JSON.parse(formatSarif(results, "en", "0.1.0"));
    delete noVersion.version;
    expect(validate(noVersion)).toBe(false);
    const badRegion = JSON.parse(formatSarif(results, "en", "0.1.0"));
    badRegion.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(badRegion)).toBe(false);
  });

  it("marks a finding accepted in a note column as an in-source suppression, still valid", () => {
    const grids = [
      sheet("台帳", [
        ["No.", "個人情報の名称", "利用目的", "保管場所", "保管方法", "アクセス権を有する者", "保管期間", "備考"],
        [1, "顧客名簿", null, "事務所", "施錠", "営業部", "5年", "例外承認 ledger/required-empty 理由: 原本は本社"],
      ]),
    ];
    const report = checkWorkbook(grids, { today: "2025-06-30" });
    const doc = JSON.parse(formatSarif([{ file: "a.xlsx", ok: true, report }], "en", "0.1.0"));
    expect(validate(doc)).toBe(true);
    const accepted = doc.runs[0].results.filter((r: { suppressions?: unknown }) => r.suppressions);
    expect(accepted.map((r: { ruleId: string }) => r.ruleId)).toEqual(["ledger/required-empty"]);
    expect(accepted[0].suppressions).toEqual([{ kind: "inSource", status: "accepted", justification: "accepted in the note 台帳!H2" }]);
  });

  it("describes every rule from its metadata and points each result at its descriptor", () => {
    const doc = JSON.parse(formatSarif(results, "en", "0.1.0"));
    const run = doc.runs[0];
    const rules = run.tool.driver.rules as { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string }; properties: { area: string } }[];
    const catalogue = ruleCatalogue();
    expect(rules.slice(0, catalogue.length).map((r) => r.id)).toEqual(catalogue.map((r) => r.id));
    const phase = rules.find((r) => r.id === "risk/phase-missing");
    expect(phase).toMatchObject({
      name: "RiskPhaseMissing",
      shortDescription: { text: "A ledger item lacks risk analysis for a phase that applies to it." },
      fullDescription: { text: expect.stringContaining("(構築・運用指針 J.3.1.3)") },
      help: { text: expect.stringContaining("台帳の個人情報について") },
      defaultConfiguration: { level: "error" },
      properties: { area: "risk", clause: "構築・運用指針 J.3.1.3" },
    });
    expect(rules.find((r) => r.id === "cell/invalid-value")?.defaultConfiguration.level).toBe("warning");
    for (const res of run.results) expect(rules[res.ruleIndex]?.id).toBe(res.ruleId);
  });

  it("maps rows, columns, sheets and accepted findings", () => {
    const doc = JSON.parse(formatSarif(results, "ja", "0.1.0"));
    const run = doc.runs[0];
    const dup = run.results.find((r: { ruleId: string }) => r.ruleId === "ledger/duplicate-id");
    expect(dup.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "templates/samples/%E5%80%8B%E4%BA%BA%E6%83%85%E5%A0%B1%E7%AE%A1%E7%90%86%E5%8F%B0%E5%B8%B3_%E3%82%B5%E3%83%B3%E3%83%97%E3%83%AB.xlsx", index: 0 },
      region: { startLine: 12, startColumn: 1 },
    });
    expect(dup.locations[0].logicalLocations[0]).toMatchObject({ fullyQualifiedName: "個人情報管理台帳!A12" });
    expect(dup.suppressions).toEqual([{ kind: "external", status: "accepted", justification: "紙と電子で同じ番号を使う運用(2025年度中に解消)" }]);
    const orphan = run.results.find((r: { ruleId: string }) => r.ruleId === "risk/orphan-row");
    expect(orphan.suppressions).toEqual([{ kind: "external", status: "accepted" }]);
    // The second file has no profile: nothing is suppressed there.
    const second = run.results.filter((r: { locations: { physicalLocation: { artifactLocation: { index: number } } }[] }) => r.locations[0]?.physicalLocation.artifactLocation.index === 1);
    expect(second.length).toBeGreaterThan(0);
    expect(second.every((r: { suppressions?: unknown }) => r.suppressions === undefined)).toBe(true);
    expect(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual([
      expect.stringContaining("templates/samples/"),
      "file:///tmp/clients/B%E7%A4%BE%20%E5%8F%B0%E5%B8%B3.xlsx",
      "clients/%E5%A3%8A%E3%82%8C%E3%81%9F.xlsx",
    ]);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.index).toBe(2);
  });
});
