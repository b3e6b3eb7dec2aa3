import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../packages/core/src/check";
import { RECOGNISED_KINDS } from "../../packages/core/src/glossary/kinds";
import { DEFAULT_PHASES } from "../../packages/core/src/glossary/phases";
import { preparePlan } from "../../packages/core/src/plan/check";
import { TEXT_PREFIX } from "../../packages/core/src/plan/cells";
import { DEFAULT_PROFILE } from "../../packages/core/src/profile/default";
import { resolveProfile } from "../../packages/core/src/profile/resolve";
import type { ProfileInput } from "../../packages/core/src/profile/schema";
import { MEDIUM_CHOICES } from "../../packages/core/src/read/medium";
import { YES_NO_CHOICES } from "../../packages/core/src/read/yesno";
import { recogniseSheet } from "../../packages/core/src/recognise/sheet";
import { INPUT_ERROR_MARKER, levelLabel, modelFromProfile } from "../../packages/core/src/scoring/index";
import { buildTemplate, specFingerprint } from "../../packages/core/src/templates/build";
import { templateToPlan } from "../../packages/core/src/templates/plan";
import { rowFormula, type SheetSpec, type WorkbookSpec } from "../../packages/core/src/templates/spec";
import { specGrids, TODAY } from "./helpers";

const LANGS = ["ja", "en"] as const;
const standard = (lang: "ja" | "en") => buildTemplate(resolveProfile(), lang);

function sheetOf(spec: WorkbookSpec, kind: SheetSpec["kind"]): SheetSpec {
  const s = spec.sheets.find((x) => x.kind === kind);
  if (!s) throw new Error(`no ${kind} sheet`);
  return s;
}

function column(sheet: SheetSpec, field: string) {
  const i = sheet.columns.findIndex((c) => c.field === field);
  if (i < 0) throw new Error(`no ${field} column on ${sheet.name}`);
  return { index: i, col: i + 1, spec: sheet.columns[i] as SheetSpec["columns"][number] };
}

describe("buildTemplate", () => {
  it("is deterministic, and its fingerprint is the hash of its content", () => {
    for (const lang of LANGS) {
      const a = standard(lang);
      expect(buildTemplate(resolveProfile(), lang)).toEqual(a);
      expect(specFingerprint(a)).toBe(a.fingerprint);
      expect(a.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(standard("ja").fingerprint).not.toBe(standard("en").fingerprint);
    // Same parts in both languages: drift is judged per profile, not per language.
    expect(standard("ja").profile).toEqual(standard("en").profile);
  });

  it("writes the glossary's labels, so that every column of every sheet is recognised as its field", () => {
    for (const lang of LANGS) {
      const spec = standard(lang);
      const grids = specGrids(spec);
      spec.sheets.forEach((sheet, i) => {
        if (sheet.kind === "meta") return;
        const recognised = recogniseSheet(grids[i] as (typeof grids)[number], i);
        if (!(RECOGNISED_KINDS as readonly string[]).includes(sheet.kind)) return;
        expect(recognised.kind, `${lang} ${sheet.name}`).toBe(sheet.kind);
        expect(recognised.headerRow + 1).toBe(sheet.headerRow);
        expect(
          recognised.columns.map((m) => `${m.col + 1}:${m.field}`),
          `${lang} ${sheet.name}`,
        ).toEqual(sheet.columns.map((c, k) => `${k + 1}:${c.field}`));
      });
    }
  });

  it("an unfilled template passes pmark check with no error; it only asks for the laws' checked dates (example rows are skipped)", () => {
    for (const lang of LANGS) {
      const spec = standard(lang);
      const laws = sheetOf(spec, "law");
      const checked = String.fromCharCode(64 + column(laws, "checkedDate").col);
      const report = checkWorkbook(specGrids(spec), { today: TODAY });
      expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
      expect(
        report.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`),
        lang,
      ).toEqual(laws.rows.map((_, i) => `laws/review-overdue ${laws.name}!${checked}${laws.headerRow + 1 + i}`));
      expect(report.sheets.find((s) => s.kind === "ledger")?.rows).toBe(0);
      expect(report.sheets.find((s) => s.kind === "risk")?.rows).toBe(0);
    }
  });

  it("emits the risk model's own score and level formulas on every row, with core's results cached on the examples", () => {
    const profile = resolveProfile();
    const model = modelFromProfile(profile);
    if (!model) throw new Error("the default profile has a model");
    for (const lang of LANGS) {
      const risk = sheetOf(standard(lang), "risk");
      const L = (f: string) => String.fromCharCode(64 + column(risk, f).col);
      const score = column(risk, "score").spec;
      const level = column(risk, "level").spec;
      expect(rowFormula(score.formula ?? "", 9)).toBe(model.scoreFormula((f) => `${L(f)}9`, lang));
      expect(rowFormula(level.formula ?? "", 9)).toBe(model.levelFormula(`${L("score")}9`, lang));
      const residualRef = (f: string) => `${L(f === "likelihood" ? "residualLikelihood" : "residualImpact")}9`;
      expect(rowFormula(column(risk, "residualScore").spec.formula ?? "", 9)).toBe(model.scoreFormula(residualRef, lang));
      expect(rowFormula(column(risk, "residualLevel").spec.formula ?? "", 9)).toBe(model.levelFormula(`${L("residualScore")}9`, lang));
      expect(score.emptyResult).toBe("");
      expect(level.emptyResult).toBe("");
      // Only functions every host computes alike.
      const used = new Set([...(score.formula ?? "").matchAll(/([A-Z]+)\(/g), ...(level.formula ?? "").matchAll(/([A-Z]+)\(/g)].map((m) => m[1]));
      for (const fn of used) expect(["IF", "AND", "OR", "ISNUMBER", "INT", "MAX", "CHOOSE"]).toContain(fn);

      expect(risk.rows).toHaveLength(DEFAULT_PHASES.length);
      risk.rows.forEach((row, k) => {
        const r = risk.headerRow + 1 + k;
        const get = (f: string) => row[column(risk, f).index];
        expect(get("phase")).toBe(DEFAULT_PHASES[k]?.label[lang]);
        const e = model.evaluate({ likelihood: get("likelihood") as number, impact: get("impact") as number });
        if (!e.ok) throw new Error("examples are valid");
        expect(get("score")).toEqual({ formula: rowFormula(score.formula ?? "", r), result: e.score });
        expect(get("level")).toEqual({ formula: rowFormula(level.formula ?? "", r), result: levelLabel(e.level, lang) });
      });
    }
  });

  it("offers dropdowns for phases, yes/no, media, categories and the model's scales, with input help that fits Excel's limits", () => {
    for (const lang of LANGS) {
      const spec = standard(lang);
      const ledger = sheetOf(spec, "ledger");
      const risk = sheetOf(spec, "risk");
      expect(column(risk, "phase").spec.list?.values).toEqual(DEFAULT_PHASES.map((p) => p.label[lang]));
      for (const f of ["likelihood", "impact", "residualLikelihood", "residualImpact"]) {
        expect(column(risk, f).spec.list, f).toEqual({ values: ["1", "2", "3"], strict: true });
        expect(column(risk, f).spec.help?.text).toMatch(/1.*3/);
      }
      for (const f of ["consent", "sensitive", "myNumber", "disclosable"]) expect(column(ledger, f).spec.list?.values).toEqual([...YES_NO_CHOICES[lang]]);
      expect(column(ledger, "medium").spec.list?.values).toEqual([...MEDIUM_CHOICES[lang]]);
      for (const f of ["score", "level", "residualScore", "residualLevel"]) expect(column(risk, f).spec.computed, f).toBe(true);
      expect(risk.columns.filter((c) => c.levelColours).map((c) => c.field)).toEqual(["level", "residualLevel"]);
      expect(spec.levels.map((l) => l.label)).toEqual(lang === "ja" ? ["高", "中", "低"] : ["High", "Medium", "Low"]);
      for (const sheet of spec.sheets) {
        expect(sheet.freeze.rows).toBe(sheet.kind === "meta" ? 0 : sheet.headerRow);
        for (const c of sheet.columns) {
          expect(c.width, `${sheet.name} ${c.field}`).toBeGreaterThan(0);
          if (c.help) {
            expect(c.help.title.length, c.help.title).toBeLessThanOrEqual(32);
            expect(c.help.text.length, c.help.text).toBeLessThanOrEqual(255);
          }
          if (c.list) expect(c.list.values.join(",").length).toBeLessThanOrEqual(253);
        }
      }
    }
  });

  it("pre-fills the laws list with the core laws and guidelines and who is responsible for each", () => {
    const laws = sheetOf(standard("ja"), "law");
    const name = column(laws, "name").index;
    const authority = column(laws, "authority").index;
    const names = laws.rows.map((r) => r[name]);
    for (const expected of [
      "個人情報の保護に関する法律",
      "個人情報の保護に関する法律施行令",
      "個人情報の保護に関する法律施行規則",
      "個人情報の保護に関する法律についてのガイドライン(通則編)",
      "個人情報の保護に関する法律についてのガイドライン(外国にある第三者への提供編)",
      "個人情報の保護に関する法律についてのガイドライン(第三者提供時の確認・記録義務編)",
      "個人情報の保護に関する法律についてのガイドライン(仮名加工情報・匿名加工情報編)",
      "行政手続における特定の個人を識別するための番号の利用等に関する法律(番号法)",
      "特定個人情報の適正な取扱いに関するガイドライン(事業者編)",
    ]) {
      expect(names).toContain(expected);
    }
    expect(names.some((n) => String(n).startsWith("JIS Q 15001:2023"))).toBe(true);
    expect(names.some((n) => String(n).includes("構築・運用指針"))).toBe(true);
    for (const r of laws.rows) expect(String(r[authority] ?? "")).not.toBe("");
    // English rows keep the Japanese title, which examiners and the laws rules look for.
    const en = sheetOf(standard("en"), "law");
    expect(String(en.rows[0]?.[column(en, "name").index])).toContain("個人情報の保護に関する法律");
  });

  it("follows the profile: its phases, scales, thresholds and extra required fields", () => {
    const custom: ProfileInput = {
      ...DEFAULT_PROFILE,
      id: "acme",
      version: "2.0.0",
      fields: { required: [...DEFAULT_PROFILE.fields.required, "business"], expected: DEFAULT_PROFILE.fields.expected },
      phases: DEFAULT_PHASES.filter((p) => p.id !== "entrust"),
      riskModel: { kind: "likelihoodImpact", scale: { min: 1, max: 5 }, actionLevel: "high" },
    };
    const spec = buildTemplate(resolveProfile(custom), "ja");
    const risk = sheetOf(spec, "risk");
    expect(column(risk, "phase").spec.list?.values).toHaveLength(5);
    expect(risk.rows).toHaveLength(5);
    expect(column(risk, "likelihood").spec.list?.values).toEqual(["1", "2", "3", "4", "5"]);
    expect(column(risk, "level").spec.formula).toContain(">=15");
    expect(sheetOf(spec, "ledger").columns.map((c) => c.field)).toContain("business");
    expect(spec.profile.id).toBe("acme");
    expect(spec.profile.parts).not.toEqual(standard("ja").profile.parts);
    for (const row of risk.rows) {
      for (const cell of row) if (cell !== null && typeof cell === "object") expect(cell.result).not.toBe(INPUT_ERROR_MARKER.ja);
    }
  });

  it("lays out a qualitative model as level dropdowns, with no score to compute", () => {
    const spec = buildTemplate(resolveProfile({ ...DEFAULT_PROFILE, riskModel: { kind: "qualitative" } }), "ja");
    const risk = sheetOf(spec, "risk");
    const fields = risk.columns.map((c) => c.field);
    expect(fields).not.toContain("score");
    expect(risk.columns.filter((c) => c.formula)).toEqual([]);
    expect(column(risk, "level").spec.list?.values).toEqual(["高", "中", "低"]);
    expect(column(risk, "residualLevel").spec.list?.values).toEqual(["高", "中", "低"]);
    // Typed level words are coloured too, whatever the template's language.
    const en = buildTemplate(resolveProfile({ ...DEFAULT_PROFILE, riskModel: { kind: "qualitative" } }), "en");
    expect(en.levels.map((l) => `${l.label}:${l.level}`)).toEqual(["High:high", "Medium:medium", "Low:low", "高:high", "大:high", "中:medium", "低:low", "小:low"]);
  });
});

describe("templateToPlan", () => {
  it("adds every sheet, writes text as text, formulas on every table row, dropdowns, level colours, widths and frozen headers", () => {
    const spec = standard("ja");
    const plan = templateToPlan(spec);
    const ops = plan.ops;
    expect(ops.filter((o) => o.op === "addSheet").map((o) => o.sheet)).toEqual(spec.sheets.map((s) => s.name));
    expect(ops.find((o) => o.op === "addSheet" && o.sheet === "_pmark")).toMatchObject({ hidden: true });

    for (const op of ops) {
      if (op.op !== "values") continue;
      for (const row of op.values) for (const v of row) if (typeof v === "string") expect(v.startsWith(TEXT_PREFIX), v).toBe(true);
    }
    const risk = sheetOf(spec, "risk");
    const formulas = ops.filter((o) => o.op === "formulas" && o.sheet === risk.name);
    expect(formulas).toHaveLength(4);
    for (const op of formulas) {
      if (op.op !== "formulas") continue;
      const c = risk.columns[op.col - 1];
      expect(op.row).toBe(risk.headerRow + 1);
      expect(op.formulas).toHaveLength(risk.tableRows);
      op.formulas.forEach((f, k) => expect(f[0]).toBe(rowFormula(c?.formula ?? "", op.row + k)));
    }
    const validations = ops.filter((o) => o.op === "validation" && o.sheet === risk.name);
    expect(validations.map((o) => (o.op === "validation" ? `${o.range} ${o.list.join(",")} ${o.strict}` : ""))).toEqual([
      `C5:C504 ${DEFAULT_PHASES.map((p) => p.label.ja).join(",")} false`,
      "E5:E504 1,2,3 true",
      "F5:F504 1,2,3 true",
      "J5:J504 1,2,3 true",
      "K5:K504 1,2,3 true",
    ]);
    const colours = ops.filter((o) => o.op === "conditionalFormat");
    expect(colours.map((o) => (o.op === "conditionalFormat" ? `${o.range} ${o.rules.map((r) => `${r.equals}${r.fill}`).join(" ")}` : ""))).toEqual([
      "H5:H504 高#FFC7CE 中#FFEB9C 低#C6EFCE",
      "M5:M504 高#FFC7CE 中#FFEB9C 低#C6EFCE",
    ]);
    expect(ops.find((o) => o.op === "freeze" && o.sheet === risk.name)).toEqual({ op: "freeze", sheet: risk.name, rows: 4, cols: 3 });
    expect(ops.find((o) => o.op === "columnWidths" && o.sheet === risk.name)).toMatchObject({ col: 1, widths: risk.columns.map((c) => c.width) });

    // Into a workbook that already has a sheet of the same name: nothing is overwritten.
    const prepared = preparePlan(plan, [{ name: "個人情報管理台帳", values: [["既存"]] }], { confirmOverwrite: false });
    expect(prepared.problem).toBeUndefined();
    expect(prepared.overwrites).toEqual([]);
    expect(prepared.added).toContain("個人情報管理台帳 (2)");
  });
});
