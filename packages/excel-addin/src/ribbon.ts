import type { Lang } from "@pmark/core";
import type { HostBridge } from "@pmark/ui";

/**
 * The ribbon's Check button, without a pane: check, colour the findings' cells and select the
 * first error (or warning). A ribbon command has no place of its own to write in, so what the
 * user must know — that nothing was found, or that the check failed and why — goes to `notify`
 * (a small Office dialog); a selected, coloured cell says enough by itself.
 */

const TEXT = {
  ja: {
    none: "指摘はありません。実行したすべてのチェックに合格しています。",
    failed: "チェックできませんでした: {{reason}}",
    highlightFailed: "チェックは完了しましたが、色を付けられませんでした: {{reason}}",
  },
  en: {
    none: "No findings. The sheets pass every check that ran.",
    failed: "The check could not be run: {{reason}}",
    highlightFailed: "The check ran, but the cells could not be coloured: {{reason}}",
  },
} as const;

export async function ribbonCheck(bridge: HostBridge, notify: (text: string) => Promise<void>): Promise<void> {
  const lang: Lang = bridge.language();
  const say = (key: keyof (typeof TEXT)["ja"], reason = "") => notify(TEXT[lang][key].replace("{{reason}}", () => reason));
  try {
    const report = await bridge.check({});
    const open = report.findings.filter((f) => !f.accepted);
    if (open.length === 0) {
      await say("none");
      return;
    }
    const painted = await bridge.apply("highlight", undefined, false);
    const first = open.find((f) => f.severity === "error") ?? open.find((f) => f.severity === "warning") ?? open[0];
    if (first) await bridge.select(first.sheet, first.cell);
    if (!painted.ok) await say("highlightFailed", painted.error?.message[lang] ?? "");
    else if (report.notice) await notify(report.notice.message[lang]);
  } catch (e) {
    const own = (e as { text?: Partial<Record<Lang, unknown>> } | null)?.text?.[lang];
    await say("failed", typeof own === "string" ? own : e instanceof Error ? e.message : String(e));
  }
}
