import { readWorkbookState, type WorkbookState } from "@pmark/core";
import type { PropertiesPort } from "../gas/ports";
import { chunkUtf8 } from "./highlights";

/**
 * What the add-on remembers about the spreadsheet (profile, acceptances, what it added), in the
 * document's properties beside the highlight memory: private to the add-on, invisible, and it
 * travels with the file. Chunked under Apps Script's 9 KB per value; written in one call.
 */

const PREFIX = "pmark.state.";
const COUNT = `${PREFIX}n`;

export function loadState(props: PropertiesPort | null): WorkbookState {
  if (!props) return {};
  const all = props.getProperties();
  const n = Number(all[COUNT] ?? 0);
  if (!Number.isInteger(n) || n <= 0) return {};
  let text = "";
  for (let i = 0; i < n; i++) {
    const part = all[`${PREFIX}${i}`];
    if (part === undefined) return {};
    text += part;
  }
  return readWorkbookState(text);
}

export function saveState(props: PropertiesPort | null, state: WorkbookState): void {
  if (!props) return;
  const before = Number(props.getProperties()[COUNT] ?? 0);
  const chunks = chunkUtf8(JSON.stringify(state));
  const values: Record<string, string> = { [COUNT]: String(chunks.length) };
  chunks.forEach((c, i) => (values[`${PREFIX}${i}`] = c));
  props.setProperties(values, false);
  for (let i = chunks.length; i < (Number.isInteger(before) ? before : 0); i++) props.deleteProperty(`${PREFIX}${i}`);
}
