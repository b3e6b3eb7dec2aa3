/**
 * The report page's one stylesheet, inlined: on screen a readable column up to 1100 px; printed,
 * A4 portrait with margins that hold a running header (workbook, check date, profile) and page
 * numbers, every sheet's findings from a new page, table headers repeated on each page, and no
 * row cut in two. Fonts are the reader's own Japanese fonts (Windows, macOS and Linux desktops
 * ship one); no font is fetched. Colours keep 4.5:1 contrast and never carry meaning alone:
 * every level and severity is also written out.
 */
export const REPORT_CSS = `
:root {
  --text: #1f1f1f; --muted: #595959; --border: #c8c8c8; --subtle: #f4f4f4; --accent: #0f5ea8;
  --error: #a4101c; --error-bg: #fde7e9; --warning: #6d4700; --warning-bg: #fff4ce;
  --info: #0f548c; --info-bg: #ebf3fc; --ok: #0e6b0e; --ok-bg: #e7f4e7;
  --high: #e8a0a8; --medium: #f5d76e; --low: #a8d5b0;
  --high-empty: #fdeef0; --medium-empty: #fffae6; --low-empty: #f0f8f1;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--text); background: #fff;
  font-family: "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", YuGothic, Meiryo, "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAGothic", sans-serif;
  font-size: 14px; line-height: 1.55;
}
main { max-width: 1100px; margin: 0 auto; padding: 24px 24px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 15px; margin: 20px 0 8px; }
p { margin: 6px 0; }
.muted { color: var(--muted); }
.doc-head { border-bottom: 1px solid var(--border); padding-bottom: 12px; margin-bottom: 8px; }
.doc-kind { font-size: 13px; color: var(--accent); font-weight: 600; letter-spacing: .04em; margin: 0; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0 0; font-size: 13px; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin: 10px 0; }
.card { border: 1px solid var(--border); border-radius: 6px; padding: 8px 10px; background: #fff; break-inside: avoid; }
.card .label { font-size: 12px; color: var(--muted); }
.card .value { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
.card .sub { font-size: 12px; color: var(--muted); }
.card.error { border-color: var(--error); background: var(--error-bg); }
.card.error .value { color: var(--error); }
.card.warning { border-color: #c98a00; background: var(--warning-bg); }
.card.ok { border-color: var(--ok); background: var(--ok-bg); }
.charts { display: flex; flex-wrap: wrap; gap: 18px 28px; align-items: flex-start; }
figure { margin: 0; break-inside: avoid; }
figcaption { font-size: 13px; font-weight: 600; margin-bottom: 4px; }
svg text { font-family: inherit; }
.note { font-size: 12px; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 13px; }
th, td { border: 1px solid var(--border); padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--subtle); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.cell, td.severity { white-space: nowrap; }
table.findings { table-layout: fixed; }
table.findings th.c-cell { width: 4.5em; }
table.findings th.c-where { width: 10em; }
table.findings th.c-sev { width: 5.5em; }
table.findings th.c-rule { width: 11em; }
table.findings th.c-action { width: 22%; }
table.findings td.cell { white-space: normal; }
code { font-family: "SFMono-Regular", Consolas, "Liberation Mono", monospace; font-size: 12px; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.sev { display: inline-block; border-radius: 3px; padding: 0 5px; font-size: 12px; font-weight: 600; }
.sev.error { color: var(--error); background: var(--error-bg); }
.sev.warning { color: var(--warning); background: var(--warning-bg); }
.sev.info { color: var(--info); background: var(--info-bg); }
.badge { display: inline-block; border: 1px solid var(--border); border-radius: 3px; padding: 0 4px; font-size: 11px; color: var(--muted); margin-left: 4px; }
.hint { color: var(--muted); font-size: 12px; }
.level { display: inline-block; min-width: 1.8em; text-align: center; border-radius: 3px; padding: 0 4px; font-size: 12px; }
.level.high { background: var(--high); } .level.medium { background: var(--medium); } .level.low { background: var(--low); }
.up { color: var(--error); font-weight: 600; } .down { color: var(--ok); font-weight: 600; }
.old { color: var(--muted); text-decoration: line-through; }
.sheet-block { margin-top: 18px; }
table.compare { max-width: 560px; }
.file + .file { margin-top: 40px; border-top: 3px double var(--border); padding-top: 8px; }
.failed { border: 1px solid var(--error); background: var(--error-bg); padding: 8px 10px; border-radius: 6px; }
.bar { display: inline-block; vertical-align: middle; width: 120px; height: 10px; background: var(--subtle); border: 1px solid var(--border); border-radius: 2px; margin-right: 6px; }
.bar > span { display: block; height: 100%; background: var(--accent); }
@media (max-width: 640px) { main { padding: 12px; } .meta { grid-template-columns: 1fr; } }
@page { size: A4 portrait; margin: 18mm 12mm 16mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0 2px; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  .sheet-block + .sheet-block, .findings-block, .page-break { break-before: page; }
  table.compare { max-width: 560px; }
.file + .file { break-before: page; border-top: 0; margin-top: 0; padding-top: 0; }
  .card, .cards, figure, table.compare, table.readiness { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
