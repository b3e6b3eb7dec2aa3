import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ruleCatalogue } from "../../packages/core/src/report/catalogue";
import { RULES } from "../../packages/core/src/rules/index";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** docs/rules.md is generated from the rule files' metadata; regenerate with UPDATE_DOCS=1. */
function render(): string {
  const lines = [
    "# Rule catalogue",
    "",
    "Generated from the rule files' metadata (`packages/core/src/rules/<area>/<name>.ts`) by",
    "`UPDATE_DOCS=1 npx vitest run tests/core/rules-doc.test.ts`; a test fails when this file is stale.",
    "A profile can change any rule's severity or switch it off (`\"rules\": { \"risk/flat-scoring\": \"off\" }`).",
    "",
    "The source column gives the clause of the 2023 edition (the JIPDEC 構築・運用指針 J number, the",
    "JIS Q 15001:2023 clause) or the article of the law a rule enforces. A number listed as",
    "**unconfirmed (未確認)** could not be checked against a public text of the 2023 edition: treat it",
    "as the likely number, not as a quotation. A dash means housekeeping that no clause names.",
    "",
    "| id | default | source (2023) | what it finds | 内容 |",
    "|---|---|---|---|---|",
  ];
  const catalogue = ruleCatalogue();
  for (const r of catalogue) {
    const unconfirmed = r.clauseUnconfirmed?.length ? ` (**unconfirmed (未確認)**: ${r.clauseUnconfirmed.join(", ")})` : "";
    const source = r.clause === undefined ? "—" : `${r.clause}${unconfirmed}`;
    lines.push(`| \`${r.id}\` | ${r.defaultSeverity} | ${cell(source)} | ${cell(r.description.en)} | ${cell(r.description.ja)} |`);
  }
  lines.push(
    "",
    "## Messages",
    "",
    "Every message a rule can report, in Japanese and English, with its severity (the rule's",
    "default unless the message says otherwise; a profile's severity for the rule overrides both).",
    "`{{name}}` is filled in from the finding; English may use a `{{nameEn}}` twin.",
    "",
    "| id | message | severity | ja | en |",
    "|---|---|---|---|---|",
  );
  for (const rule of [...RULES].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1))) {
    for (const [id, text] of Object.entries(rule.meta.messages)) {
      lines.push(`| \`${rule.meta.id}\` | ${id} | ${text.severity ?? rule.meta.defaultSeverity} | ${cell(text.ja)} | ${cell(text.en)} |`);
    }
  }
  return `${lines.join("\n")}\n`;
}

describe("docs/rules.md", () => {
  it("matches the rule metadata", () => {
    const path = join(__dirname, "..", "..", "docs", "rules.md");
    const text = render();
    if (process.env.UPDATE_DOCS) writeFileSync(path, text);
    expect(existsSync(path), "run UPDATE_DOCS=1 npx vitest run tests/core/rules-doc.test.ts").toBe(true);
    expect(readFileSync(path, "utf8"), "docs/rules.md is stale: run UPDATE_DOCS=1 npx vitest run tests/core/rules-doc.test.ts").toBe(text);
  });
});
