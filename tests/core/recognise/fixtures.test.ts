import { describe, expect, it } from "vitest";
import { columnLetters } from "../../../packages/core/src/grid/grid";
import { recogniseSheet } from "../../../packages/core/src/recognise/sheet";
import { FIXTURES } from "../../fixtures/grids/index";

/**
 * Header detection on differently shaped, real-looking sheets written independently of the
 * recogniser (tests/fixtures/grids): title blocks, two-row merged headers, English headers,
 * shuffled columns, long and wide risk layouts, ISMS asset sheets, registers, and sheets that
 * are none of these.
 */
describe("header recognition on realistic sheets", () => {
  for (const { id, grid, expected } of FIXTURES) {
    it(id, () => {
      const s = recogniseSheet(grid, 0);
      expect(s.kind).toBe(expected.kind);
      if (expected.kind === "unknown") return;
      expect(s.headerRow + 1).toBe(expected.headerRow);
      if (expected.layout) expect(s.layout).toBe(expected.layout);
      const columns = Object.fromEntries(s.columns.map((m) => [columnLetters(m.col + 1), m.field]));
      expect(columns).toEqual(expected.columns);
      const phaseGroups = (expected as { phaseGroups?: Record<string, string> }).phaseGroups;
      if (phaseGroups) {
        const got = Object.fromEntries(s.columns.filter((m) => m.phase).map((m) => [columnLetters(m.col + 1), m.phase]));
        expect(got).toEqual(phaseGroups);
      }
      expect(s.dataRows.length).toBe(expected.dataRows);
    });
  }
});
