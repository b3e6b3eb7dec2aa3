import { describe, expect, it } from "vitest";
import type { FileResult } from "../../packages/cli/src/check-file";
import { formatJson } from "../../packages/cli/src/format/json";
import { artifactUri, formatSarif, sheetCellName } from "../../packages/cli/src/format/sarif";
import { exitStatus } from "../../packages/cli/src/format/summary";
import { departmentLine, displayWidth, formatText, heatMapLines } from "../../packages/cli/src/format/text";
import type { ReportOverview, WorkbookReport } from "@pmark/core";
import { useColour } from "../../packages/cli/src/cli";
import { cleanReport, finding, sampleReport } from "./helpers";

const ok = (file: string, report = sampleReport()): FileResult => ({ file, ok: true, report });
const broken = (file: string): FileResult => ({ file, ok: false, failure: { code: "encrypted" } });

/** A hand-made overview: 1–3 scales, both grids, two departments, one phase nobody is subject to. */
function overview(): ReportOverview {
  return {
    heatMap: {
      likelihood: { min: 1, max: 3 },
      impact: { min: 1, max: 3 },
      before: [
        [8, 3, 0],
        [2, 5, 1],
        [0, 1, 4],
      ],
      after: [
        [12, 3, 0],
        [0, 1, 0],
        [0, 0, 0],
      ],
      unplaced: { before: 1, after: 20 },
      columns: { before: true, after: true },
    },
    coverage: {
      phased: true,
      phases: [
        { phase: "acquire", label: { ja: "取得・入力", en: "Acquisition and input" }, applicable: 18, analysed: 18 },
        { phase: "entrust", label: { ja: "委託・提供", en: "Entrustment and provision" }, applicable: 0, analysed: 0 },
        { phase: "dispose", label: { ja: "消去・廃棄", en: "Erasure and disposal" }, applicable: 18, analysed: 17 },
      ],
      departments: [
        { department: "人事部", items: 6, analysed: 5, findings: 3, errors: 2 },
        { department: "", items: 1, analysed: 0, findings: 1, errors: 1 },
      ],
    },
    readiness: {
      score: 72,
      components: [
        { id: "columns", weight: 20, ratio: 1, met: 7, of: 7 },
        { id: "rows", weight: 20, ratio: 0.75, met: 3, of: 4 },
        { id: "phases", weight: 25, ratio: 0.5, met: 2, of: 4 },
        { id: "scoring", weight: 15, ratio: 1, met: 30, of: 30 },
        { id: "areas", weight: 20, ratio: 0.6, met: 3, of: 5 },
      ],
    },
  };
}

const withOverview = (): WorkbookReport => ({ ...cleanReport(), overview: overview() });

describe("formatText: overview", () => {
  it("shows the heat map, readiness, phase and department coverage after the summary (ja)", () => {
    const out = formatText([ok("a.xlsx", withOverview())], "ja");
    expect(out).toBe(
      [
        "a.xlsx",
        "  指摘はありません",
        " エラー 0・警告 0・情報 0・承認済み 0 / リスク: 高 0・中 0・低 0・未評価 0",
        " リスクマップ(行: 発生可能性、列: 影響度)",
        "   対策前            対策後(残存)",
        "   発\\影  1  2  3    発\\影  1  2  3",
        "       3  0  1  4        3  0  0  0",
        "       2  2  5  1        2  0  1  0",
        "       1  8  3  0        1 12  3  0",
        "   マップ外(評価を読めない行): 対策前 1・対策後 20",
        " 準備度 72/100 / 局面別の分析済み項目: 取得・入力 18/18・消去・廃棄 17/18",
        " 部署別(分析済み/項目・指摘): 人事部 5/6・指摘3、(部署なし) 0/1・指摘1",
        "",
      ].join("\n"),
    );
  });

  it("speaks English with --lang en", () => {
    const out = formatText([ok("a.xlsx", withOverview())], "en");
    expect(out).toContain(
      [
        " risk map (rows: likelihood, columns: impact)",
        "   before measures    after measures (residual)",
        "   L\\I  1  2  3       L\\I  1  2  3",
        "     3  0  1  4         3  0  0  0",
        "     2  2  5  1         2  0  1  0",
        "     1  8  3  0         1 12  3  0",
        "   not on the map (ratings missing or unreadable): 1 before, 20 after measures",
        " readiness 72/100 / items analysed per phase: Acquisition and input 18/18, Erasure and disposal 17/18",
        " per department (analysed/items, findings): 人事部 5/6, 3 findings; (no department) 0/1, 1 finding",
      ].join("\n"),
    );
  });

  it("shows the before grid alone without residual columns, one line without ratings, and no department line without departments", () => {
    const o = overview();
    o.heatMap.after = o.heatMap.after.map((r) => r.map(() => 0));
    o.heatMap.columns.after = false;
    expect(heatMapLines(o.heatMap, "en")).toEqual([
      " risk map (rows: likelihood, columns: impact)",
      "   before measures",
      "   L\\I  1  2  3",
      "     3  0  1  4",
      "     2  2  5  1",
      "     1  8  3  0",
      "   not on the map (ratings missing or unreadable): 1 before measures",
      "   after measures: no residual likelihood and impact columns",
    ]);
    o.heatMap.before = o.heatMap.before.map((r) => r.map(() => 0));
    expect(heatMapLines(o.heatMap, "ja")).toEqual([" リスクマップ: 発生可能性と影響度を読める行がありません"]);
    o.coverage.departments = [{ department: "", items: 3, analysed: 3, findings: 0, errors: 0 }];
    expect(departmentLine(o.coverage, "ja")).toBeNull();
  });

  it("widens the grid for large counts and scales beyond 3, and marks sheets without phases", () => {
    const o = overview();
    o.heatMap.likelihood = { min: 1, max: 5 };
    o.heatMap.before = [[123, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 7]];
    o.heatMap.after = o.heatMap.before.map((r) => r.map(() => 0));
    o.coverage.phased = false;
    const out = formatText([ok("a.xlsx", { ...cleanReport(), overview: o })], "en");
    expect(out).toContain("   L\\I   1   2   3    L\\I   1   2   3\n     5   0   0   7      5   0   0   0\n");
    expect(out).toContain("     1 123   0   0");
    expect(out).toContain("Erasure and disposal 17/18 (no phase column)");
  });

  it("measures East Asian wide characters as two columns", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("対策前")).toBe(6);
    expect(displayWidth("ＡＢ")).toBe(4);
    expect(displayWidth("ｶﾅ")).toBe(2);
  });
});

describe("formatText", () => {
  it("groups findings by sheet in workbook order, sorted by row and column (ja)", () => {
    const out = formatText([ok("a.xlsx")], "ja");
    expect(out).toBe(
      [
        "a.xlsx",
        " 台帳 [個人情報管理台帳]",
        "  C5   error    ledger/required-empty  利用目的が空です",
        "  AA5  error    ledger/review-overdue  見直しが期限切れです  [承認済み]",
        "  F12  warning  cell/invalid-value     件数を数値として読めません  (全角数字)",
        " リスク分析 [リスク分析表]",
        "  E2   info     risk/flat-scoring      ほぼすべての行が同じレベルです",
        "  B7   error    risk/phase-missing     「顧客名簿」の廃棄の局面にリスク分析がありません",
        " エラー 2・警告 1・情報 1・承認済み 1 / リスク: 高 2・中 7・低 30・未評価 1",
        "",
      ].join("\n"),
    );
  });

  it("speaks English with --lang en", () => {
    const out = formatText([ok("a.xlsx")], "en");
    expect(out).toContain(" 台帳 [personal-information ledger]");
    expect(out).toContain("  AA5  error    ledger/review-overdue  the review is overdue  [accepted]");
    expect(out).toContain("  F12  warning  cell/invalid-value     the count is not a number  (全角数字)");
    expect(out).toContain(" 2 errors, 1 warning, 1 info, 1 accepted / risks: 2 high, 7 medium, 30 low, 1 incomplete");
  });

  it("says so when a file has no findings, and adds a grand total for several files", () => {
    const out = formatText([ok("a.xlsx"), ok("b.xlsx", cleanReport()), broken("c.xlsx")], "en");
    expect(out).toContain("b.xlsx\n  no findings\n 0 errors,");
    expect(out).not.toContain("c.xlsx");
    expect(out.trimEnd().split("\n").at(-1)).toBe(
      "3 files (2 checked, 1 unreadable): 2 errors, 1 warning, 1 info, 1 accepted / risks: 2 high, 7 medium, 30 low, 1 incomplete",
    );
    expect(formatText([ok("a.xlsx"), ok("b.xlsx")], "ja")).toContain("全 2 ファイル (検査 2・読めない 0): エラー 4・警告 2");
  });

  it("puts workbook-level findings and unknown sheets after the listed sheets", () => {
    const report = cleanReport();
    report.findings = [
      finding({ rule: "sheet/missing", sheet: "", cell: "A1", row: 1, col: 1 }),
      finding({ rule: "header/missing-column", sheet: "台帳", cell: "A1", row: 1, col: 1, severity: "warning" }),
    ];
    const out = formatText([ok("a.xlsx", report)], "ja");
    expect(out.indexOf(" 台帳 [個人情報管理台帳]")).toBeLessThan(out.indexOf(" (ブック全体)"));
  });

  it("prints nothing for a lone unreadable file (its line goes to stderr)", () => {
    expect(formatText([broken("c.xlsx")], "ja")).toBe("");
  });

  it("colours only when asked", () => {
    expect(formatText([ok("a.xlsx")], "ja")).not.toContain("\x1b[");
    const coloured = formatText([ok("a.xlsx")], "ja", { colour: true });
    expect(coloured).toContain("\x1b[31merror  \x1b[0m");
    expect(coloured).toContain("\x1b[33mwarning\x1b[0m");
  });

  it("colour needs a TTY and no NO_COLOR", () => {
    const tty = { isTTY: true, write: () => true };
    expect(useColour(tty, {})).toBe(true);
    expect(useColour(tty, { NO_COLOR: "1" })).toBe(false);
    expect(useColour(tty, { NO_COLOR: "" })).toBe(true);
    expect(useColour({ isTTY: false, write: () => true }, {})).toBe(false);
  });
});

describe("formatJson", () => {
  it("has exactly PRODUCT.md §5's shape", () => {
    const doc = JSON.parse(formatJson([ok("a.xlsx"), broken("秘密.xlsx")]));
    expect(Object.keys(doc)).toEqual(["files"]);
    const [file, failed] = doc.files;
    expect(Object.keys(file)).toEqual(["file", "sheets", "findings", "summary"]);
    expect(file.file).toBe("a.xlsx");
    expect(file.sheets).toEqual([
      { name: "台帳", kind: "ledger", headerRow: 3, rows: 42 },
      { name: "リスク分析", kind: "risk", headerRow: 2, rows: 10 },
    ]);
    expect(file.summary).toEqual({
      errors: 2,
      warnings: 1,
      infos: 1,
      accepted: 1,
      risks: { high: 2, medium: 7, low: 30, incomplete: 1 },
    });
    expect(file.findings.map((f: { cell: string }) => f.cell)).toEqual(["C5", "AA5", "F12", "E2", "B7"]);
    expect(file.findings[4]).toEqual({
      rule: "risk/phase-missing",
      severity: "error",
      sheet: "リスク分析",
      cell: "B7",
      row: 7,
      col: 2,
      message: { ja: "「顧客名簿」の廃棄の局面にリスク分析がありません", en: "顧客名簿 has no risk analysis for disposal" },
    });
    expect(file.findings[2].hint).toBe("全角数字");
    expect(file.findings[1].accepted).toBe(true);
    expect("accepted" in file.findings[0]).toBe(false);
    for (const f of file.findings) {
      expect(Object.keys(f).every((k) => ["rule", "severity", "sheet", "cell", "row", "col", "message", "hint", "accepted"].includes(k))).toBe(true);
    }
    expect(failed).toEqual({
      file: "秘密.xlsx",
      error: {
        code: "encrypted",
        message: {
          ja: expect.stringContaining("「秘密.xlsx」を読めません: パスワード"),
          en: expect.stringContaining('cannot read "秘密.xlsx": it is password-protected'),
        },
      },
    });
  });
});

describe("formatJson: overview", () => {
  it("adds each file's overview after the documented keys, which stay unchanged", () => {
    const doc = JSON.parse(formatJson([ok("a.xlsx", withOverview()), ok("b.xlsx")]));
    const [withIt, without] = doc.files;
    expect(Object.keys(withIt)).toEqual(["file", "sheets", "findings", "summary", "overview"]);
    expect(Object.keys(without)).toEqual(["file", "sheets", "findings", "summary"]);
    expect(withIt.overview).toEqual(overview());
    expect(Object.keys(withIt.overview)).toEqual(["heatMap", "coverage", "readiness"]);
    expect(withIt.overview.readiness.score).toBe(72);
  });
});

describe("formatSarif", () => {
  it("gives ruleId, level, the workbook, startLine/startColumn and Sheet!A1", () => {
    const doc = JSON.parse(formatSarif([ok("dir/台帳 1.xlsx"), broken("c.xlsx")], "en", "9.9.9"));
    expect(doc.version).toBe("2.1.0");
    const run = doc.runs[0];
    expect(run.tool.driver).toMatchObject({ name: "pmark", version: "9.9.9" });
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain("risk/phase-missing");
    expect(run.results).toHaveLength(5);
    const last = run.results[4];
    expect(last).toMatchObject({
      ruleId: "risk/phase-missing",
      level: "error",
      message: { text: "顧客名簿 has no risk analysis for disposal" },
    });
    expect(last.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "dir/%E5%8F%B0%E5%B8%B3%201.xlsx", index: 0 },
      region: { startLine: 7, startColumn: 2 },
    });
    expect(run.artifacts).toEqual([{ location: { uri: "dir/%E5%8F%B0%E5%B8%B3%201.xlsx" } }, { location: { uri: "c.xlsx" } }]);
    // Every result points at its rule's descriptor; ids outside the catalogue get a bare one.
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(run.tool.driver.rules.find((r: { id: string }) => r.id === "ledger/required-empty")).toMatchObject({
      shortDescription: { text: expect.any(String) },
      defaultConfiguration: { level: "error" },
      properties: { area: "ledger", clause: "構築・運用指針 J.3.1.1 / JIS Q 15001:2023 6.1" },
    });
    // A clause number not confirmed against the 2023 text says so.
    expect(run.tool.driver.rules.find((r: { id: string }) => r.id === "contractor/no-agreement").properties.clauseUnconfirmed).toEqual(["J.9.4"]);
    expect(last.locations[0].logicalLocations[0].fullyQualifiedName).toBe("リスク分析!B7");
    expect(run.results[2].level).toBe("warning");
    expect(run.results[3].level).toBe("note");
    expect(run.results[1].suppressions).toEqual([{ kind: "external", status: "accepted" }]);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain('cannot read "c.xlsx"');
  });

  it("quotes sheet names as Excel does", () => {
    expect(sheetCellName("台帳", "B7")).toBe("台帳!B7");
    expect(sheetCellName("My Sheet", "B7")).toBe("'My Sheet'!B7");
    expect(sheetCellName("O'Brien", "A1")).toBe("'O''Brien'!A1");
    expect(sheetCellName("AB12", "A1")).toBe("'AB12'!A1");
    expect(artifactUri("a\\b c.xlsx")).toBe("a/b%20c.xlsx");
    expect(artifactUri("/tmp/x.xlsx")).toBe("file:///tmp/x.xlsx");
  });
});

describe("exitStatus", () => {
  it("0 without errors, 1 with an unaccepted error, 2 when an input could not be read", () => {
    expect(exitStatus([ok("a", cleanReport())])).toBe(0);
    expect(exitStatus([ok("a")])).toBe(1);
    expect(exitStatus([ok("a", cleanReport()), broken("b")])).toBe(2);
    expect(exitStatus([ok("a"), broken("b")])).toBe(2);
    const onlyAccepted = cleanReport();
    onlyAccepted.findings = [finding({ rule: "risk/orphan-row", sheet: "台帳", cell: "A2", row: 2, col: 1, accepted: true })];
    expect(exitStatus([ok("a", onlyAccepted)])).toBe(0);
    const warnings = cleanReport();
    warnings.findings = [finding({ rule: "risk/orphan-row", sheet: "台帳", cell: "A2", row: 2, col: 1, severity: "warning" })];
    expect(exitStatus([ok("a", warnings)])).toBe(0);
  });
});
