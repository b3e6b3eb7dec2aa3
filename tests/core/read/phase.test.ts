import { describe, expect, it } from "vitest";
import { DEFAULT_PHASES, normalisePhase, readPhase } from "../../../packages/core/src/read/index";
import type { PhaseDef } from "../../../packages/core/src/profile/schema";

describe("DEFAULT_PHASES", () => {
  it("lists the six phases in lifecycle order", () => {
    expect(DEFAULT_PHASES.map((p) => p.id)).toEqual(["acquire", "transfer", "use", "store", "entrust", "dispose"]);
    expect(DEFAULT_PHASES.map((p) => p.label.ja)).toEqual([
      "取得・入力",
      "移送・送信",
      "利用・加工",
      "保管・バックアップ",
      "委託・提供",
      "消去・廃棄",
    ]);
    expect(DEFAULT_PHASES.filter((p) => p.appliesWhen === "contractorOrRecipient").map((p) => p.id)).toEqual([
      "entrust",
    ]);
    expect(DEFAULT_PHASES.every((p) => p.appliesWhen !== undefined)).toBe(true);
  });

  it("has no spelling claimed by two phases", () => {
    const seen = new Map<string, string>();
    for (const p of DEFAULT_PHASES) {
      for (const s of [p.label.ja, p.label.en, ...p.synonyms]) {
        const key = normalisePhase(s);
        expect(seen.get(key) ?? p.id, s).toBe(p.id);
        seen.set(key, p.id);
      }
    }
  });
});

const SPELLINGS: Record<string, string[]> = {
  acquire: [
    "取得・入力", "取得入力", "取得/入力", "取得／入力", "取得", "入力", "入手", "収集", "受領", "取得・入手", "取得・収集",
    "Acquisition", "acquire", "Collection", "Input", "Acquisition and input", "取得 ・ 入力",
  ],
  transfer: [
    "移送・送信", "移送送信", "移送", "送信", "運搬", "送付", "郵送", "持出し", "持ち出し", "移送・運搬", "Transfer",
    "Transmission", "Transport", "TRANSFER",
  ],
  use: ["利用・加工", "利用加工", "利用", "加工", "閲覧", "使用", "Use", "Processing", "use and processing"],
  store: ["保管・バックアップ", "保管バックアップ", "保管", "保存", "バックアップ", "ﾊﾞｯｸｱｯﾌﾟ", "保管・保存", "Storage", "Store", "Backup"],
  entrust: [
    "委託・提供", "委託", "提供", "第三者提供", "共同利用", "外部委託", "委託・再委託", "Outsourcing", "Entrustment",
    "Provision",
  ],
  dispose: [
    "消去・廃棄", "破棄・消去", "廃棄・消去", "消去・廃棄・返却", "廃棄", "消去", "削除", "破棄", "返却", "回収",
    "廃棄・返却", "Disposal", "Deletion", "Erasure", "消去及び廃棄", "消去および廃棄",
  ],
};

describe("readPhase", () => {
  it.each([null, undefined, "", "  "])("blank %j → null", (v) => {
    expect(readPhase(v)).toBeNull();
  });

  for (const [id, spellings] of Object.entries(SPELLINGS)) {
    it.each(spellings)(`${id}: %j`, (text) => {
      expect(readPhase(text)).toEqual({ ok: true, value: id });
    });
  }

  it.each([
    ["1. 取得・入力", "acquire"],
    ["1.取得", "acquire"],
    ["(1) 取得", "acquire"],
    ["（２）移送・送信", "transfer"],
    ["①取得・入力", "acquire"],
    ["③ 利用・加工", "use"],
    ["2-移送", "transfer"],
    ["4) 保管", "store"],
    ["保管（書庫）", "store"],
    ["【廃棄】", "dispose"],
  ] as const)("numbering and notes %j", (text, id) => {
    expect(readPhase(text)).toEqual({ ok: true, value: id });
  });

  it.each([
    ["取得時", "acquire"],
    ["保管中", "store"],
    ["廃棄時", "dispose"],
    ["第三者提供時", "entrust"],
    ["Storage/Backup", "store"],
    ["Erasure & disposal", "dispose"],
    ["破棄・返却", "dispose"],
  ] as const)("prefix %j", (text, id) => {
    expect(readPhase(text)).toEqual({ ok: true, value: id, hint: "部分一致" });
  });

  it.each(["取得・利用", "利用・提供", "保管・廃棄", "移送/保管"])("two phases %j → ambiguous", (text) => {
    expect(readPhase(text)).toEqual({ ok: false, hint: "複数該当" });
  });

  it.each(["リスク", "データの取得", "取", "①", "(1)", "=A1", "abc"])("unknown %j", (text) => {
    expect(readPhase(text)).toEqual({ ok: false });
  });

  it.each([1, 0, true])("non-text %j", (v) => {
    expect(readPhase(v)).toEqual({ ok: false });
  });

  it("uses a profile's phases and flags spellings two phases claim", () => {
    const phases: PhaseDef[] = [
      { id: "in", label: { ja: "受付", en: "Intake" }, synonyms: ["受付", "取得", "共通"] },
      { id: "out", label: { ja: "払出", en: "Release" }, synonyms: ["払出", "共通"] },
    ];
    expect(readPhase("取得", phases)).toEqual({ ok: true, value: "in" });
    expect(readPhase("Release", phases)).toEqual({ ok: true, value: "out" });
    expect(readPhase("保管", phases)).toEqual({ ok: false });
    expect(readPhase("共通", phases)).toEqual({ ok: false, hint: "複数該当" });
    // Same array again: served from the cached table.
    expect(readPhase("受付時", phases)).toEqual({ ok: true, value: "in", hint: "部分一致" });
  });

  it("is fast enough for tens of thousands of rows", () => {
    const values = ["取得・入力", "保管中", "取得・利用", "未知の値", "1. 移送・送信"];
    const start = performance.now();
    for (let i = 0; i < 50_000; i++) readPhase(values[i % values.length]);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
