/**
 * The .xlsx writer (packages/cli/src/template-xlsx.ts) and `pmark template`: what ExcelJS reads
 * back from the file, byte-for-byte reproducibility, the command's arguments and exit codes.
 * The bundled CLI's `pmark template` end to end is in tests/cli/bundle.test.ts.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliIo } from "../../packages/cli/src/cli";
import { loadWorkbook } from "../../packages/cli/src/load/workbook";
import { templateXlsx } from "../../packages/cli/src/template-xlsx";
import { resolveProfile } from "../../packages/core/src/profile/resolve";
import { buildTemplate } from "../../packages/core/src/templates/build";
import { readTemplateMeta } from "../../packages/core/src/templates/meta";
import { tempDir } from "./helpers";

function io(): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env: {},
    out: () => out,
    err: () => err,
  };
}

let dir: string;
beforeAll(() => {
  dir = tempDir();
});

describe("template .xlsx writer", () => {
  it("writes styled sheets, a hidden metadata sheet, frozen headers, dropdowns with help, level colours and formulas with cached results", async () => {
    const spec = buildTemplate(resolveProfile(), "ja");
    const bytes = await templateXlsx(spec);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
    expect(wb.worksheets.map((w) => `${w.name}:${w.state}`)).toEqual(spec.sheets.map((s) => `${s.name}:${s.hidden ? "hidden" : "visible"}`));
    // Excel recalculates on open (ExcelJS does not read calcPr back, so look at the part itself).
    const workbookXml = await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")?.async("string");
    expect(workbookXml).toContain('fullCalcOnLoad="1"');

    const risk = wb.getWorksheet("リスク分析表");
    if (!risk) throw new Error("no risk sheet");
    expect(risk.getCell("A1").value).toBe("リスク分析表");
    expect(risk.getRow(4).values).toEqual([undefined, ...(spec.sheets[1]?.columns.map((c) => c.header) ?? [])]);
    expect(risk.getCell("A4").font?.bold).toBe(true);
    expect(risk.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 4 });
    expect(risk.getColumn(4).width).toBe(30);

    // Example rows: formula + the result core computed; empty table rows: formula + "".
    const g5 = risk.getCell("G5").value as ExcelJS.CellFormulaValue;
    expect(g5.formula.startsWith("IF(OR(E5=\"\",F5=\"\")")).toBe(true);
    expect(g5.result).toBe(4);
    expect((risk.getCell("H7").value as ExcelJS.CellFormulaValue).result).toBe("高");
    const g504 = risk.getCell("G504").value as ExcelJS.CellFormulaValue;
    expect(g504.formula).toContain("E504");
    expect(risk.getCell("G505").value).toBeNull();

    // ExcelJS reads a range's validation back onto each of its cells.
    expect(risk.getCell("E5").dataValidation).toMatchObject({ type: "list", formulae: ['"1,2,3"'], errorStyle: "stop" });
    expect(risk.getCell("E504").dataValidation).toMatchObject({ type: "list", formulae: ['"1,2,3"'], errorStyle: "stop" });
    expect(risk.getCell("E505").dataValidation).toBeUndefined();
    expect(risk.getCell("C5").dataValidation).toMatchObject({ type: "list", errorStyle: "warning" });
    expect(risk.getCell("C5").dataValidation.formulae?.[0]).toContain("委託・提供");
    expect(risk.getCell("D5").dataValidation).toMatchObject({ showInputMessage: true });
    expect(risk.getCell("D5").dataValidation.prompt).toContain("漏えい");

    const cf = (risk as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf.map((c) => `${c.ref} ${c.rules.map((r) => r.formulae[0]).join(" ")}`)).toEqual(['H5:H504 "高" "中" "低"', 'M5:M504 "高" "中" "低"']);

    const ledger = wb.getWorksheet("個人情報管理台帳");
    expect(ledger?.getCell("A5").value).toBe("記入例");
    expect(ledger?.getCell("Y5").numFmt).toBe("yyyy/mm/dd");
    const meta = wb.getWorksheet("_pmark");
    expect(meta?.getCell("A1").value).toBe("pmark-template");
    expect(meta?.getCell("B9").value).toBe(spec.fingerprint);
  });

  it("puts a dropdown list too long to write inline on the hidden sheet, and points the validation at it", async () => {
    const phases = Array.from({ length: 12 }, (_, i) => ({
      id: `p${i}`,
      label: { ja: `局面${i}:取得から廃棄までの長い名前の局面`, en: `Phase ${i}, with a comma and a rather long name` },
      synonyms: [],
    }));
    const spec = buildTemplate(resolveProfile({ id: "long", version: "1.0.0", phases }), "en");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await templateXlsx(spec)).buffer);
    const risk = wb.getWorksheet("Risk analysis");
    expect(risk?.getCell("C5").dataValidation.formulae).toEqual(["'_pmark'!$D$1:$D$12"]);
    const meta = wb.getWorksheet("_pmark");
    expect(meta?.getCell("D1").value).toBe(phases[0]?.label.en);
    expect(meta?.getCell("D12").value).toBe(phases[11]?.label.en);
  });

  it("gives identical bytes for the same spec", async () => {
    const spec = buildTemplate(resolveProfile(), "en");
    expect((await templateXlsx(spec)).equals(await templateXlsx(spec))).toBe(true);
  });
});

describe("pmark template", () => {
  it("writes the default profile's template; pmark reads its metadata back", async () => {
    mkdirSync(join(dir, "sub"));
    const out = join(dir, "sub", "t.xlsx");
    const s = io();
    expect(await runCli(["template", "--out", out], s)).toBe(0);
    expect(s.out()).toContain("t.xlsx を書き出しました (プロファイル jisq15001 1.0.0、日本語)");
    const loaded = await loadWorkbook(out);
    if (!loaded.ok) throw new Error(loaded.reason.code);
    expect(readTemplateMeta(loaded.grids)?.fingerprint).toBe(buildTemplate(resolveProfile(), "ja").fingerprint);
    expect(loaded.grids.map((g) => g.name)).toContain("_pmark");
  });

  it("takes a profile file and --lang en", async () => {
    const profile = join(dir, "acme.json");
    writeFileSync(profile, JSON.stringify({ id: "acme", version: "3.1.0", phases: [{ id: "acquire", label: { ja: "取得", en: "Acquire" }, synonyms: [] }] }));
    const out = join(dir, "acme-en.xlsx");
    const s = io();
    expect(await runCli(["template", "--profile", profile, "--lang", "en", "--out", out], s)).toBe(0);
    expect(s.out()).toBe(`wrote ${out} (profile acme 3.1.0, English)\n`);
    const loaded = await loadWorkbook(out);
    if (!loaded.ok) throw new Error(loaded.reason.code);
    const meta = readTemplateMeta(loaded.grids);
    expect([meta?.profileId, meta?.profileVersion, meta?.lang]).toEqual(["acme", "3.1.0", "en"]);
  });

  it("refuses bad arguments with exit 2 and one line", async () => {
    const x = join(dir, "x.xlsx");
    const cases: [string[], string][] = [
      [["template", "--lang", "en"], "--out FILE.xlsx"],
      [["template", "--lang", "en", "--out", join(dir, "x.csv")], ".xlsx"],
      [["template", "--lang", "en", "--out", x, "--format", "json"], "--format does not apply to pmark template"],
      [["template", "--lang", "en", "extra.xlsx", "--out", x], "reads no files"],
      [["template", "--lang", "fr", "--out", x], "ja か en"],
      [["template", "--lang", "en", "--profile", "nope", "--out", x], "unknown profile: nope"],
      [["check", "--lang", "en", "a.xlsx", "--out", x], "--out does not apply to pmark check"],
    ];
    for (const [argv, message] of cases) {
      const s = io();
      expect(await runCli(argv, s), argv.join(" ")).toBe(2);
      expect(s.err(), argv.join(" ")).toContain(message);
      expect(existsSync(x)).toBe(false);
    }
    const s = io();
    mkdirSync(join(dir, "taken.xlsx"));
    expect(await runCli(["template", "--lang", "en", "--out", join(dir, "taken.xlsx")], s)).toBe(2);
    expect(s.err()).toMatch(/^pmark: ".*taken\.xlsx" is a folder; give a file name\n$/);
  });
});
