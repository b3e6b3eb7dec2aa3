import { scanText } from "../../read/annual";
import { partyPresence } from "../../model/records";
import type { RegisteredContractor } from "../../model/register";
import { CONTRACTOR } from "../fields";

/**
 * How a contractor evaluation reads: a pass (適, 適合, 合格, 可, OK, ○, A/B), not a pass (否, 不適,
 * 不合格, 不可, 要改善, 条件付き, 保留, 再評価, NG, ×, C/D), or something else (a score, a
 * comment), which no rule judges.
 */
export type EvaluationOutcome = "pass" | "notPass" | "unknown";

const NOT_PASS = /否|不適|不合格|不可|不承認|要改善|改善要|要是正|条件付|保留|再評価|未達|\bng\b|fail|reject|×|✕|✗|^[cde]$|^[cde]評価|^[cde]ランク/i;
const PASS = /^(?:適|適合|適格|合格|可|良|優|承認|採用|選定|継続|継続可|問題なし|ok|pass(?:ed)?|approved|○|〇|◯|[ab]|[ab]評価|[ab]ランク|s)(?:$|[\s(（:：、,。/・])/i;

export function evaluationOutcome(text: string): EvaluationOutcome {
  const t = scanText(text).trim();
  if (t === "") return "unknown";
  // The leading word decides: 「適（一部要改善）」 passed with remarks, 「条件付き適」 did not pass.
  if (PASS.test(t)) return "pass";
  return NOT_PASS.test(t) ? "notPass" : "unknown";
}

const EXCEPTION_NOTE = /例外|特例|代表者.{0,10}承認|承認済|承認を得|暫定利用/;

/** An exception recorded on the row: the exception column, or a note that says one was approved. */
export function exceptionRecorded(entry: RegisteredContractor): boolean {
  const cell = CONTRACTOR.cell(entry.sheet, entry.row, "exception");
  if (partyPresence(cell) === "present") return true;
  return EXCEPTION_NOTE.test(scanText(CONTRACTOR.cell(entry.sheet, entry.row, "note").text));
}
