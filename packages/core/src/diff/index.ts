export { checkForDiff, diffGrids, diffWorkbooks, type CheckedSide } from "./diff";
export { snapshotWorkbook, type WorkbookSnapshot } from "./snapshot";
export type * from "./types";
