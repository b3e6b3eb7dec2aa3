import { describe, expect, it } from "vitest";
import { terminalText } from "../../packages/cli/src/terminal-text";

/** Characters a terminal acts on or that hide or reorder text: none may survive. */
const DANGEROUS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u206f\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

describe("terminalText", () => {
  it("leaves printable text, Japanese and emoji as they are", () => {
    for (const t of ["顧客名簿 (株式会社さくら) 約1,200件", "A1:B7 100% ok", "😀👨‍👩‍👧‍👦🇯🇵", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "tab\there"]) {
      expect(terminalText(t.replace("\t", " "))).toBe(t.replace("\t", " "));
    }
    expect(terminalText("👨‍👩‍👧")).toBe("👨‍👩‍👧");
  });

  it("shows control characters as visible escapes: C0, DEL, C1", () => {
    expect(terminalText("a\u001b]0;PWNED\u0007b")).toBe("a\\x1b]0;PWNED\\x07b");
    expect(terminalText("x\u001b[2Jy")).toBe("x\\x1b[2Jy");
    expect(terminalText("1\n2\r3\t4\u00005")).toBe("1\\n2\\r3\\t4\\x005");
    expect(terminalText("del\u007f")).toBe("del\\x7f");
    expect(terminalText("c1\u009b31m\u0085")).toBe("c1\\u009b31m\\u0085");
  });

  it("shows bidi overrides, zero-width and other invisible characters", () => {
    expect(terminalText("\u202e台帳\u202c")).toBe("\\u202e台帳\\u202c");
    expect(terminalText("利用\u200b目的")).toBe("利用\\u200b目的");
    expect(terminalText("\ufeffBOM\u2066x\u2069\u200e\u200f\u061c")).toBe("\\ufeffBOM\\u2066x\\u2069\\u200e\\u200f\\u061c");
    expect(terminalText("a\u2028b\u2029c")).toBe("a\\u2028b\\u2029c");
    // A zero-width joiner outside an emoji sequence hides a join between letters.
    expect(terminalText("台\u200d帳")).toBe("台\\u200d帳");
    // Tag characters carry invisible text unless they end a flag.
    expect(terminalText("ok\u{e0041}\u{e0042}")).toBe("ok\\u{e0041}\\u{e0042}");
  });

  it("shows lone surrogates by code and keeps pairs", () => {
    expect(terminalText("\ud800 lone \udfff")).toBe("\\ud800 lone \\udfff");
    expect(terminalText("😀\ud83d")).toBe("😀\\ud83d");
  });

  it("cuts long texts with a marker that counts what was left out, never inside a pair", () => {
    const long = "個".repeat(100_000);
    const en = terminalText(long, { max: 100 });
    expect(en).toBe(`${"個".repeat(100)}…(99,900 more characters)`);
    expect(terminalText(long, { max: 100, lang: "ja" })).toBe(`${"個".repeat(100)}…(以下 99,900 文字省略)`);
    expect(terminalText("😀😀😀", { max: 2 })).toBe("😀😀…(1 more characters)");
    expect(terminalText("short", { max: 100 })).toBe("short");
    // Escapes count after the cut: the control characters inside the kept part are shown.
    expect(terminalText(`\u001b${"x".repeat(50)}`, { max: 3 })).toBe("\\x1bxx…(48 more characters)");
  });

  it("is stable: escaping a safe text again changes nothing, and nothing dangerous is left", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0);
    for (let n = 0; n < 2000; n++) {
      let t = "";
      const len = next() % 40;
      for (let i = 0; i < len; i++) {
        const pick = next() % 6;
        t += pick === 0 ? String.fromCharCode(next() % 0x40) : pick === 1 ? String.fromCharCode(0x7f + (next() % 0x22)) : pick === 2 ? String.fromCharCode(0x2000 + (next() % 0x80)) : pick === 3 ? String.fromCharCode(0xd800 + (next() % 0x800)) : pick === 4 ? "😀" : String.fromCharCode(0x3040 + (next() % 0x60));
      }
      const safe = terminalText(t);
      expect(safe).not.toMatch(DANGEROUS);
      expect(terminalText(safe)).toBe(safe);
    }
  });
});
