/**
 * Shared by the template tests: writing a template with the CLI's writer, turning a spec into
 * grids (what a host would read back), and LibreOffice Calc headless as the formula oracle.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CellValue, SheetGrid } from "../../packages/core/src/grid/grid";
import { serialFromIso } from "../../packages/core/src/read/date";
import type { WorkbookSpec } from "../../packages/core/src/templates/spec";
import { templateXlsx } from "../../packages/cli/src/template-xlsx";
import { tempDir as scratchDir } from "../scratch";

export const TODAY = "2025-06-30";

export function tempDir(prefix = "pmark-template-"): string {
  return scratchDir(prefix);
}

export async function writeSpec(spec: WorkbookSpec, path: string): Promise<void> {
  writeFileSync(path, await templateXlsx(spec));
}

/** A spec's cells as SheetGrids: constants as written, formula cells as their cached results. */
export function specGrids(spec: WorkbookSpec): SheetGrid[] {
  return spec.sheets.map((s) => {
    const values: CellValue[][] = [];
    if (s.title !== undefined) values[0] = [s.title];
    if (s.note !== undefined) values[1] = [s.note];
    values[s.headerRow - 1] = s.columns.map((c) => c.header);
    s.rows.forEach((row, i) => {
      values[s.headerRow + i] = row.map((cell) => (cell !== null && typeof cell === "object" ? cell.result : cell));
    });
    for (let r = 0; r < values.length; r++) values[r] ??= [];
    return { name: s.name, values };
  });
}

/** Excel serial of an ISO date (what a date cell holds). */
export function serial(iso: string): number {
  const s = serialFromIso(iso);
  if (s === null) throw new Error(`bad date ${iso}`);
  return s;
}

export function hasLibreOffice(): boolean {
  return spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
}

/**
 * Opens each file in LibreOffice Calc headless and saves it again as .xlsx, recalculating every
 * formula (OOXMLRecalcMode=0 in a private profile: the default keeps cached results). One
 * soffice start for all files. Returns the paths of the recalculated copies, in input order.
 */
export function recalcWithLibreOffice(files: readonly string[]): string[] {
  const work = tempDir("pmark-lo-");
  const profile = join(work, "profile");
  const out = join(work, "out");
  mkdirSync(join(profile, "user"), { recursive: true });
  mkdirSync(out);
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  const names = files.map((f) => basename(f));
  if (new Set(names).size !== names.length) throw new Error("recalcWithLibreOffice: file names must differ");
  const r = spawnSync(
    "soffice",
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--nolockcheck", "--convert-to", "xlsx", "--outdir", out, ...files],
    { encoding: "utf8", timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  const results = names.map((n) => join(out, n.replace(/\.[^.]+$/, ".xlsx")));
  rmSync(profile, { recursive: true, force: true });
  return results;
}
