import { describe, expect, it } from "vitest";
import { MEDIUM_CHOICES, readMedium } from "../../../packages/core/src/read/index";

describe("readMedium", () => {
  it.each([null, undefined, "", "  "])("blank %j → null", (v) => {
    expect(readMedium(v)).toBeNull();
  });

  it.each(["紙", "紙媒体", "原紙", "書面", "書類", "帳票", "用紙", "paper", "Paper", "hardcopy", "hard copy", "printed", "紙（申込書）", "紙・書類"])(
    "paper %j",
    (v) => {
      expect(readMedium(v)).toEqual({ ok: true, value: "paper" });
    },
  );

  it.each([
    "電子", "電子データ", "電子ファイル", "データ", "電磁的記録", "電子媒体", "PC", "ＰＣ", "パソコン", "サーバ", "サーバー",
    "ファイルサーバ", "システム", "クラウド", "Excel", "エクセル", "CD", "DVD", "CD/DVD", "USB", "画像", "音声", "動画",
    "メール", "electronic", "Electronic", "digital", "data", "file", "database", "DB", "cloud", "PC（共有フォルダ）",
    "画像・音声",
  ])("electronic %j", (v) => {
    expect(readMedium(v)).toEqual({ ok: true, value: "electronic" });
  });

  it.each([
    "紙・電子", "紙/電子", "紙／電子", "紙+データ", "紙及び電子", "紙および電子", "紙と電子", "紙、PC", "紙,PC", "紙 電子",
    "紙媒体・電子媒体", "両方", "併用", "both", "Both", "paper and electronic", "Paper / Electronic", "紙（原本）・電子（PDF）",
  ])("both %j", (v) => {
    expect(readMedium(v)).toEqual({ ok: true, value: "both" });
  });

  it.each(["不明", "その他", "紙・その他", "abc", "=1+1", "ー", "(紙)", "口頭"])("unknown %j", (v) => {
    expect(readMedium(v)).toEqual({ ok: false });
  });

  it.each([1, 0, true, false])("non-text %j", (v) => {
    expect(readMedium(v)).toEqual({ ok: false });
  });

  it("reads its dropdown choices back", () => {
    expect(MEDIUM_CHOICES.ja.map((c) => readMedium(c))).toEqual([
      { ok: true, value: "paper" },
      { ok: true, value: "electronic" },
      { ok: true, value: "both" },
    ]);
    expect(MEDIUM_CHOICES.en.map((c) => readMedium(c))).toEqual([
      { ok: true, value: "paper" },
      { ok: true, value: "electronic" },
      { ok: true, value: "both" },
    ]);
  });
});
