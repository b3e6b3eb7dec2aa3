import { createExcelBridge, officeEnv } from "./excel-bridge";

/**
 * Ribbon commands without a pane. "Check": check the workbook, colour the findings' cells and
 * select the first error (or warning). "Show task pane" is a ShowTaskpane action in the manifest.
 */

async function pmarkCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const bridge = createExcelBridge(officeEnv());
    const report = await bridge.check({});
    await bridge.apply("highlight", undefined, false);
    const first = report.findings.find((f) => !f.accepted && f.severity === "error") ?? report.findings.find((f) => !f.accepted);
    if (first) await bridge.select(first.sheet, first.cell);
  } catch {
    // A ribbon command has no place to show a message; the task pane explains errors.
  } finally {
    event.completed();
  }
}

(globalThis as Record<string, unknown>).pmarkCheck = pmarkCheck;
void Office.onReady(() => {
  Office.actions?.associate?.("pmarkCheck", pmarkCheck);
});
