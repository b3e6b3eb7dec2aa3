import { buildTemplate, resolveProfile as resolveCoreProfile } from "@pmark/core";
import type { TemplateArgs } from "./args";
import { M } from "./messages";
import { writeFailureMessage, writeOutputFile } from "./output-file";
import { resolveProfile } from "./profile";
import { stderrLine } from "./terminal-text";

interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * `pmark template`: the profile's standard template workbook, written to --out through the safe
 * writer (an existing file only with --force, never a new folder). Exit 0, or 2 on a bad profile
 * or a file that cannot be written.
 */
export async function runTemplate(args: TemplateArgs, io: Io): Promise<number> {
  const profile = await resolveProfile(args.profile);
  if (!profile.ok) {
    stderrLine(io.stderr, profile.message[args.lang], args.lang);
    return 2;
  }
  const resolved = resolveCoreProfile(profile.profile);
  const spec = buildTemplate(resolved, args.lang);
  // ExcelJS is large: load it only for this command, not for every `check` and worker. The build
  // turns this import into a require of dist/pmark-template.cjs (scripts/build-cli.mjs).
  const { templateXlsx } = await import("./template-xlsx");
  const bytes = await templateXlsx(spec);
  const written = await writeOutputFile(args.out, bytes, { force: args.force });
  if (!written.ok) {
    stderrLine(io.stderr, writeFailureMessage(args.out, written.reason)[args.lang], args.lang);
    return 2;
  }
  io.stdout.write(`${M.templateWritten(args.out, resolved.id, resolved.version, args.lang)[args.lang]}\n`);
  return 0;
}
