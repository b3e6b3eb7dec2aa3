import { describe, expect, it } from "vitest";
import { isNfkcStable, nfkc } from "../../../packages/core/src/glossary/normalise";

describe("nfkc fast path", () => {
  it("accepts only characters NFKC leaves as they are (every BMP code point)", () => {
    let accepted = 0;
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCharCode(c);
      if (!isNfkcStable(s)) continue;
      accepted++;
      expect(s.normalize("NFKC"), `U+${c.toString(16)}`).toBe(s);
    }
    // ASCII, kana and the unified ideographs: the bulk of Japanese ledger text.
    expect(accepted).toBeGreaterThan(21_000);
  });

  it("accepts no pair that NFKC would compose or reorder (kana, ASCII and a spread of kanji)", () => {
    const chars: string[] = [];
    for (let c = 0; c <= 0xffff; c += c >= 0x4e00 && c <= 0x9fff ? 97 : 1) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCharCode(c);
      if (isNfkcStable(s)) chars.push(s);
    }
    const changed: string[] = [];
    for (const a of chars) for (const b of chars) if ((a + b).normalize("NFKC") !== a + b) changed.push(a + b);
    expect(chars.length).toBeGreaterThan(450);
    expect(changed).toEqual([]);
  });

  it("gives what String.prototype.normalize gives, on either path", () => {
    const texts = [
      "個人情報管理台帳",
      "ＮＯ．１２",
      "ｶﾞｲﾄﾞ",
      "取得・入力",
      "か\u3099",
      "①氏名",
      "㈱サンプル",
      "全角\u3000スペース",
      "従業員名簿（東京本社）",
      "ﾃﾞｰﾀ 1,000件",
      "e\u0301",
      "",
    ];
    for (const t of texts) expect(nfkc(t)).toBe(t.normalize("NFKC"));
    expect(isNfkcStable("従業員名簿 氏名、住所\n電話番号")).toBe(true);
    expect(isNfkcStable("従業員名簿（東京本社）")).toBe(false);
    expect(isNfkcStable("か\u3099")).toBe(false);
  });

  it("normalises two texts joined by a space as it normalises each (rules join name and items)", () => {
    // Characters around the join that NFKC composes, decomposes or reorders: combining marks
    // (voiced-sound marks, accents), half-width kana, full-width and compatibility forms.
    const pool = ["か", "ｶ", "ﾞ", "\u3099", "\u309b", "e", "\u0301", "\u0308", "\u00a8", "ＡＢ", "１", "㈱", "①", "　", " ", "ﾊﾟ", "\u1100", "\u1161", "가", "Å", "Ω", "ﬁ", "個人"];
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const text = () => Array.from({ length: rnd(4) }, () => pool[rnd(pool.length)]).join("");
    for (let i = 0; i < 20_000; i++) {
      const a = text();
      const b = text();
      expect(`${nfkc(a)} ${nfkc(b)}`, JSON.stringify([a, b])).toBe(`${a} ${b}`.normalize("NFKC"));
    }
  });
});
