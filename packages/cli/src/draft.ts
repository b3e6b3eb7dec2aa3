import { realpath, stat } from "node:fs/promises";
import { basename, dirname, extname, resolve } from "node:path";
import { checkWorkbook, draftPlan, preparePlan, type Lang, type LocalisedText } from "@pmark/core";
import type { DraftArgs } from "./args";
import { addSheetsToPackage, PackageError } from "./draft/package";
import { worksheetXml } from "./draft/sheet-xml";
import { errorText, failureMessage } from "./load/failure";
import { loadBytes, readInputFile } from "./load/workbook";
import { entryText, inspectZip, type ZipEntry } from "./load/zip";
import { M } from "./messages";
import { writeFailureMessage, writeOutputFile } from "./output-file";
import { resolveProfile } from "./profile";
import { shownName, stderrLine, terminalText, TEXT_LIMITS } from "./terminal-text";

interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const PLAIN_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

/** Whether two paths name the same file: the same real path, or (hard links) the same device and inode. */
async function sameFile(input: string, out: string): Promise<boolean> {
  const realIn = await realpath(input);
  const target = resolve(out);
  try {
    const [a, b] = await Promise.all([stat(input), stat(target)]);
    if (a.dev === b.dev && a.ino === b.ino) return true;
    return (await realpath(target)) === realIn;
  } catch {
    // --out does not exist yet: its folder's real path and its name.
    try {
      return resolve(await realpath(dirname(target)), basename(target)) === realIn;
    } catch {
      return false;
    }
  }
}

/** The workbook part's content type, from [Content_Types].xml: what tells .xlsx from .xlsm. */
function mainContentType(buf: Buffer, entries: readonly ZipEntry[]): string | null {
  const entry = entries.find((e) => e.name.toLowerCase() === "[content_types].xml");
  const text = entry ? entryText(buf, entry, 8 * 1024 * 1024) : null;
  if (text === null) return null;
  const override = /<(?:[\w.-]+:)?Override\s[^>]*PartName\s*=\s*["']\/xl\/workbook\.xml["'][^>]*>/i.exec(text)?.[0] ?? "";
  return /ContentType\s*=\s*["']([^"']+)["']/.exec(override)?.[1] ?? null;
}

function line(io: Io, text: LocalisedText, lang: Lang): number {
  stderrLine(io.stderr, text[lang], lang);
  return 2;
}

/**
 * `pmark draft FILE --out OUT.xlsx`: a copy of an .xlsx / .xlsm workbook with the risk rows
 * its analysis lacks drafted on new sheet(s) (core's draft plan, target "sheet"), every other
 * part of the package byte for byte as it was. Never writes over its input (not even with
 * --force), nor over an existing file without --force. Exit 0 (also when there is nothing to
 * draft: nothing is written then), 2 with one line otherwise.
 */
export async function runDraft(args: DraftArgs, io: Io): Promise<number> {
  const { lang } = args;
  const profile = await resolveProfile(args.profile);
  if (!profile.ok) return line(io, profile.message, lang);
  const shown = shownName(args.input, lang);

  const read = await readInputFile(args.input);
  if (!read.ok) return line(io, failureMessage(shown, read.reason), lang);
  const { buf } = read;
  try {
    if (await sameFile(args.input, args.out)) return line(io, M.draftSameFile(args.input), lang);
  } catch (e) {
    return line(io, failureMessage(shown, { code: "unreadable", detail: (e as { code?: string } | null)?.code ?? errorText(e) }), lang);
  }

  // The same reading as `pmark check`: budget, CRCs, encryption and damage all refuse here.
  const loaded = await loadBytes(args.input, buf);
  if (!loaded.ok) return line(io, failureMessage(shown, loaded.reason), lang);
  const zip = inspectZip(buf);
  const main = zip.ok ? mainContentType(buf, zip.entries) : null;
  if (!zip.ok || (main !== PLAIN_MAIN && main !== MACRO_MAIN)) return line(io, M.draftNotOoxml(args.input), lang);
  const want = main === MACRO_MAIN ? ".xlsm" : ".xlsx";
  if (extname(args.out).toLowerCase() !== want) return line(io, M.draftWrongExtension(args.out, want), lang);

  const grids = loaded.grids;
  const options = profile.profile ? { profile: profile.profile } : {};
  const report = checkWorkbook(grids, options);
  const built = draftPlan(grids, report, { lang, target: "sheet", ...options });
  if (built.problem?.code === "nothing-to-do") {
    io.stdout.write(`${M.draftNothing(args.input)[lang]}\n`);
    return 0;
  }
  if (built.problem) return line(io, built.problem.message, lang);
  const prepared = preparePlan(built.plan, grids, { confirmOverwrite: false });
  if (prepared.problem) return line(io, prepared.problem.message, lang);
  // The CLI only ever adds sheets: a write into an existing one would change its part.
  if (prepared.plan.ops.some((op) => op.op !== "addSheet" && !prepared.added.includes(op.sheet))) {
    return line(io, M.draftUnsupportedPackage(args.input, "the draft writes into an existing sheet"), lang);
  }

  let bytes: Buffer;
  try {
    bytes = addSheetsToPackage(
      buf,
      zip,
      prepared.added.map((name) => ({ name, xml: (ns: string) => worksheetXml(prepared.plan.ops, name, lang, ns) })),
    );
  } catch (e) {
    if (e instanceof PackageError) return line(io, M.draftUnsupportedPackage(args.input, e.message), lang);
    throw e;
  }
  const written = await writeOutputFile(args.out, bytes, { force: args.force });
  if (!written.ok) return line(io, writeFailureMessage(args.out, written.reason), lang);
  io.stdout.write(`${M.draftWritten(args.out, built.rows, built.items, prepared.added)[lang]}\n`);
  const summary = built.plan.summary?.[lang];
  if (summary) io.stdout.write(`${terminalText(summary, { max: TEXT_LIMITS.message, lang })}\n`);
  return 0;
}
