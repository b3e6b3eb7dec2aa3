import * as z from "zod/mini";

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

export const profileSchema = z.object({
  id: z.string().check(z.minLength(1)),
  version: z.string().check(z.minLength(1)),
  name: z.optional(z.object({ ja: z.string(), en: z.string() })),
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
    }),
  ),
  rules: z.optional(z.record(z.string(), severityOrOff)),
});

export type ProfileInput = z.infer<typeof profileSchema>;
export type PhaseDef = z.infer<typeof phaseSchema>;
