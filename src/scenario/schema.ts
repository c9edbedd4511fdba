/**
 * Scenario format v1, defined once. The JSON schema in `scenarios/scenario.schema.json` is
 * generated from this (`npm run schema`), the docs in `docs/scenario-format.md` describe it.
 * Shape only: links, reachability and the rest are semantic checks in `validate.ts`.
 */
import { z } from 'zod';
import { BEHAVIOUR_TAGS, EXPRESSIONS, LANGUAGES, LIMITS, OUTCOMES, PORTRAITS, SETTINGS } from './vocabulary.ts';

export const idSchema = z
  .string()
  .min(1)
  .max(LIMITS.idChars)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'ids use lower-case letters, digits, - and _ and start with a letter or digit')
  .describe('A stable id: lower-case letters, digits, - and _.');

export const textSchema = z.string().trim().min(1).max(LIMITS.textChars);

const variableNameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'variable names are letters, digits and _');

export const expressionSchema = z.enum(EXPRESSIONS).describe('The face the customer makes.');
export const tagSchema = z.enum(BEHAVIOUR_TAGS).describe('A behaviour tag (see docs/scenario-format.md).');
const tagsSchema = z.array(tagSchema).max(8);
const moodDeltaSchema = z.number().int().min(-100).max(100).describe('Mood change: negative calms, positive angers.');

/** Long form of a customer line: `{ say: ..., as: angry, voice: file.mp3 }`. */
const longLineSchema = z.strictObject({
  say: textSchema,
  as: expressionSchema.optional(),
  voice: z.string().min(1).max(200).optional(),
});

/**
 * A customer line: plain text (neutral face), the short form `- angry: text`, or the long form.
 */
export const lineSchema = z.union([
  textSchema,
  z.partialRecord(expressionSchema, textSchema).refine((o) => Object.keys(o).length === 1, {
    message: 'a short-form line has exactly one key: the expression, e.g. `- angry: text`',
  }),
  longLineSchema,
]);

export const conditionSourceSchema = z
  .string()
  .min(1)
  .max(200)
  .describe('A condition on variables, e.g. `askedReceipt and offers < 2`.');

export const replySchema = z.strictObject({
  id: idSchema,
  say: textSchema.describe('What the trainee says.'),
  tags: tagsSchema.optional(),
  mood: moodDeltaSchema.optional(),
  set: z.record(variableNameSchema, z.union([z.number(), z.boolean()])).optional(),
  add: z.record(variableNameSchema, z.number()).optional(),
  when: conditionSourceSchema.optional(),
  feedback: textSchema.optional().describe('Why this reply helps or hurts: shown in the debrief.'),
  better: idSchema.optional().describe('Id of a better reply on the same node.'),
  next: idSchema,
});

export const silenceSchema = z.strictObject({
  after: z.number().min(2).max(120).describe('Seconds of silence after the customer has finished.'),
  tags: tagsSchema.optional(),
  mood: moodDeltaSchema.optional(),
  next: idSchema,
  say: lineSchema.optional(),
  feedback: textSchema.optional(),
});

export const branchSchema = z.strictObject({
  when: conditionSourceSchema.optional(),
  next: idSchema,
});

export const nodeSchema = z.strictObject({
  says: z.array(lineSchema).min(1).max(LIMITS.linesPerNode),
  venting: z.boolean().optional(),
  earlyReplies: z.boolean().optional(),
  silence: silenceSchema.optional(),
  interrupted: lineSchema.optional(),
  facilitator: textSchema.optional(),
  replies: z.array(replySchema).min(1).max(LIMITS.repliesPerNode).optional(),
  branches: z.array(branchSchema).min(1).optional(),
  end: z.enum(OUTCOMES).optional(),
  satisfaction: z.number().int().min(1).max(5).optional(),
  comment: textSchema.optional(),
});

export const scenarioSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  language: z.enum(LANGUAGES),
  difficulty: z.number().int().min(1).max(5).describe('1 gentle .. 5 hard'),
  minutes: z.number().min(1).max(60),
  setting: z.enum(SETTINGS).optional(),
  summary: textSchema,
  goals: z.array(textSchema).min(1).max(6),
  facilitator: z.string().trim().min(1).max(2000).optional(),
  brief: z
    .strictObject({ who: textSchema, needs: textSchema, expects: textSchema })
    .optional()
    .describe('The pre-brief: who this customer is, what they need, what they expect.'),
  customer: z.strictObject({
    name: textSchema,
    portrait: z.enum(PORTRAITS),
    mood: z.number().int().min(0).max(100).describe('Starting mood, 0 calm .. 100 furious.'),
    walksOutAt: z.number().int().min(1).max(100).describe('Mood at which the customer walks out.'),
  }),
  variables: z.record(variableNameSchema, z.union([z.number(), z.boolean()])).optional(),
  start: idSchema,
  interrupted: lineSchema.optional(),
  nodes: z.record(idSchema, nodeSchema),
});

export type RawScenario = z.infer<typeof scenarioSchema>;
export type RawNode = z.infer<typeof nodeSchema>;
export type RawReply = z.infer<typeof replySchema>;
export type RawLine = z.infer<typeof lineSchema>;
