/**
 * Cell-value readers: each takes one cell and returns null for a blank cell, or a ReadResult.
 * The helpers in ./result (ok, fail, prepare…) are internal and not re-exported.
 */
export type { ReadResult } from "./result";
export { MAX_TEXT_LENGTH } from "./result";
export { readCount, type CountValue } from "./count";
export {
  readDate,
  serialFromYmd,
  ymdFromSerial,
  isoFromSerial,
  serialFromIso,
  addMonths,
  MAX_SERIAL,
  type DateValue,
  type Ymd,
} from "./date";
export { readYesNo, YES_NO_CHOICES } from "./yesno";
export { readMedium, MEDIUM_CHOICES, type Medium } from "./medium";
export { readPhase, normalisePhase } from "./phase";
export { DEFAULT_PHASES } from "../glossary/phases";
export { readLevel, readScale, readScore, type Level } from "./level";
