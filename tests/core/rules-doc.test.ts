import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ruleCatalogue } from "../../packages/core/src/report/catalogue";

/** docs/rules.md is generated from the rule files' metadata; regenerate with UPDATE_DOCS=1. */
function render(): string {
  const lines = [
    "# Rule catalogue",
    "",
    "Generated from the rule files' metadata (`packages/core/src/rules/<area>/<name>.ts`) by",
    "`UPDATE_DOCS=1 npx vitest run tests/core/rules-doc.test.ts`; a test fails when this file is stale.",
    "A profile can change any rule's severity or switch it off (`\"rules\": { \"risk/flat-scoring\": \"off\" }`).",
    "",
    "| id | default | source | what it finds | 内容 |",
    "|---|---|---|---|---|",
  ];
  for (const r of ruleCatalogue()) {
    const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
    lines.push(`| \`${r.id}\` | ${r.defaultSeverity} | ${cell(r.clause ?? "—")} | ${cell(r.description.en)} | ${cell(r.description.ja)} |`);
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
