/**
 * The rubric file's shape (zod). Every key but `id` is optional: what a file leaves out comes
 * from the default rubric, so "judging is critical in our company" is a three-line file. Shape
 * only; the checks across keys (weights add up to 1, caps never rise, ...) are in `loadRubric.ts`.
 */
import { z } from 'zod';
import { BEHAVIOUR_TAGS, TRUST_RUINERS } from '../scenario/vocabulary.ts';
import { ENDING_KEYS, VIRTUES } from './rubric.ts';

const points = z.number().min(-1000).max(1000);
const nonNegative = z.number().min(0).max(1000);

/** An object whose keys all come from `keys`, each optional, nothing else allowed. */
function keyed<K extends string, S extends z.ZodType>(keys: readonly K[], value: S) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, value.optional()])) as Record<K, z.ZodOptional<S>>);
}

export const tagEffectsSchema = keyed(VIRTUES, points).describe('Points per virtue, e.g. `{ friendliness: -25 }`.');

export const waitRuleSchema = z
  .strictObject({
    grace: z.number().min(0).max(600).optional().describe('Seconds allowed on top of reading the replies on offer.'),
    charsPerSecond: z.number().min(1).max(1000).optional().describe('Reading speed for the replies on offer.'),
    cost: nonNegative.optional().describe('Overall points per wait.'),
    ruinerFrom: z.number().int().min(1).max(100).optional().describe('From this wait on, each wait also counts as `tag`.'),
    tag: z.enum(TRUST_RUINERS).optional().describe('The trust-ruiner a repeated wait counts as.'),
  })
  .describe('When a reply counts as keeping the customer waiting.');

const countTable = (max: number) => z.array(z.number().min(0).max(max)).min(1).max(20);

export const rubricSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'ids use lower-case letters, digits, - and _')
    .describe('The rubric id scenarios name with `rubric:`.'),
  title: z.string().trim().min(1).max(200).optional(),
  weights: keyed(VIRTUES, z.number().min(0).max(1)).optional().describe('How much each virtue counts; they add up to 1.'),
  base: z.number().min(0).max(100).optional().describe('Where friendliness, expertise and composure start.'),
  efficiencyBase: keyed(ENDING_KEYS, z.number().min(0).max(100)).optional(),
  tags: keyed(BEHAVIOUR_TAGS, tagEffectsSchema).optional(),
  penalties: keyed(TRUST_RUINERS, nonNegative).optional(),
  critical: z.array(z.enum(BEHAVIOUR_TAGS)).max(BEHAVIOUR_TAGS.length).optional(),
  caps: countTable(100).optional(),
  endings: keyed(ENDING_KEYS, points).optional(),
  endingRating: nonNegative.optional(),
  moodRise: nonNegative.optional(),
  extraDecision: nonNegative.optional(),
  waits: waitRuleSchema.optional(),
  satisfactionCaps: countTable(5).optional(),
  verdicts: z
    .strictObject({ excellent: z.number().min(0).max(100).optional(), good: z.number().min(0).max(100).optional(), mixed: z.number().min(0).max(100).optional() })
    .optional(),
  naiveMax: z.number().min(0).max(100).optional(),
});

export type RubricFile = z.infer<typeof rubricSchema>;

/** Top-level keys a rubric file may have, for "did you mean" hints. */
export const RUBRIC_KEYS = Object.keys(rubricSchema.shape);
