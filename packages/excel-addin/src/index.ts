export {
  readGrids,
  applyPlan,
  applyHighlights,
  clearHighlights,
  selectCell,
  addressChunks,
  DEFAULT_BUDGET,
  MAX_ADDRESS_CHARS,
  MAX_SHEET_CELLS,
  NO_FEATURES,
  type Features,
  type WorkbookRead,
  type SheetInfo,
  type ReadOptions,
  type ApplyOptions,
  type ApplyOutcome,
} from "./adapter";
export { withExcel, toBridgeError } from "./errors";
export { createExcelBridge, officeEnv, languageOf, type ExcelEnv, type ExcelBridge } from "./excel-bridge";
export { HIGHLIGHT_SHEET, encodeFills, decodeFills, type FillState, type HighlightRecord } from "./highlight-store";
