export * from "./bridge";
export { mountApp, type MountOptions, type MountedApp } from "./app";
export { errorText } from "./errors";
export { MESSAGES, translator, type MessageKey, type Messages, type Translate } from "./messages";
export {
  createMemoryBridge,
  memoryWorkbook,
  applyPlanToWorkbook,
  clearHighlights,
  gridsOf,
  type MemoryBridge,
  type MemoryBridgeOptions,
  type MemoryWorkbook,
  type MemorySheet,
} from "./memory-bridge";
export { sampleWorkbook } from "./sample";
export { heatMapView } from "./heatmap";
export { isDarkColour } from "./theme";
export type { PaneContext, View } from "./context";
