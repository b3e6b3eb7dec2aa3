import type { SheetGrid } from "../grid/grid";
import type { SheetKind } from "../glossary/kinds";
import type { ResolvedProfile } from "../profile/resolve";
import { ledgerItems, riskEntries, type LedgerItem, type RiskEntry } from "../model/records";
import { recogniseSheet, type RecognisedSheet } from "../recognise/sheet";
import { assessRiskSheet, type SheetRiskModel } from "./assess";
import { phaseCoverage, type PhaseCoverage } from "./coverage";
import { linkRisks, type RiskLinks } from "./links";
import { ContractorRegister } from "./register";

/**
 * The workbook as rules and report read it, built once per check: the recognised sheets, the
 * ledger items and risk rows, the links between them, each risk row's assessment under its
 * sheet's own rule, and phase coverage. Nothing here is computed again by a reader.
 */
export interface WorkbookModel {
  readonly profile: ResolvedProfile;
  readonly sheets: readonly RecognisedSheet[];
  ofKind(kind: SheetKind): readonly RecognisedSheet[];
  readonly ledgerItems: readonly LedgerItem[];
  /** Risk rows, sheet after sheet; each carries its assessment (null when its sheet is not scored). */
  readonly riskEntries: readonly RiskEntry[];
  readonly links: RiskLinks;
  /** The rule a risk sheet is scored by (null when it has no scoring columns). */
  scoringOf(sheet: RecognisedSheet): SheetRiskModel | null;
  readonly coverage: PhaseCoverage;
  /** The contractor register and the contractor names the ledger gives. */
  readonly contractors: ContractorRegister;
}

export function buildModel(grids: readonly SheetGrid[], profile: ResolvedProfile): WorkbookModel {
  const sheets = grids.map((g, i) => recogniseSheet(g, i, { synonyms: profile.synonyms, phases: profile.phases, workbook: grids }));
  return new Workbook(sheets, profile);
}

class Workbook implements WorkbookModel {
  readonly ledgerItems: LedgerItem[] = [];
  readonly riskEntries: RiskEntry[] = [];
  readonly links: RiskLinks;
  readonly coverage: PhaseCoverage;
  readonly contractors: ContractorRegister;
  private readonly byKind = new Map<SheetKind, RecognisedSheet[]>();
  private readonly scoring = new Map<RecognisedSheet, SheetRiskModel | null>();

  constructor(
    readonly sheets: readonly RecognisedSheet[],
    readonly profile: ResolvedProfile,
  ) {
    for (const sheet of sheets) {
      const list = this.byKind.get(sheet.kind);
      if (list) list.push(sheet);
      else this.byKind.set(sheet.kind, [sheet]);
    }
    for (const sheet of this.ofKind("ledger")) for (const item of ledgerItems(sheet)) this.ledgerItems.push(item);
    for (const sheet of this.ofKind("risk")) {
      const entries = riskEntries(sheet, profile.phases);
      this.scoring.set(sheet, assessRiskSheet(sheet, entries, profile));
      for (const e of entries) this.riskEntries.push(e);
    }
    this.links = linkRisks(this.ofKind("risk"), this.riskEntries, this.ledgerItems);
    this.coverage = phaseCoverage(this.ofKind("risk"), this.ledgerItems, this.links, profile.phases);
    this.contractors = new ContractorRegister(this.ofKind("contractor"), this.ledgerItems);
  }

  ofKind(kind: SheetKind): readonly RecognisedSheet[] {
    return this.byKind.get(kind) ?? [];
  }

  scoringOf(sheet: RecognisedSheet): SheetRiskModel | null {
    return this.scoring.get(sheet) ?? null;
  }
}
