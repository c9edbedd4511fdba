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
export const lineSchema = z
  .union([
  textSchema,
  z.partialRecord(expressionSchema, textSchema).refine((o) => Object.keys(o).length === 1, {
    message: 'a short-form line has exactly one key: the expression, e.g. `- angry: text`',
  }),
  longLineSchema,
  ])
  .describe('What the customer says: plain text, `angry: text`, or `{ say: text, as: angry, voice: file.mp3 }`.');

export const conditionSourceSchema = z
  .string()
  .min(1)
  .max(200)
  .describe('A condition on variables, e.g. `askedReceipt and offers < 2`.');

export const replySchema = z.strictObject({
  id: idSchema,
  say: textSchema.describe('What the trainee says.'),
  tags: tagsSchema.optional().describe('Behaviour tags the scorer weighs, e.g. [empathy, ownership] or [judging].'),
  mood: moodDeltaSchema.optional(),
  set: z
    .record(variableNameSchema, z.union([z.number(), z.boolean()]))
    .optional()
    .describe('Variables set when this reply is chosen, e.g. { askedReceipt: true }.'),
  add: z
    .record(variableNameSchema, z.number())
    .optional()
    .describe('Numeric variables increased (or decreased) when this reply is chosen, e.g. { offers: 1 }.'),
  when: conditionSourceSchema.optional().describe('Show this reply only when the condition holds.'),
  feedback: textSchema.optional().describe('Why this reply helps or hurts: shown in the debrief.'),
  better: idSchema.optional().describe('Id of a better reply on the same node.'),
  next: idSchema.describe('Id of the node this reply leads to.'),
});

export const silenceSchema = z.strictObject({
  after: z.number().min(2).max(120).describe('Seconds of silence after the customer has finished.'),
  tags: tagsSchema.optional().describe('Behaviour tags for staying silent, e.g. [listening] while venting, [indifference] otherwise.'),
  mood: moodDeltaSchema.optional(),
  next: idSchema.describe('Id of the node the silence leads to.'),
  say: lineSchema.optional(),
  feedback: textSchema.optional().describe('What the debrief says about the silence.'),
});

export const branchSchema = z.strictObject({
  when: conditionSourceSchema.optional().describe('Take this branch when the condition holds; a branch without one always matches.'),
  next: idSchema.describe('Id of the node this branch leads to.'),
});

export const nodeSchema = z.strictObject({
  says: z.array(lineSchema).min(1).max(LIMITS.linesPerNode).describe('What the customer says on this node, line by line.'),
  venting: z.boolean().optional().describe('The customer is letting off steam: waiting is the patient, rewarded thing.'),
  earlyReplies: z.boolean().optional().describe('Replies show while the customer still talks; answering then is interrupting.'),
  silence: silenceSchema.optional().describe('What happens when the trainee says nothing for a while.'),
  interrupted: lineSchema.optional(),
  facilitator: textSchema.optional().describe('A note for the facilitator at this moment.'),
  replies: z
    .array(replySchema)
    .min(1)
    .max(LIMITS.repliesPerNode)
    .optional()
    .describe('The trainee\'s choices (at most 4: keys 1 to 4).'),
  branches: z.array(branchSchema).min(1).optional().describe('Automatic branches after the customer speaks; the first that holds wins.'),
  end: z.enum(OUTCOMES).optional().describe('Makes this node an ending with this outcome.'),
  satisfaction: z.number().int().min(1).max(5).optional().describe('Ending only: the customer\'s satisfaction, 1 to 5.'),
  comment: textSchema.optional().describe('Ending only: the customer\'s closing comment.'),
});

export const scenarioSchema = z.strictObject({
  id: idSchema,
  title: textSchema.describe('The title shown in the scenario list.'),
  language: z.enum(LANGUAGES).describe('Language of all texts in this file.'),
  difficulty: z.number().int().min(1).max(5).describe('1 gentle .. 5 hard'),
  minutes: z.number().min(1).max(60).describe('Estimated minutes to play.'),
  setting: z.enum(SETTINGS).optional().describe('Where the contact happens (default office).'),
  summary: textSchema.describe('A short summary of the situation.'),
  goals: z.array(textSchema).min(1).max(6).describe('Learning goals, one per line.'),
  facilitator: z.string().trim().min(1).max(2000).optional().describe('Notes for the facilitator of an onboarding session.'),
  brief: z
    .strictObject({ who: textSchema, needs: textSchema, expects: textSchema })
    .optional()
    .describe('The pre-brief: who this customer is, what they need, what they expect.'),
  customer: z.strictObject({
    name: textSchema.describe('The customer\'s name.'),
    portrait: z.enum(PORTRAITS).describe('Which portrait the game draws.'),
    mood: z.number().int().min(0).max(100).describe('Starting mood, 0 calm .. 100 furious.'),
    walksOutAt: z.number().int().min(1).max(100).describe('Mood at which the customer walks out.'),
  }).describe('Who the trainee is talking to.'),
  variables: z
    .record(variableNameSchema, z.union([z.number(), z.boolean()]))
    .optional()
    .describe('Variables with their starting values (numbers or true/false), e.g. { askedReceipt: false }.'),
  start: idSchema.describe('Id of the first node.'),
  interrupted: lineSchema.optional(),
  walksOut: lineSchema
    .optional()
    .describe('What the customer says as they walk out when their mood reaches walksOutAt.'),
  nodes: z.record(idSchema, nodeSchema).describe('The conversation: node id → what the customer says and what can follow.'),
});

export type RawScenario = z.infer<typeof scenarioSchema>;
export type RawNode = z.infer<typeof nodeSchema>;
export type RawReply = z.infer<typeof replySchema>;
export type RawLine = z.infer<typeof lineSchema>;
