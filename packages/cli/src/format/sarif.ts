import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import type { Finding, Lang } from "@pmark/core";
import type { FileResult } from "../check-file";
import { failureMessage } from "../load/failure";
import { sortedFindings } from "./json";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const LEVEL: Record<Finding["severity"], "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** A workbook path as a SARIF artifact URI: relative paths stay relative, with "/" separators. */
export function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file
    .replace(/\\/g, "/")
    .split("/")
    .map((seg) => encodeURIComponent(seg))
    .join("/");
}

/** `Sheet!A1`, quoting the sheet name as Excel does when it is not a plain word. */
export function sheetCellName(sheet: string, cell: string): string {
  if (sheet === "") return cell;
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${cell}`;
}

/** SARIF 2.1.0 (PRODUCT.md §5): ruleId, level, the workbook, row as startLine, Sheet!A1. */
export function formatSarif(results: readonly FileResult[], lang: Lang, version: string): string {
  const ruleIds = new Set<string>();
  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  for (const r of results) {
    const uri = artifactUri(r.file);
    if (!r.ok) {
      notifications.push({
        level: "error",
        message: { text: failureMessage(r.file, r.failure)[lang] },
        descriptor: { id: `load/${r.failure.code}` },
        locations: [{ physicalLocation: { artifactLocation: { uri } } }],
      });
      continue;
    }
    for (const f of sortedFindings(r.report)) {
      ruleIds.add(f.rule);
      const result: Record<string, unknown> = {
        ruleId: f.rule,
        level: LEVEL[f.severity],
        message: { text: f.hint ? `${f.message[lang]} (${f.hint})` : f.message[lang] },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: Math.max(1, f.row), startColumn: Math.max(1, f.col) },
            },
            logicalLocations: [{ fullyQualifiedName: sheetCellName(f.sheet, f.cell), kind: "element" }],
          },
        ],
        properties: { sheet: f.sheet, cell: f.cell, message: f.message },
      };
      if (f.accepted) result.suppressions = [{ kind: "external", status: "accepted" }];
      sarifResults.push(result);
    }
  }
  const doc = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "pmark",
            version,
            rules: [...ruleIds].sort().map((id) => ({ id })),
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
