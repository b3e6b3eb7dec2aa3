/**
 * `--profile` with the built-in ids and with profile files that extend them: `pmark check` run
 * in-process (runCli, the real checker) on .xlsx files written with ExcelJS, and `pmark
 * template`. Unknown ids and invalid files exit 2 with one line.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SheetGrid } from "@pmark/core";
import { runInProcess as run } from "./in-process";
import { BUILTIN_PROFILE_IDS } from "../../packages/core/src/profile/builtin/index";
import { PLANTED, RISK, workbookFor } from "../core/profiles/workbooks";
import { lines, tempDir } from "./helpers";

/** Shift_JIS bytes of a JSON text whose only non-ASCII characters are 用途 (0x97 0x70 0x93 0x72). */
function toShiftJisProfile(text: string): Buffer {
  const parts = text.split("用途");
  const out: Buffer[] = [];
  parts.forEach((part, i) => {
    if (/[^\x00-\x7f]/.test(part)) throw new Error("only 用途 is mapped");
    out.push(Buffer.from(part, "ascii"));
    if (i < parts.length - 1) out.push(Buffer.from([0x97, 0x70, 0x93, 0x72]));
  });
  return Buffer.concat(out);
}

interface JsonFinding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
}
interface JsonReport {
  files: { file: string; findings: JsonFinding[]; summary: { errors: number; warnings: number; infos: number } }[];
}

async function checkJson(file: string, ...extra: string[]) {
  const r = await run(["check", file, "--format", "json", "--today", "2025-06-30", ...extra]);
  const report = r.stdout === "" ? null : (JSON.parse(r.stdout) as JsonReport);
  const findings = report?.files[0]?.findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`) ?? [];
  return { ...r, findings };
}

/** Writes grids as an .xlsx, one worksheet per grid, values only. */
async function writeXlsx(path: string, grids: readonly SheetGrid[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    g.values.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      });
    });
  }
  await wb.xlsx.writeFile(path);
}

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = tempDir("pmark-profile-");
  await writeXlsx(file("isms.xlsx"), workbookFor("isms-asset"));
  await writeXlsx(file("isms-planted.xlsx"), workbookFor("isms-asset", true));
  await writeXlsx(file("qualitative-planted.xlsx"), workbookFor("qualitative", true));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("pmark check --profile <built-in id>", () => {
  it("isms-asset: the ISMS-style workbook checks clean, exit 0", async () => {
    const r = await checkJson(file("isms.xlsx"), "--profile", "isms-asset");
    expect(r.stderr).toBe("");
    expect(r.findings).toEqual([]);
    expect(r.status).toBe(0);
  });

  it("isms-asset: a wrong リスク値 is one risk/score-mismatch at its cell, exit 1", async () => {
    const r = await checkJson(file("isms-planted.xlsx"), "--profile", "isms-asset");
    expect(r.findings).toEqual([`error risk/score-mismatch ${RISK}!${PLANTED["isms-asset"].cell}`]);
    expect(r.status).toBe(1);
  });

  it("qualitative: the level must follow the impact (the default profile takes the level as written)", async () => {
    const q = await checkJson(file("qualitative-planted.xlsx"), "--profile", "qualitative");
    expect(q.findings).toEqual([`error risk/score-mismatch ${RISK}!${PLANTED.qualitative.cell}`]);
    expect(q.status).toBe(1);
    const d = await checkJson(file("qualitative-planted.xlsx"));
    expect(d.findings.filter((f) => f.includes("risk/score-mismatch"))).toEqual([]);
  });

  it("an unknown id exits 2 with one line listing the built-in ids", async () => {
    const r = await run(["check", file("isms.xlsx"), "--profile", "isms", "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toEqual([`pmark: unknown profile: isms (built-in: ${BUILTIN_PROFILE_IDS.join(", ")}; or give a profile JSON file)`]);
    const ja = await run(["check", file("isms.xlsx"), "--profile", "Qualitative"]);
    expect(ja.status).toBe(2);
    expect(lines(ja.stderr)).toEqual([`pmark: 不明なプロファイルです: Qualitative (組み込み: ${BUILTIN_PROFILE_IDS.join(", ")}。またはプロファイルの JSON ファイルを指定)`]);
  });
});

describe("pmark check --profile P.json with extends", () => {
  it("is merged over the built-in it names: only what the file says changes", async () => {
    const p = file("acme-isms.json");
    writeFileSync(p, JSON.stringify({ id: "acme-isms", version: "1.0.0", extends: "isms-asset", rules: { "risk/score-mismatch": "warning" } }));
    const r = await checkJson(file("isms-planted.xlsx"), "--profile", p);
    expect(r.findings).toEqual([`warning risk/score-mismatch ${RISK}!${PLANTED["isms-asset"].cell}`]);
    expect(r.status).toBe(0);
  });

  it("an extends that names no built-in exits 2 with one line quoting $.extends", async () => {
    const p = file("bad-extends.json");
    writeFileSync(p, JSON.stringify({ id: "acme", version: "1", extends: "isms" }));
    const r = await run(["check", file("isms.xlsx"), "--profile", p, "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([`pmark: profile "${p}" is invalid: $.extends: not a built-in profile: "isms" (built-in: ${BUILTIN_PROFILE_IDS.join(", ")})`]);
  });

  it("an invalid file exits 2 with one line quoting the JSON path", async () => {
    const p = file("bad-model.json");
    writeFileSync(p, JSON.stringify({ id: "acme", version: "1", extends: "isms-asset", riskModel: { kind: "assetThreatVulnerability", scale: { min: 1, max: "3" } } }));
    const r = await run(["check", file("isms.xlsx"), "--profile", p, "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(`profile "${p}" is invalid: $.riskModel.scale.max: expected number`);
  });
});

describe("pmark check --profile P.json: what the schema would drop silently is an error with a suggestion", () => {
  const refused = async (name: string, profile: unknown, ...expected: string[]) => {
    const p = file(name);
    writeFileSync(p, typeof profile === "string" ? profile : JSON.stringify(profile));
    const r = await run(["check", file("isms.xlsx"), "--profile", p, "--lang", "en"]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toHaveLength(1);
    for (const e of expected) expect(r.stderr).toContain(e);
    return r.stderr;
  };

  it("an unknown rule id in rules (as --rule refuses it)", async () => {
    await refused("rule-typo.json", { id: "a", version: "1", rules: { "risk/phase-misssing": "off" } }, '$.rules: unknown rule id: "risk/phase-misssing" (did you mean "risk/phase-missing"?)');
    await refused("rule-none.json", { id: "a", version: "1", rules: { "nothing/like-it": "off" } }, '$.rules: unknown rule id: "nothing/like-it"');
  });

  it("an unknown rule in a suppression; areas and * are fine", async () => {
    await refused(
      "supp.json",
      { id: "a", version: "1", suppressions: [{ rule: "ledger/" }, { rule: "risk/*" }, { rule: "*" }, { rule: "ledger/review-overdo" }] },
      '$.suppressions[3].rule: unknown rule id (an id, an "area/" or "*"): "ledger/review-overdo" (did you mean "ledger/review-overdue"?)',
    );
  });

  it("unknown keys anywhere the schema defines objects, the risk model's kind included", async () => {
    await refused("key-top.json", { id: "a", version: "1", rule: { "risk/flat-scoring": "off" } }, '$: unknown key: "rule" (did you mean "rules"?)');
    await refused("key-fields.json", { id: "a", version: "1", fields: { synonym: {} } }, '$.fields: unknown key: "synonym" (did you mean "synonyms"?)');
    await refused(
      "key-model.json",
      { id: "a", version: "1", riskModel: { kind: "likelihoodImpact", scale: { min: 1, max: 3 }, treshold: { medium: 3, high: 6 } } },
      '$.riskModel: unknown key: "treshold" (did you mean "thresholds"?)',
    );
    await refused("key-phase.json", { id: "a", version: "1", phases: [{ id: "p", label: { ja: "取得", en: "Acquire" }, synonyms: [], applies: "always" }] }, '$.phases[0]: unknown key: "applies" (did you mean "appliesWhen"?)');
  });

  it("unknown sheet kinds and field ids in synonyms, required and expected", async () => {
    await refused("syn-kind.json", { id: "a", version: "1", fields: { synonyms: { ledgr: { purpose: ["用途"] } } } }, '$.fields.synonyms: unknown sheet kind: "ledgr" (did you mean "ledger"?)');
    await refused("syn-field.json", { id: "a", version: "1", fields: { synonyms: { ledger: { purpse: ["用途"] } } } }, '$.fields.synonyms.ledger: unknown field id: "purpse" (did you mean "purpose"?)');
    await refused("required.json", { id: "a", version: "1", fields: { required: ["purpose", "name|dataItem"] } }, '$.fields.required[1]: unknown field id: "dataItem" (did you mean "dataItems"?)');
  });

  it("lists three problems and counts the rest, on one line", async () => {
    const line = await refused("many.json", { id: "a", version: "1", a: 1, b: 2, c: 3, d: 4, e: 5 }, '$: unknown key: "a"', '$: unknown key: "c"', "(and 2 more)");
    expect(line).not.toContain('"d"');
  });

  it("a profile saved as Shift_JIS is read as Japanese Windows wrote it: its synonyms work", async () => {
    const csv = file("youto.csv");
    writeFileSync(csv, "個人情報の名称,用途,保管場所,保管方法,アクセス権を有する者,保管期限\n顧客名簿,商品発送,本社,施錠,営業部,5年\n");
    const body = JSON.stringify({ id: "sjis", version: "1", extends: "jisq15001", fields: { synonyms: { ledger: { purpose: ["用途"] } } } });
    const p = file("sjis.json");
    writeFileSync(p, toShiftJisProfile(body));
    const without = await checkJson(csv, "--rule", "header/");
    expect(without.findings).toContain("error header/missing-column youto!A1");
    const withProfile = await checkJson(csv, "--rule", "header/", "--profile", p);
    expect(withProfile.stderr).toBe("");
    expect(withProfile.findings.filter((f) => f.startsWith("error"))).toEqual([]);
  });

  it("a profile with bytes that are neither UTF-8 nor Shift_JIS is refused, naming the line", async () => {
    const p = file("broken.json");
    writeFileSync(p, Buffer.concat([Buffer.from('{\n  "id": "a",\n  "version": "1",\n  "name": { "ja": "'), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from('", "en": "x" }\n}\n')]));
    const r = await run(["check", file("isms.xlsx"), "--profile", p, "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([`pmark: profile "${p}" has bytes on line 4 that are neither UTF-8 nor Shift_JIS; save it again as UTF-8`]);
  });

  it("a file over 1 MB is not a profile and is not read", async () => {
    const p = file("huge.json");
    writeFileSync(p, `{"id":"a","version":"1","name":{"ja":"${"x".repeat(1024 * 1024)}","en":"x"}}`);
    const r = await run(["check", file("isms.xlsx"), "--profile", p, "--lang", "en"]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([`pmark: profile "${p}" is too large (the limit is 1024 KB); give a profile JSON file`]);
  });
});

describe("pmark template --profile <built-in id>", () => {
  it("writes the profile's template, stamped with its id and version", async () => {
    const out = file("q.xlsx");
    const r = await run(["template", "--profile", "qualitative", "--lang", "en", "--out", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`wrote ${out} (profile qualitative 1.0.0, English)\n`);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    // The template passes its own profile's check with no error.
    const c = await checkJson(out, "--profile", "qualitative");
    expect(c.findings.filter((f) => f.startsWith("error"))).toEqual([]);
  });
});
