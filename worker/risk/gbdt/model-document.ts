import { z } from 'zod'

export const GBDT_FORMAT = 'claimpay-gbdt'
/** 2 added each split's gain, so feature importance can be read from any stored model. */
export const GBDT_VERSION = 2

// z.number() refuses NaN and Infinity, so a model that went through a lossy store fails here, not at scoring.
const treeSchema = z.object({
  /** Feature index per node; -1 marks a leaf. */
  feature: z.array(z.number().int().min(-1)),
  /** A value <= threshold goes left. */
  threshold: z.array(z.number()),
  /** Where a missing value goes, learned in training. */
  defaultLeft: z.array(z.boolean()),
  left: z.array(z.number().int().min(-1)),
  right: z.array(z.number().int().min(-1)),
  /** Leaf output on the log-odds scale, learning rate already applied. */
  value: z.array(z.number()),
  /** Hessian sum of the training rows that reached the node: TreeSHAP weighs the paths by it. */
  cover: z.array(z.number().nonnegative()),
  /** Loss reduction of the node's split (0 at leaves): feature importance sums it. */
  gain: z.array(z.number().nonnegative()),
})

export const gbdtModelSchema = z.object({
  format: z.literal(GBDT_FORMAT),
  version: z.literal(GBDT_VERSION),
  objective: z.literal('binary:logistic'),
  featureNames: z.array(z.string().min(1)).min(1),
  /** Starting log-odds of every row. */
  baseScore: z.number(),
  trees: z.array(treeSchema),
})

export type GbdtModelDocument = z.infer<typeof gbdtModelSchema>
export type GbdtTree = z.infer<typeof treeSchema>
