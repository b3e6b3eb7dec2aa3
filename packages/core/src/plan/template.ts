import type { Lang } from "../i18n/text";
import { resolveProfile } from "../profile/resolve";
import type { ProfileInput } from "../profile/schema";
import { buildTemplate } from "../templates/build";
import { templateToPlan } from "../templates/plan";
import type { WritePlan } from "./types";

/**
 * Inserts the profile's template sheets (ledger, risk analysis with its formulas and dropdowns,
 * and the other PMS records) into the open workbook, from the same WorkbookSpec the CLI writes
 * to .xlsx. Every sheet is added under a free name, so no user cell is ever written over.
 */
export function templateSheetsPlan(lang: Lang, profile?: ProfileInput): WritePlan {
  return templateToPlan(buildTemplate(resolveProfile(profile), lang));
}
