import { cloudServicesIn, type CloudService } from "../glossary/cloud-services";
import type { ContractorField } from "../glossary/fields";
import { nfkc } from "../glossary/normalise";
import { scanText } from "../read/annual";
import { readYesNo } from "../read/yesno";
import type { RecognisedSheet } from "../recognise/sheet";
import { fieldCell, organisationKey, partyPresence, splitParties, type FieldCell, type LedgerItem } from "./records";

/**
 * The contractor register (委託先管理台帳) and how ledger contractors are found in it.
 *
 * A name written in the ledger is *registered* when it is the register's name as written
 * (brackets with notes dropped, surrounding spaces trimmed); *nearly* registered when only the
 * corporate form (株式会社 / (株) / ㈱), character width, spaces, a trailing 事務所 or a
 * profession word (税理士・社労士…) differ, or one or two characters (a typo); and *not
 * registered* otherwise. A cloud service is registered when a register row names it anywhere
 * (name, work, items, notes): 「Google LLC ／ Google Workspace の提供」.
 */

export interface RegisteredContractor {
  sheet: RecognisedSheet;
  row: number;
  nameCell: FieldCell;
  name: string;
  /** Every text of the row, for finding cloud services named in the work or notes. */
  text: string;
}

/** The register cells a cloud service may be named in. */
const REGISTER_TEXT: readonly ContractorField[] = ["name", "work", "items", "note", "exception"];

function readRegister(sheets: readonly RecognisedSheet[]): RegisteredContractor[] {
  const out: RegisteredContractor[] = [];
  for (const sheet of sheets) {
    for (const row of sheet.dataRows) {
      const nameCell = fieldCell(sheet, row, "name");
      if (nameCell.text === "") continue;
      const text = REGISTER_TEXT.map((f) => scanText(fieldCell(sheet, row, f).text)).join(" ");
      out.push({ sheet, row, nameCell, name: nameCell.text, text });
    }
  }
  return out;
}

/** A ledger cell that names contractors, and one of the names in it. */
export interface LedgerParty {
  item: LedgerItem;
  cell: FieldCell;
  name: string;
}

function readLedgerContractors(items: readonly LedgerItem[]): LedgerParty[] {
  const out: LedgerParty[] = [];
  for (const item of items) {
    if (partyPresence(item.contractor) !== "present") continue;
    for (const name of splitParties(scanText(item.contractor.text))) {
      // A bare 「有」「○」 says there is a contractor without naming it.
      const yn = readYesNo(name);
      if (yn && yn.ok) continue;
      out.push({ item, cell: item.contractor, name });
    }
  }
  return out;
}

/** Cloud services a ledger item names as its storage place. */
export function storageServices(item: LedgerItem): { cell: FieldCell; services: readonly CloudService[] } {
  const cell = fieldCell(item.sheet, item.row, "storagePlace");
  return { cell, services: cell.text === "" ? [] : cloudServicesIn(scanText(cell.text)) };
}

const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|「[^「」]*」|『[^『』]*』|〔[^〔〕]*〕/g;

/** The name as written, without bracketed notes: 「株式会社A（給与計算）」 → 「株式会社A」. */
function asWritten(text: string): string {
  return nfkc(text).replace(BRACKETED, "").trim().normalize("NFC");
}

/** The name itself and each bracketed part: 「運送会社（ヤマト運輸）」 may name ヤマト運輸. */
function candidates(text: string): string[] {
  const t = nfkc(text);
  const inner = [...t.matchAll(/[(（[【「『〔]([^()（）[\]【】「」『』〔〕]+)[)）\]】」』〕]/g)].map((m) => (m[1] ?? "").trim());
  return [asWritten(t), ...inner].filter((s) => s !== "");
}

const PROFESSION = /税理士|社会保険労務士|社労士|行政書士|司法書士|弁護士|公認会計士|会計士|弁理士/g;

/** Corporate form, width, spaces, trailing 事務所 and profession words folded. */
export function contractorKey(text: string): string {
  return organisationKey(text)
    .replace(/(?:事務所|事務局|オフィス|office)$/, "")
    .replace(PROFESSION, "");
}

/** Levenshtein distance, or Infinity once it exceeds `max` (names are short; cut long ones). */
function distance(a: string, b: string, max: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max || x.length > 80 || y.length > 80) return Infinity;
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return Infinity;
    prev = cur;
  }
  return prev[y.length] as number;
}

/** Typos allowed for a key of this length: none below 4 characters, 1 up to 9, then 2. */
function allowedTypos(key: string): number {
  const n = [...key].length;
  return n < 4 ? 0 : n < 10 ? 1 : 2;
}

export type RegisterMatch = { kind: "exact"; entry: RegisteredContractor } | { kind: "near"; entry: RegisteredContractor } | null;

/**
 * The contractor register as the rules read it, built once per check by the workbook model: its
 * rows, the contractor names the ledger gives, and an index so that a lookup is no scan of the
 * whole register. A ledger name is looked up once however many rows repeat it.
 */
export class ContractorRegister {
  readonly entries: readonly RegisteredContractor[];
  /** The contractor names of every ledger item (a cell may name several: 「A社、B社」). */
  readonly ledgerParties: readonly LedgerParty[];
  private readonly written = new Map<string, RegisteredContractor>();
  private readonly keys: string[];
  /** Key → first row with that key (a distance of 0). */
  private readonly firstByKey = new Map<string, number>();
  /** Cloud service → first row naming it (-1: none), filled as services are asked for. */
  private readonly firstByService = new Map<CloudService, number>();
  private readonly found = new Map<string, RegisterMatch>();

  constructor(sheets: readonly RecognisedSheet[], items: readonly LedgerItem[]) {
    this.entries = readRegister(sheets);
    this.ledgerParties = readLedgerContractors(items);
    for (const e of this.entries) {
      const w = asWritten(e.name);
      if (!this.written.has(w)) this.written.set(w, e);
    }
    this.keys = this.entries.map((e) => contractorKey(e.name));
    this.keys.forEach((k, i) => {
      if (k !== "" && !this.firstByKey.has(k)) this.firstByKey.set(k, i);
    });
  }

  /** How a ledger contractor name stands in the register. */
  find(name: string): RegisterMatch {
    let m = this.found.get(name);
    if (m === undefined) {
      m = this.findOnce(name);
      this.found.set(name, m);
    }
    return m === null ? null : { ...m };
  }

  /** The register row that names a cloud service, or null. */
  naming(service: CloudService): RegisteredContractor | null {
    const i = this.firstNaming(service);
    return i >= 0 ? (this.entries[i] as RegisteredContractor) : null;
  }

  private firstNaming(service: CloudService): number {
    let i = this.firstByService.get(service);
    if (i === undefined) {
      i = this.entries.findIndex((e) => service.pattern.test(e.text));
      this.firstByService.set(service, i);
    }
    return i;
  }

  private findOnce(name: string): RegisterMatch {
    const register = this.entries;
    const names = candidates(name);
    for (const c of names) {
      const hit = this.written.get(c);
      if (hit) return { kind: "exact", entry: hit };
    }
    // A cloud service written by its product name: registered when a row names the service.
    let first = Number.POSITIVE_INFINITY;
    for (const s of cloudServicesIn(scanText(name))) {
      const i = this.firstNaming(s);
      if (i >= 0 && i < first) first = i;
    }
    const named = Number.isFinite(first) ? register[first] : undefined;
    if (named) return { kind: "exact", entry: named };
    // Same key (distance 0): the first candidate that has one wins, as the scan below would decide.
    for (const c of names) {
      const key = contractorKey(c);
      const i = key === "" ? undefined : this.firstByKey.get(key);
      if (i !== undefined) return { kind: "near", entry: register[i] as RegisteredContractor };
    }
    let best: { entry: RegisteredContractor; d: number } | null = null;
    for (const c of names) {
      const key = contractorKey(c);
      if (key === "") continue;
      for (let i = 0; i < register.length; i++) {
        const other = this.keys[i] as string;
        if (other === "") continue;
        const max = Math.min(allowedTypos(key), allowedTypos(other));
        const d = key === other ? 0 : distance(key, other, max);
        if (d <= max && (!best || d < best.d)) best = { entry: register[i] as RegisteredContractor, d };
      }
    }
    return best ? { kind: "near", entry: best.entry } : null;
  }
}
