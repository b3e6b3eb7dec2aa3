import { describe, expect, it } from "vitest";
import { byText, fromOwner, MAX_TEXT } from "../../packages/core/src/memo";

/** The one cache module: results by text, computed once per text while they fit, and always right. */
describe("memo", () => {
  it("computes a text once, then answers it from the store, with what a fresh computation gives", () => {
    let calls = 0;
    const length = (t: string) => {
      calls++;
      return t.length;
    };
    const texts = Array.from({ length: 100 }, (_, i) => `item ${i}`);
    for (let pass = 0; pass < 3; pass++) for (const t of texts) expect(byText("vague", `memo-test ${t}`, length)).toBe(`memo-test ${t}`.length);
    expect(calls).toBe(100);
  });

  it("stays right past its bound, computing again only texts it let go", () => {
    let calls = 0;
    const twice = (t: string) => {
      calls++;
      return `${t}${t}`;
    };
    const n = 250_000;
    for (let i = 0; i < n; i++) byText("improper", `b${i}`, twice);
    expect(calls).toBe(n);
    // The latest texts are still held; the first ones were let go and are computed again, rightly.
    expect(byText("improper", `b${n - 1}`, twice)).toBe(`b${n - 1}b${n - 1}`);
    expect(calls).toBe(n);
    expect(byText("improper", "b0", twice)).toBe("b0b0");
    expect(calls).toBe(n + 1);
  });

  it("does not keep texts longer than a cell value usually is", () => {
    let calls = 0;
    const long = "長".repeat(MAX_TEXT + 1);
    for (let i = 0; i < 2; i++)
      byText("cloud", long, (t) => {
        calls++;
        return t.length;
      });
    expect(calls).toBe(2);
  });

  it("keeps a store per owner, and builds what an owner derives once", () => {
    const a = {};
    const b = {};
    expect(byText("phase", "x", (t, n: number) => `${t}${n}`, 1, a)).toBe("x1");
    expect(byText("phase", "x", (t, n: number) => `${t}${n}`, 2, b)).toBe("x2");
    expect(byText("phase", "x", (t, n: number) => `${t}${n}`, 3, a)).toBe("x1");
    let built = 0;
    const make = () => ++built;
    expect(fromOwner("test", a, make)).toBe(1);
    expect(fromOwner("test", a, make)).toBe(1);
    expect(fromOwner("test", b, make)).toBe(2);
  });
});
