import { describe, expect, it } from "vitest";
import { readYesNo, YES_NO_CHOICES } from "../../../packages/core/src/read/index";

describe("readYesNo", () => {
  it.each([null, undefined, "", "  ", "\u3000"])("blank %j → null", (v) => {
    expect(readYesNo(v)).toBeNull();
  });

  it.each([
    true, 1, "○", "〇", "◯", "●", "◎", "有", "有り", "あり", "アリ", "ｱﾘ", "はい", "yes", "Yes", "YES", "ｙｅｓ",
    "y", "Y", "true", "TRUE", "✓", "✔", "レ", "済", "済み", "要", "必要", "該当", "対象", "取得済", "同意済", "機微",
    "1", "１", " 有 ",
  ])("yes %j", (v) => {
    expect(readYesNo(v)).toEqual({ ok: true, value: true });
  });

  it.each([
    false, 0, "×", "✕", "✗", "☓", "無", "無し", "なし", "ナシ", "ﾅｼ", "いいえ", "no", "No", "NO", "n", "N",
    "false", "FALSE", "-", "ー", "―", "—", "－", "不要", "非該当", "該当なし", "対象外", "未", "未取得", "一般", "0",
  ])("no %j", (v) => {
    expect(readYesNo(v)).toEqual({ ok: true, value: false });
  });

  it.each([
    ["有(書面)", true],
    ["有（書面）", true],
    ["あり:同意書", true],
    ["あり：同意書", true],
    ["○(入社時)", true],
    ["有り/書面", true],
    ["有 書面", true],
    ["済・2024年", true],
    ["なし(通知のみ)", false],
    ["無（口頭）", false],
    ["×、理由あり", false],
  ] as const)("leading word with a note %j", (text, value) => {
    expect(readYesNo(text)).toEqual({ ok: true, value, hint: "補足付き" });
  });

  it.each(["要確認", "一部", "多分", "(有)", "2", "abc", "有無", "=1+1", "○×", "有/無", "yes/no", "○・×", "有(書面)・無(口頭)"])("not a yes/no %j", (v) => {
    expect(readYesNo(v)).toEqual({ ok: false });
  });

  it.each([2, -1, 0.5, NaN])("other numbers %j", (v) => {
    expect(readYesNo(v)).toEqual({ ok: false });
  });

  it("offers dropdown choices that it reads back", () => {
    expect(YES_NO_CHOICES).toEqual({ ja: ["有", "無"], en: ["Yes", "No"] });
    expect(YES_NO_CHOICES.ja.map((c) => readYesNo(c))).toEqual([
      { ok: true, value: true },
      { ok: true, value: false },
    ]);
    expect(YES_NO_CHOICES.en.map((c) => readYesNo(c))).toEqual([
      { ok: true, value: true },
      { ok: true, value: false },
    ]);
  });
});
