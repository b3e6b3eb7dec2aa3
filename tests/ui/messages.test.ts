import { describe, expect, it } from "vitest";
import { placeholders } from "../../packages/core/src/i18n/text";
import { MESSAGES, translator } from "../../packages/ui/src/messages";

describe("UI messages", () => {
  it("has the same keys in English and Japanese", () => {
    expect(Object.keys(MESSAGES.ja).sort()).toEqual(Object.keys(MESSAGES.en).sort());
  });
  it("uses the same {{placeholders}} in both languages, and no text is empty", () => {
    for (const key of Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[]) {
      expect(placeholders(MESSAGES.ja[key]), key).toEqual(placeholders(MESSAGES.en[key]));
      expect(MESSAGES.en[key].trim(), key).not.toBe("");
      expect(MESSAGES.ja[key].trim(), key).not.toBe("");
    }
  });
  it("interpolates", () => {
    expect(translator("en")("selected", { sheet: "S", cell: "B2" })).toBe("Selected S!B2.");
    expect(translator("ja")("selected", { sheet: "台帳", cell: "B2" })).toBe("台帳!B2 を選択しました。");
  });
});
