import { describe, expect, it } from "vitest";
import { GenerationMemo, memoByText } from "../../../packages/core/src/glossary/normalise";

/** How many entries a memo holds in its two generations (private fields, read for the test). */
function held(memo: GenerationMemo<unknown>): number {
  const m = memo as unknown as { current: Map<string, unknown>; previous: Map<string, unknown> };
  return m.current.size + m.previous.size;
}

describe("GenerationMemo", () => {
  it("keeps serving a working set as large as a generation, pass after pass", () => {
    let calls = 0;
    const f = memoByText((t: string) => {
      calls++;
      return t.length;
    }, 100);
    const texts = Array.from({ length: 100 }, (_, i) => `item ${i}`);
    for (const t of texts) f(t);
    expect(calls).toBe(100);
    for (let pass = 0; pass < 5; pass++) for (const t of texts) expect(f(t)).toBe(t.length);
    expect(calls).toBe(100);
  });

  it("past its size, drops the oldest texts only, and never holds more than two generations", () => {
    const memo = new GenerationMemo<number>(50);
    for (let i = 0; i < 120; i++) memo.set(`t${i}`, i);
    expect(held(memo)).toBeLessThanOrEqual(100);
    // The 50–70 most recent are still there; the first ones are gone.
    expect(memo.get("t119")).toBe(119);
    expect(memo.get("t70")).toBe(70);
    expect(memo.get("t0")).toBeUndefined();
  });

  it("carries a text found in the previous generation into the current one", () => {
    const memo = new GenerationMemo<number>(3);
    memo.set("a", 1);
    memo.set("b", 2);
    memo.set("c", 3);
    memo.set("d", 4); // a b c become the previous generation
    expect(memo.get("a")).toBe(1); // carried forward
    memo.set("e", 5);
    memo.set("f", 6); // d a e become the previous generation; b c are dropped
    expect(memo.get("a")).toBe(1);
    expect(memo.get("b")).toBeUndefined();
  });

  it("recomputes a text whose result is not kept (over 200 characters)", () => {
    let calls = 0;
    const f = memoByText((t: string) => {
      calls++;
      return t.length;
    });
    const long = "長".repeat(201);
    f(long);
    f(long);
    expect(calls).toBe(2);
  });

  it("answers a repeated text from its last lookup with the same value, interleaved or not", () => {
    const memo = new GenerationMemo<number>(4);
    const texts = ["中", "中", "高", "中", "低", "低", "高", "中"];
    const value = (t: string) => ({ 高: 3, 中: 2, 低: 1 })[t] as number;
    for (const t of texts) {
      // A text built anew each time: equal content, a different string object.
      const fresh = [...t].join("");
      if (memo.get(fresh) === undefined) memo.set(fresh, value(t));
      expect(memo.get(t)).toBe(value(t));
    }
    expect(memo.get("無")).toBeUndefined();
    memo.set("無", 0);
    expect(memo.get("無")).toBe(0);
  });
});
