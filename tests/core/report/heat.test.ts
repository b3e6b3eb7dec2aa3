import { describe, expect, it } from "vitest";
import { heatMapCells, heatMapTotal, type HeatMap } from "../../../packages/core/src/index";

function map(max: number, before: number[][]): HeatMap {
  const empty = before.map((row) => row.map(() => 0));
  return { likelihood: { min: 1, max }, impact: { min: 1, max }, before, after: empty, unplaced: { before: 0, after: 0 }, columns: { before: true, after: false } };
}

describe("heatMapCells", () => {
  it("lays the grid out highest likelihood first, impact across, with counts and levels", () => {
    const before = [
      [1, 0, 0],
      [0, 2, 0],
      [0, 0, 3],
    ];
    const cells = heatMapCells(map(3, before), before);
    expect(cells.map((row) => row.map((c) => `${c.likelihood}×${c.impact}:${c.count}:${c.zone}`))).toEqual([
      ["3×1:0:medium", "3×2:0:high", "3×3:3:high"],
      ["2×1:0:low", "2×2:2:medium", "2×3:0:high"],
      ["1×1:1:low", "1×2:0:low", "1×3:0:medium"],
    ]);
    expect(heatMapTotal(before)).toBe(6);
  });

  it("uses the 1–5 square bands (5 中, 15 高)", () => {
    const before = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
    const zones = heatMapCells(map(5, before), before).map((row) => row.map((c) => c.zone[0]).join(""));
    expect(zones).toEqual(["mmhhh", "lmmhh", "lmmmh", "llmmm", "llllm"]);
  });
});
