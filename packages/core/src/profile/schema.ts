import * as z from "zod/mini";
import { riskLibrarySchema } from "../library/schema";
import { riskModelSchema } from "../scoring/schema";

/**
 * A profile says what a company's or a consultant's sheets look like: extra header spellings,
 * which ledger fields are required or expected, the lifecycle phases and their spellings,
 * the review interval, and each rule's severity or "off". The scoring/profiles work extends
 * it with risk models; every field here has a default, so a profile file may be partial.
 */
const severityOrOff = z.enum(["error", "warning", "info", "off"]);

const phaseSchema = z.object({
  id: z.string().check(z.minLength(1)),
  label: z.object({ ja: z.string(), en: z.string() }),
  synonyms: z.array(z.string()),
  /** "always", or only for items that have a contractor or a recipient (委託・提供). */
  appliesWhen: z.optional(z.enum(["always", "contractorOrRecipient"])),
});

/**
 * A finding the company accepts (PRODUCT.md §4: users' suppressions depend on rule ids).
 * `rule` is an id, an area prefix ("ledger/" or "ledger/*") or "*". Without `sheet` it applies
 * to every sheet (rule-wide); with `sheet` but no `cell` or `row`, to the whole sheet; `cell` is
 * an A1 address or range ("B7", "B5:B20"), `row` a 1-based row. Accepted findings stay in the
 * report with `accepted: true` and do not count as errors.
 */
const suppressionSchema = z.object({
  rule: z.string().check(z.minLength(1)),
  sheet: z.optional(z.string()),
  cell: z.optional(z.string().check(z.regex(/^\s*\$?[A-Za-z]{1,3}\$?[1-9][0-9]{0,6}(?::\$?[A-Za-z]{1,3}\$?[1-9][0-9]{0,6})?\s*$/))),
  row: z.optional(z.number().check(z.int(), z.positive())),
  reason: z.optional(z.string()),
});

export const profileSchema = z.object({
  id: z.string().check(z.minLength(1)),
  version: z.string().check(z.minLength(1)),
  name: z.optional(z.object({ ja: z.string(), en: z.string() })),
  /**
   * A built-in profile id (jisq15001, ppc-datamap, isms-asset, qualitative) this profile is
   * merged over: only what the file gives changes (profile/builtin/index.ts `expandProfile`).
   */
  extends: z.optional(z.string()),
  fields: z.optional(
    z.object({
      /** Extra header spellings per kind and field: { ledger: { purpose: ["用途"] } }. */
      synonyms: z.optional(z.record(z.string(), z.record(z.string(), z.array(z.string())))),
      /** Ledger fields whose column must exist and whose cells must be filled. */
      required: z.optional(z.array(z.string())),
      /** Ledger fields whose absence is a warning. */
      expected: z.optional(z.array(z.string())),
    }),
  ),
  phases: z.optional(z.array(phaseSchema)),
  reviewIntervalMonths: z.optional(
    z.object({
      ledger: z.optional(z.number().check(z.int(), z.positive())),
      risk: z.optional(z.number().check(z.int(), z.positive())),
      contractors: z.optional(z.number().check(z.int(), z.positive())),
      laws: z.optional(z.number().check(z.int(), z.positive())),
      training: z.optional(z.number().check(z.int(), z.positive())),
      /** Internal audit cycle: every department audited within it (J.6.2). */
      audit: z.optional(z.number().check(z.int(), z.positive())),
      /** Management review (代表者による見直し, J.6.3 / JIS 9.3). */
      review: z.optional(z.number().check(z.int(), z.positive())),
    }),
  ),
  /**
   * How risks are scored (scoring/schema.ts). Omitted: the default profile's model. null: read
   * the model from each risk sheet's columns.
   */
  riskModel: z.optional(z.nullable(riskModelSchema)),
  rules: z.optional(z.record(z.string(), severityOrOff)),
  suppressions: z.optional(z.array(suppressionSchema)),
  /**
   * The risk library drafts take their rows from (library/): entries to add, or to put in
   * place of a built-in entry with the same id; built-in ids to leave out; `builtin: false` for
   * none of the built-in entries.
   */
  riskLibrary: z.optional(riskLibrarySchema),
  /**
   * Drafting missing risk rows: `scores` are values written into a drafted row's scoring inputs
   * (risk field id → value, e.g. { "likelihood": 2, "impact": 2 }); without them they stay blank.
   */
  draft: z.optional(z.object({ scores: z.optional(z.record(z.string(), z.union([z.number(), z.string().check(z.maxLength(40))]))) })),
});

export type ProfileInput = z.infer<typeof profileSchema>;
export type PhaseDef = z.infer<typeof phaseSchema>;
export type SuppressionInput = z.infer<typeof suppressionSchema>;
