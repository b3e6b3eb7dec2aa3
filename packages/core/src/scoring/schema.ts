import * as z from "zod/mini";

/**
 * A risk model as a profile writes it (PRODUCT.md §3, notes/domain.md §2.4). Four kinds:
 *
 * - `likelihoodImpact`: score = likelihood × impact (発生可能性 × 影響度) on 1–3, 1–4 or 1–5
 *   scales; `thresholds` turn the score into a level (score ≥ high → 高, ≥ medium → 中, else 低).
 *   `impactField: "assetValue"` for sheets whose 重要度 column is really the impact.
 * - `matrix`: a level per likelihood/impact pair, for matrices that are not a product.
 *   `matrix[l - min][i - min]`: one row per likelihood value, one column per impact value.
 *   The score is the level's rank (1 低, 2 中, 3 高).
 * - `assetThreatVulnerability`: score = asset value × threat × vulnerability (資産価値 × 脅威 ×
 *   脆弱性), the asset value read from its column or taken as the maximum of 機密性・完全性・可用性
 *   (`asset: "maxCia"`; `"auto"` = the column when the sheet has one).
 *   Both take `operation: "sum"` or `"max"` for sheets that add their ratings or take the highest
 *   (a sheet's own formula, =E5+F5 or =MAX(E5:G5), sets it); the product is the default.
 * - `qualitative`: level words only (高/中/低 or 大/中/小), no arithmetic; the level is read from
 *   the level column, or from the impact column when the sheet has no level column.
 *
 * Common settings: `actionLevel` (at or above it a measure is required; default high),
 * `acceptableResidual` (a residual above it needs a recorded acceptance; default medium),
 * `impactFloor` (the least impact for sensitive, My Number and payment data; a number on the
 * impact scale or "max"), and `fallback: "infer"`: when a risk sheet's columns or scale do not
 * fit this model, read the model from the sheet's columns instead. The built-in default profile
 * sets it; a model written in a profile file applies as written unless it says so too.
 */
const levelIdSchema = z.enum(["high", "medium", "low"]);

const scaleSchema = z
  .object({
    min: z.number().check(z.int(), z.gte(0), z.lte(1000)),
    max: z.number().check(z.int(), z.gte(0), z.lte(1000)),
  })
  .check(z.refine((s) => s.min < s.max, "min must be below max"));

const thresholdsSchema = z
  .object({
    medium: z.number(),
    high: z.number(),
  })
  .check(z.refine((t) => t.medium <= t.high, "medium must not exceed high"));

/** How the ratings form the score: their product (the usual), their sum, or their maximum. */
const operationSchema = z.optional(z.enum(["product", "sum", "max"]));

const floorValue = z.union([z.number().check(z.gte(0)), z.literal("max")]);

const common = {
  name: z.optional(z.object({ ja: z.string(), en: z.string() })),
  actionLevel: z.optional(levelIdSchema),
  acceptableResidual: z.optional(levelIdSchema),
  impactFloor: z.optional(
    z.object({
      sensitive: z.optional(floorValue),
      myNumber: z.optional(floorValue),
      payment: z.optional(floorValue),
    }),
  ),
  fallback: z.optional(z.enum(["infer"])),
};

const likelihoodImpactSchema = z.object({
  kind: z.literal("likelihoodImpact"),
  scale: scaleSchema,
  scales: z.optional(z.object({ likelihood: z.optional(scaleSchema), impact: z.optional(scaleSchema) })),
  impactField: z.optional(z.enum(["impact", "assetValue"])),
  thresholds: z.optional(thresholdsSchema),
  operation: operationSchema,
  ...common,
});

const matrixSchema = z
  .object({
    kind: z.literal("matrix"),
    scale: scaleSchema,
    scales: z.optional(z.object({ likelihood: z.optional(scaleSchema), impact: z.optional(scaleSchema) })),
    impactField: z.optional(z.enum(["impact", "assetValue"])),
    matrix: z.array(z.array(levelIdSchema)),
    ...common,
  })
  .check(
    z.refine((m) => {
      const l = m.scales?.likelihood ?? m.scale;
      const i = m.scales?.impact ?? m.scale;
      return m.matrix.length === l.max - l.min + 1 && m.matrix.every((row) => row.length === i.max - i.min + 1);
    }, "matrix must have one row per likelihood value and one column per impact value"),
  );

const atvSchema = z.object({
  kind: z.literal("assetThreatVulnerability"),
  scale: scaleSchema,
  scales: z.optional(
    z.object({
      assetValue: z.optional(scaleSchema),
      confidentiality: z.optional(scaleSchema),
      integrity: z.optional(scaleSchema),
      availability: z.optional(scaleSchema),
      threat: z.optional(scaleSchema),
      vulnerability: z.optional(scaleSchema),
    }),
  ),
  asset: z.optional(z.enum(["column", "maxCia", "auto"])),
  thresholds: z.optional(thresholdsSchema),
  operation: operationSchema,
  ...common,
});

const qualitativeSchema = z.object({
  kind: z.literal("qualitative"),
  input: z.optional(z.enum(["level", "impact"])),
  ...common,
});

export const riskModelSchema = z.discriminatedUnion("kind", [likelihoodImpactSchema, matrixSchema, atvSchema, qualitativeSchema]);

export type RiskModelDef = z.infer<typeof riskModelSchema>;
export type RiskModelKind = RiskModelDef["kind"];
export type ScaleDef = z.infer<typeof scaleSchema>;
