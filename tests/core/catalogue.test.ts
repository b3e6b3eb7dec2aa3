import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { FIELD_CATALOGUE } from "../../packages/core/src/glossary/fields";
import { placeholders } from "../../packages/core/src/i18n/text";
import { RULES } from "../../packages/core/src/rules/index";

const root = join(__dirname, "..", "..");
const rulesDir = join(root, "packages/core/src/rules");

function ruleFiles(): string[] {
  const out: string[] = [];
  for (const area of readdirSync(rulesDir, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const f of readdirSync(join(rulesDir, area.name))) {
      const text = readFileSync(join(rulesDir, area.name, f), "utf8");
      if (text.includes("defineRule")) out.push(relative(rulesDir, join(rulesDir, area.name, f)).replace(/\\/g, "/").replace(/\.ts$/, ""));
    }
  }
  return out.sort();
}

describe("rule catalogue", () => {
  const ids = RULES.map((r) => r.meta.id);

  it("the index is sorted, unique and matches the rule files (one file per id)", () => {
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ruleFiles()).toEqual(ids);
  });

  it("every id is in PRODUCT.md §4", () => {
    const product = join(root, "..", "shared", "PRODUCT.md");
    if (!existsSync(product)) return;
    const text = readFileSync(product, "utf8");
    for (const id of ids) expect(text, id).toContain(`\`${id}\``);
  });

  it("every clause names its unconfirmed numbers inside its own reference", () => {
    for (const rule of RULES) {
      for (const part of rule.meta.clause?.unconfirmed ?? []) expect(rule.meta.clause?.ref, rule.meta.id).toContain(part);
    }
  });

  it("every message has Japanese and English with the same placeholders", () => {
    for (const rule of RULES) {
      expect(rule.meta.id.startsWith(`${rule.meta.area}/`)).toBe(true);
      expect(rule.meta.description.ja.length).toBeGreaterThan(0);
      expect(rule.meta.description.en.length).toBeGreaterThan(0);
      for (const [id, text] of Object.entries(rule.meta.messages)) {
        expect(text.ja.length, `${rule.meta.id}.${id}`).toBeGreaterThan(0);
        expect(text.en.length, `${rule.meta.id}.${id}`).toBeGreaterThan(0);
        // English templates may use an *En twin of a placeholder (field vs fieldEn).
        const ja = placeholders(text.ja).map((p) => p.replace(/En$/, ""));
        const en = placeholders(text.en).map((p) => p.replace(/En$/, ""));
        expect(new Set(en), `${rule.meta.id}.${id}`).toEqual(new Set(ja));
      }
    }
  });
});

describe("glossary", () => {
  it("every field has a Japanese and an English spelling and a label in both", () => {
    for (const [kind, fields] of Object.entries(FIELD_CATALOGUE)) {
      for (const [id, def] of Object.entries(fields as Record<string, { synonyms: readonly string[]; label: { ja: string; en: string } }>)) {
        const ja = def.synonyms.some((s) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(s));
        const en = def.synonyms.some((s) => /^[\x20-\x7e]+$/.test(s));
        expect(ja, `${kind}.${id} ja`).toBe(true);
        expect(en, `${kind}.${id} en`).toBe(true);
        expect(def.label.ja && def.label.en, `${kind}.${id} label`).toBeTruthy();
      }
    }
  });
});
