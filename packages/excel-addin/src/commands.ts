import { createExcelBridge, officeEnv } from "./excel-bridge";
import { ribbonCheck } from "./ribbon";

/**
 * Ribbon commands without a pane. "Check": see ribbon.ts. "Show task pane" is a ShowTaskpane
 * action in the manifest. Messages open in a small Office dialog (dialog.html, text only),
 * and the command completes when the user closes it.
 */

/** Shows `text` in a dialog beside this page; resolves when it is closed (or could not open). */
function showDialog(text: string, lang: string): Promise<void> {
  const url = new URL("dialog.html", location.href);
  url.searchParams.set("lang", lang);
  url.searchParams.set("m", text);
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) return resolve();
      const dialog = result.value;
      const done = () => {
        dialog.close();
        resolve();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

async function pmarkCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const env = officeEnv();
    await ribbonCheck(createExcelBridge(env), (text) => showDialog(text, env.language));
  } finally {
    event.completed();
  }
}

(globalThis as Record<string, unknown>).pmarkCheck = pmarkCheck;
void Office.onReady(() => {
  Office.actions?.associate?.("pmarkCheck", pmarkCheck);
});
