import { el } from "./dom";

/**
 * The WAI-ARIA tabs pattern (automatic activation): one tab in the Tab order, the selected one;
 * Left/Right move between tabs (and wrap), Home/End go to the first/last; the panel follows.
 */
export interface TabSpec {
  id: string;
  label: string;
  panel: HTMLElement;
}

export interface Tabs {
  readonly list: HTMLElement;
  select(id: string, focus?: boolean): void;
  selected(): string;
  onSelect(listener: (id: string) => void): void;
}

export function tabs(doc: Document, label: string, specs: readonly TabSpec[]): Tabs {
  const buttons = specs.map((s) =>
    el(doc, "button", { type: "button", role: "tab", id: `pm-tab-${s.id}`, "aria-controls": `pm-panel-${s.id}`, "aria-selected": "false", tabindex: -1 }, s.label),
  );
  specs.forEach((s) => {
    s.panel.id = `pm-panel-${s.id}`;
    s.panel.setAttribute("role", "tabpanel");
    s.panel.setAttribute("aria-labelledby", `pm-tab-${s.id}`);
    s.panel.tabIndex = 0;
  });
  const list = el(doc, "div", { class: "pm-tabs", role: "tablist", "aria-label": label }, ...buttons);
  const listeners: ((id: string) => void)[] = [];
  let current = specs[0]?.id ?? "";

  const select = (id: string, focus = false) => {
    const index = specs.findIndex((s) => s.id === id);
    if (index < 0) return;
    current = id;
    specs.forEach((s, i) => {
      const on = i === index;
      const b = buttons[i] as HTMLButtonElement;
      b.setAttribute("aria-selected", on ? "true" : "false");
      b.tabIndex = on ? 0 : -1;
      s.panel.hidden = !on;
    });
    if (focus) (buttons[index] as HTMLButtonElement).focus();
    for (const l of listeners) l(id);
  };

  buttons.forEach((b, i) => {
    b.addEventListener("click", () => select(specs[i]?.id ?? "", true));
    b.addEventListener("keydown", (event) => {
      const last = specs.length - 1;
      const to = event.key === "ArrowRight" ? (i === last ? 0 : i + 1) : event.key === "ArrowLeft" ? (i === 0 ? last : i - 1) : event.key === "Home" ? 0 : event.key === "End" ? last : -1;
      if (to < 0) return;
      event.preventDefault();
      select(specs[to]?.id ?? "", true);
    });
  });
  select(current);
  return { list, select, selected: () => current, onSelect: (l) => listeners.push(l) };
}
