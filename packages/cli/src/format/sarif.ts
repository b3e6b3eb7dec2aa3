import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import { ruleCatalogue, type Finding, type Lang, type RuleInfo } from "@pmark/core";
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

/** `risk/phase-missing` → `RiskPhaseMissing`: SARIF's identifier-like rule name. */
export function ruleName(id: string): string {
  return id
    .split(/[/-]/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

/** `tool.driver.rules[]` entry from a rule's metadata (core's `ruleCatalogue()`). */
export function ruleDescriptor(rule: RuleInfo, lang: Lang): Record<string, unknown> {
  const clause = rule.clause ? ` (${rule.clause})` : "";
  const { ja, en } = rule.description;
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: en },
    fullDescription: { text: `${rule.description[lang]}${clause}` },
    help: {
      text: `${ja}${clause}\n${en}${clause}`,
      markdown: `${ja}${clause}\n\n${en}${clause}`,
    },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: {
      area: rule.area,
      ...(rule.clause ? { clause: rule.clause } : {}),
      ...(rule.clauseUnconfirmed ? { clauseUnconfirmed: rule.clauseUnconfirmed } : {}),
      description: { ja, en },
      tags: ["pmark", rule.area],
    },
  };
}

/** SARIF `suppressions[]` for an accepted finding: a note in the workbook is in-source, a profile entry external. */
export function sarifSuppressions(f: Finding, lang: Lang): Record<string, unknown>[] | undefined {
  if (!f.accepted) return undefined;
  const a = f.acceptance;
  if (a?.source === "note") {
    const where = sheetCellName(a.sheet, a.cell);
    return [{ kind: "inSource", status: "accepted", justification: lang === "ja" ? `備考 ${where} で承認` : `accepted in the note ${where}` }];
  }
  if (a?.source === "profile" && a.reason !== undefined) return [{ kind: "external", status: "accepted", justification: a.reason }];
  return [{ kind: "external", status: "accepted" }];
}

/**
 * SARIF 2.1.0 (docs/json-output.md): the rule catalogue as `tool.driver.rules[]` (from rule metadata,
 * plus a bare entry for any other id seen), one result per finding with ruleId, ruleIndex,
 * level, the workbook as artifactLocation, row as startLine, column as startColumn and
 * `Sheet!A1` as logical location; accepted findings carry `suppressions`. Unreadable inputs
 * are tool execution notifications. `results` is always present.
 */
export function formatSarif(results: readonly FileResult[], lang: Lang, version: string): string {
  const rules: Record<string, unknown>[] = ruleCatalogue().map((r) => ruleDescriptor(r, lang));
  const ruleIndex = new Map<string, number>(rules.map((r, i) => [r.id as string, i]));
  const indexOf = (id: string): number => {
    let i = ruleIndex.get(id);
    if (i === undefined) {
      i = rules.length;
      rules.push({ id, name: ruleName(id) });
      ruleIndex.set(id, i);
    }
    return i;
  };
  const artifacts: { location: { uri: string } }[] = [];
  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  for (const r of results) {
    const uri = artifactUri(r.file);
    const index = artifacts.length;
    artifacts.push({ location: { uri } });
    if (!r.ok) {
      notifications.push({
        level: "error",
        message: { text: failureMessage(r.file, r.failure)[lang] },
        descriptor: { id: `load/${r.failure.code}` },
        locations: [{ physicalLocation: { artifactLocation: { uri, index } } }],
      });
      continue;
    }
    for (const f of sortedFindings(r.report)) {
      const result: Record<string, unknown> = {
        ruleId: f.rule,
        ruleIndex: indexOf(f.rule),
        level: LEVEL[f.severity],
        message: { text: f.hint ? `${f.message[lang]} (${f.hint})` : f.message[lang] },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri, index },
              region: { startLine: Math.max(1, f.row), startColumn: Math.max(1, f.col) },
            },
            logicalLocations: [{ name: f.cell, fullyQualifiedName: sheetCellName(f.sheet, f.cell), kind: "element" }],
          },
        ],
        properties: { sheet: f.sheet, cell: f.cell, message: f.message },
      };
      const suppressions = sarifSuppressions(f, lang);
      if (suppressions) result.suppressions = suppressions;
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
            rules,
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        artifacts,
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
