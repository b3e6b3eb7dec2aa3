import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { buildTemplate, resolveProfile as resolveCoreProfile } from "@pmark/core";
import type { TemplateArgs } from "./args";
import { errorText } from "./load/failure";
import { M } from "./messages";
import { resolveProfile } from "./profile";

interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** `pmark template`: the profile's standard template workbook, written to --out. Exit 0, or 2 on a bad profile or an unwritable file. */
export async function runTemplate(args: TemplateArgs, io: Io): Promise<number> {
  const profile = await resolveProfile(args.profile);
  if (!profile.ok) {
    io.stderr.write(`pmark: ${profile.message[args.lang]}\n`);
    return 2;
  }
  const resolved = resolveCoreProfile(profile.profile);
  const spec = buildTemplate(resolved, args.lang);
  // ExcelJS is large: load it only for this command, not for every `check` and worker. The build
  // turns this import into a require of dist/pmark-template.cjs (scripts/build-cli.mjs).
  const { templateXlsx } = await import("./template-xlsx");
  const bytes = await templateXlsx(spec);
  const partial = `${args.out}.${process.pid}.part`;
  try {
    await mkdir(dirname(args.out), { recursive: true });
    await writeFile(partial, bytes);
    await rename(partial, args.out);
  } catch (e) {
    const code = (e as { code?: string } | null)?.code;
    io.stderr.write(`pmark: ${M.templateWriteFailed(args.out, code ?? errorText(e))[args.lang]}\n`);
    return 2;
  }
  io.stdout.write(`${M.templateWritten(args.out, resolved.id, resolved.version, args.lang)[args.lang]}\n`);
  return 0;
}
