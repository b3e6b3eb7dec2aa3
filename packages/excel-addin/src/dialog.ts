/**
 * The ribbon command's message dialog: the text from the URL, shown as text, and a close
 * button that asks the command to close the dialog (the dialog's own × works too).
 */
function show(): void {
  const params = new URLSearchParams(location.search);
  const lang = params.get("lang") === "ja" ? "ja" : "en";
  document.documentElement.lang = lang;
  const message = document.getElementById("message");
  const close = document.getElementById("close");
  if (message) message.textContent = params.get("m") ?? "";
  if (close) {
    close.textContent = lang === "ja" ? "閉じる" : "Close";
    close.addEventListener("click", () => {
      const office = (globalThis as { Office?: typeof Office }).Office;
      office?.context?.ui?.messageParent?.("close");
    });
    close.focus();
  }
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (office && typeof office.onReady === "function") void office.onReady(show);
else show();
