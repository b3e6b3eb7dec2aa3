import { describe, expect, it } from "vitest";
import { isValidDate, parseArgs, type CheckArgs } from "../../packages/cli/src/args";

function check(argv: string[]): CheckArgs {
  const r = parseArgs(argv);
  if (r.command !== "check") throw new Error(`expected check, got ${JSON.stringify(r)}`);
  return r;
}

function usageError(argv: string[]) {
  const r = parseArgs(argv);
  if (r.command !== "usage-error") throw new Error(`expected a usage error, got ${JSON.stringify(r)}`);
  return r;
}

describe("parseArgs", () => {
  it("defaults", () => {
    expect(check(["check", "a.xlsx"])).toEqual({
      command: "check",
      inputs: ["a.xlsx"],
      format: "text",
      lang: "ja",
      rules: [],
      skipRules: [],
    });
  });

  it("options before, between and after inputs; --opt=value; --", () => {
    const a = check(["--lang=en", "check", "a.xlsx", "--format", "json", "dir", "--today=2025-06-30", "--", "--weird.xlsx"]);
    expect(a.inputs).toEqual(["a.xlsx", "dir", "--weird.xlsx"]);
    expect(a.lang).toBe("en");
    expect(a.format).toBe("json");
    expect(a.today).toBe("2025-06-30");
  });

  it("--rule and --skip-rule repeat and take comma-separated lists, without duplicates", () => {
    const a = check([
      "check",
      "a.xlsx",
      "--rule",
      "risk/phase-missing,ledger/required-empty",
      "--rule=risk/phase-missing",
      "--rule",
      " contractor/ ",
      "--skip-rule",
      "risk/flat-scoring",
      "--skip-rule=risk/vague-measure,",
    ]);
    expect(a.rules).toEqual(["risk/phase-missing", "ledger/required-empty", "contractor/"]);
    expect(a.skipRules).toEqual(["risk/flat-scoring", "risk/vague-measure"]);
  });

  it("rejects unknown rule ids with a suggestion", () => {
    const e = usageError(["check", "a.xlsx", "--rule", "risk/phase-mising"]);
    expect(e.message.ja).toContain("risk/phase-missing");
    expect(e.message.en).toContain("did you mean risk/phase-missing?");
    expect(usageError(["check", "a.xlsx", "--skip-rule", "nonsense"]).message.en).toContain("unknown rule id: nonsense");
    expect(usageError(["check", "a.xlsx", "--rule", ","]).message.en).toContain("empty rule id");
  });

  it("the last --format/--lang/--profile/--today wins", () => {
    const a = check(["check", "a", "--format", "json", "--format", "text", "--profile", "x.json", "--profile", "jisq15001"]);
    expect(a.format).toBe("text");
    expect(a.profile).toBe("jisq15001");
  });

  it("accepts --format sarif", () => {
    expect(check(["check", "a", "--format=sarif"]).format).toBe("sarif");
  });

  it("usage errors", () => {
    expect(usageError([]).message.en).toContain("no command");
    expect(usageError(["check"]).message.en).toContain("no file or folder");
    expect(usageError(["chekc", "a"]).message.en).toContain("unknown command: chekc");
    expect(usageError(["check", "a", "--bogus"]).message.en).toContain("unknown option: --bogus");
    expect(usageError(["check", "a", "-x"]).message.en).toContain("unknown option: -x");
    expect(usageError(["check", "a", "--today"]).message.en).toContain("--today needs a value");
    expect(usageError(["check", "a", "--format", "--lang", "en"]).message.en).toContain("--format needs a value");
    expect(usageError(["check", "a", "--format", "xml"]).message.en).toContain("text, json, sarif or html");
    expect(usageError(["check", "a", "--lang", "fr"]).message.en).toContain("ja or en");
    expect(usageError(["check", "a", "--help=yes"]).message.en).toContain("takes no value");
    expect(usageError(["template", "--lang", "en"]).message.en).toContain("--out FILE.xlsx");
    expect(parseArgs(["template", "--out", "x.xlsx"])).toEqual({ command: "template", lang: "ja", out: "x.xlsx", force: false });
    expect(parseArgs(["template", "--out", "x.xlsx", "--force"])).toMatchObject({ force: true });
    expect(usageError(["check", "a.xlsx", "--force"]).message.en).toContain("--force does not apply to pmark check");
    expect(usageError(["template", "--out", "x.xlsx", "--force=yes"]).message.en).toContain("--force takes no value");
  });

  it("check --format html", () => {
    expect(check(["check", "a.xlsx", "--format", "html"]).format).toBe("html");
  });

  it("diff OLD NEW: two workbooks, text, json or html, and no options of check's rule selection or template's output", () => {
    expect(parseArgs(["diff", "2024.xlsx", "2025.xlsx"])).toEqual({ command: "diff", old: "2024.xlsx", new: "2025.xlsx", format: "text", lang: "ja" });
    expect(parseArgs(["diff", "--format=html", "a.xlsx", "b.ods", "--today", "2025-06-30", "--profile", "qualitative", "--lang", "en"])).toEqual({
      command: "diff",
      old: "a.xlsx",
      new: "b.ods",
      format: "html",
      lang: "en",
      today: "2025-06-30",
      profile: "qualitative",
    });
    expect(usageError(["diff", "a.xlsx"]).message.ja).toContain("前年度・今年度の順");
    expect(usageError(["diff", "a", "b", "c", "--lang", "en"]).message.en).toContain("compares two workbooks (3 were given)");
    expect(usageError(["diff", "a", "b", "--format", "sarif"]).message.en).toContain("text, json or html");
    expect(usageError(["diff", "a", "b", "--rule", "risk/"]).message.en).toContain("--rule does not apply to pmark diff");
    expect(usageError(["diff", "a", "b", "--out", "x.xlsx"]).message.en).toContain("--out does not apply to pmark diff");
    expect(usageError(["diff", "a", "b", "--force"]).message.en).toContain("--force does not apply to pmark diff");
    expect(usageError(["diff", "a", "b", "--today", "2025-02-30"]).message.en).toContain("--today");
  });

  it("--today must be a real YYYY-MM-DD date", () => {
    for (const bad of ["2025-02-30", "2025-13-01", "2025-6-30", "20250630", "2025/06/30", "令和7年6月30日", ""]) {
      expect(usageError(["check", "a", `--today=${bad}`]).message.en, bad).toContain("--today");
    }
    expect(check(["check", "a", "--today", "2024-02-29"]).today).toBe("2024-02-29");
    expect(isValidDate("2023-02-29")).toBe(false);
    expect(isValidDate("2000-02-29")).toBe(true);
  });

  it("usage errors speak the language asked for, even when other arguments are wrong", () => {
    expect(usageError(["check", "a", "--bogus", "--lang", "en"]).lang).toBe("en");
    expect(usageError(["check", "a", "--bogus"]).lang).toBe("ja");
    expect(usageError(["check", "a", "--bogus"]).message.ja).toContain("不明なオプション");
  });

  it("--help and --version win over everything else", () => {
    expect(parseArgs(["check", "--help"])).toEqual({ command: "help", lang: "ja" });
    expect(parseArgs(["-h", "--lang", "en"])).toEqual({ command: "help", lang: "en" });
    expect(parseArgs(["--version"])).toEqual({ command: "version" });
    expect(parseArgs(["check", "a", "-V"])).toEqual({ command: "version" });
  });
});

describe("closest (did you mean)", () => {
  it("suggests a near spelling or the one name a value begins, and nothing far off", async () => {
    const { closest } = await import("../../packages/cli/src/suggest");
    expect(closest("rule", ["rules", "riskModel"])).toBe("rules");
    expect(closest("RULES", ["rules"])).toBe("rules");
    expect(closest("applies", ["appliesWhen", "id", "label"])).toBe("appliesWhen");
    expect(closest("app", ["appliesWhen", "application"])).toBeUndefined();
    expect(closest("something-else", ["rules", "fields"])).toBeUndefined();
    expect(closest("x".repeat(300), ["x"])).toBeUndefined();
  });
});

describe("the internal-error line", () => {
  it("speaks the language --lang asks for, Japanese by default", async () => {
    const { langHint } = await import("../../packages/cli/src/args");
    const { M } = await import("../../packages/cli/src/messages");
    expect(langHint(["check", "a.xlsx"])).toBe("ja");
    expect(langHint(["check", "a.xlsx", "--lang", "en"])).toBe("en");
    expect(langHint(["check", "--lang=en", "a.xlsx"])).toBe("en");
    expect(M.internalError("boom").ja).toBe("内部エラーが起きました。お手数ですが、この行を添えて報告してください: boom");
    expect(M.internalError("boom").en).toBe("internal error; please report it with this line: boom");
  });
});
