/**
 * Scenario format 1.1 (a superset of 1.0: every 1.0 file loads unchanged), defined once. The JSON schema in `scenarios/scenario.schema.json` is
 * generated from this (`npm run schema`), the docs in `docs/scenario-format.md` describe it.
 * Shape only: links, reachability and the rest are semantic checks in `validate.ts`.
 */
import { z } from 'zod';
import {
  BEHAVIOUR_TAGS,
  EXPRESSIONS,
  FORMAT_VERSIONS,
  INTERRUPTED_REPLY,
  LANGUAGES,
  LIMITS,
  OUTCOMES,
  PORTRAITS,
  SETTINGS,
} from './vocabulary.ts';

export const idSchema = z
  .string()
  .min(1)
  .max(LIMITS.idChars)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'ids use lower-case letters, digits, - and _ and start with a letter or digit')
  .describe('A stable id: lower-case letters, digits, - and _.');

export const textSchema = z.string().trim().min(1).max(LIMITS.textChars);
/** Facilitator notes and the brief's background story: up to 2000 characters. */
export const longTextSchema = z.string().trim().min(1).max(LIMITS.longTextChars);
/** A stage direction: what someone does while speaking, e.g. `slams the folder on the desk`. */
export const actionSchema = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.actionChars)
  .describe('A stage direction: what is done while speaking, e.g. `slams the folder on the desk`.');

const variableNameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'variable names are letters, digits and _');

export const expressionSchema = z.enum(EXPRESSIONS).describe('The face the customer makes.');
export const tagSchema = z.enum(BEHAVIOUR_TAGS).describe('A behaviour tag (see docs/scenario-format.md).');
const tagsSchema = z.array(tagSchema).max(8);
const moodDeltaSchema = z.number().int().min(-100).max(100).describe('Mood change: negative calms, positive angers.');

/** Long form of a customer line: `{ say: ..., as: angry, voice: file.mp3, action: ... }`. */
const longLineSchema = z.strictObject({
  say: textSchema,
  as: expressionSchema.optional(),
  voice: z.string().min(1).max(200).optional(),
  action: actionSchema.optional(),
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
  .describe('What the customer says: plain text, `angry: text`, or `{ say: text, as: angry, voice: file.mp3, action: text }`.');

export const conditionSourceSchema = z
  .string()
  .min(1)
  .max(200)
  .describe('A condition on variables, e.g. `askedReceipt and offers < 2`.');

/** `better:` the id of a better reply on the node, or `{ reply: id, why: text }`. */
export const betterObjectSchema = z.strictObject({
  reply: idSchema.describe('Id of the better reply on the same node.'),
  why: textSchema.optional().describe('What the better reply would have done, e.g. "Naming her frustration first would have…".'),
});

export const betterSchema = z
  .union([idSchema, betterObjectSchema])
  .describe('A better reply on the same node: its id, or `{ reply: id, why: text }`.');

/** A variable's value: a number or true/false. */
export const variableValueSchema = z.union([z.number(), z.boolean()]);

export const replySchema = z.strictObject({
  id: idSchema,
  say: textSchema.describe('What the trainee says.'),
  tags: tagsSchema.optional().describe('Behaviour tags the scorer weighs, e.g. [empathy, ownership] or [judging].'),
  mood: moodDeltaSchema.optional(),
  set: z
    .record(variableNameSchema, variableValueSchema)
    .optional()
    .describe('Variables set when this reply is chosen, e.g. { askedReceipt: true }.'),
  add: z
    .record(variableNameSchema, z.number())
    .optional()
    .describe('Numeric variables increased (or decreased) when this reply is chosen, e.g. { offers: 1 }.'),
  when: conditionSourceSchema.optional().describe('Show this reply only when the condition holds.'),
  feedback: textSchema.optional().describe('Why this reply helps or hurts: shown in the debrief.'),
  better: betterSchema.optional(),
  action: actionSchema.optional().describe('What the trainee does while saying it, e.g. `turns to the screen and keeps typing`.'),
  preferred: z.boolean().optional().describe('The reply the trainer wants taught on this node (at most one per node).'),
  next: idSchema.describe('Id of the node this reply leads to.'),
});

const silenceAfterSchema = z.number().min(2).max(120).describe('Seconds of silence after the customer has finished.');
const walksOutAfterSchema = z
  .number()
  .int()
  .min(1)
  .max(10)
  .describe('The customer walks out at this silence on one visit of the node (default 2).');

/** The scenario-level default silence rule: used on every decision node without its own. */
export const defaultSilenceSchema = z.strictObject({
  after: silenceAfterSchema.optional(),
  say: lineSchema.optional(),
  mood: moodDeltaSchema.optional(),
  tags: tagsSchema.optional().describe('Behaviour tags for staying silent (default [indifference]).'),
  feedback: textSchema.optional().describe('What the debrief says about the silence.'),
  walksOutAfter: walksOutAfterSchema.optional(),
});

export const silenceSchema = z.strictObject({
  after: silenceAfterSchema.optional(),
  tags: tagsSchema.optional().describe('Behaviour tags for staying silent, e.g. [listening] while venting, [indifference] otherwise.'),
  mood: moodDeltaSchema.optional(),
  next: idSchema.optional().describe('Id of the node the silence leads to; without it the customer says `say` and the replies stay open.'),
  say: lineSchema.optional(),
  feedback: textSchema.optional().describe('What the debrief says about the silence.'),
  walksOutAfter: walksOutAfterSchema.optional(),
});

/** The routing form of `interrupted`: what the customer says, how much it angers them, where it goes. */
export const interruptionRouteSchema = z.strictObject({
  says: z.array(lineSchema).min(1).max(LIMITS.linesPerNode).optional().describe('What the customer says when interrupted, line by line.'),
  mood: moodDeltaSchema.optional().describe('Mood change of the interruption itself (default +10).'),
  next: idSchema.optional().describe('Node the interruption leads to; without it the customer picks up where they were cut off.'),
  reply: z.enum(INTERRUPTED_REPLY).optional().describe('`cut` (default): the interrupting reply does not count as said; `said`: its tags, mood and next apply too.'),
  feedback: textSchema.optional().describe('What the debrief says about the interruption.'),
});

/** `interrupted:` a reaction line (1.0) or the routing object. */
export const interruptedSchema = z
  .union([lineSchema, interruptionRouteSchema])
  .describe('What happens when the trainee answers over the customer: a reaction line, or `{ says, mood, next, reply, feedback }`.');

export const branchSchema = z.strictObject({
  when: conditionSourceSchema.optional().describe('Take this branch when the condition holds; a branch without one always matches.'),
  next: idSchema.describe('Id of the node this branch leads to.'),
});

export const nodeSchema = z.strictObject({
  says: z.array(lineSchema).min(1).max(LIMITS.linesPerNode).describe('What the customer says on this node, line by line.'),
  venting: z.boolean().optional().describe('The customer is letting off steam: waiting is the patient, rewarded thing.'),
  earlyReplies: z
    .boolean()
    .optional()
    .describe('Default true: replies show while the customer still talks, and answering then is interrupting. `false` opts out.'),
  silence: silenceSchema.optional().describe('What happens when the trainee says nothing for a while (else the scenario default).'),
  interrupted: interruptedSchema.optional(),
  facilitator: longTextSchema.optional().describe('A note for the facilitator at this moment.'),
  replies: z
    .array(replySchema)
    .min(1)
    .max(LIMITS.repliesPerNode)
    .optional()
    .describe('The trainee\'s choices (at most 4: keys 1 to 4).'),
  branches: z.array(branchSchema).min(1).optional().describe('Automatic branches after the customer speaks; the first that holds wins.'),
  end: z.enum(OUTCOMES).optional().describe('Makes this node an ending with this outcome.'),
  satisfaction: z.number().int().min(1).max(5).optional().describe('Ending only: the customer\'s satisfaction, 1 to 5.'),
  comment: lineSchema.optional().describe('Ending only: the customer\'s survey comment (plain text or a line with a face).'),
});

/** `minutes:` a number, or a range written as text, e.g. `"5-8"`. */
export const minutesSchema = z
  .union([
    z.number().min(1).max(60),
    z.string().regex(/^\s*\d{1,2}\s*[-–]\s*\d{1,2}\s*$/, 'write a range as two whole numbers, e.g. "5-8"'),
  ])
  .describe('Estimated minutes to play: a number, or a range such as "5-8".');

export const briefSchema = z
  .strictObject({
    who: textSchema,
    needs: textSchema,
    expects: textSchema,
    background: longTextSchema.optional().describe('The longer story shown on the briefing screen (up to 2000 characters).'),
  })
  .describe('The pre-brief: who this customer is, what they need, what they expect.');

export const scenarioSchema = z.strictObject({
  format: z
    .union([z.enum(FORMAT_VERSIONS), z.literal(1), z.literal(1.1)])
    .optional()
    .describe('The format version this file is written for: "1.0" or "1.1" (informative).'),
  id: idSchema,
  title: textSchema.describe('The title shown in the scenario list.'),
  language: z.enum(LANGUAGES).describe('Language of all texts in this file.'),
  difficulty: z.number().int().min(1).max(5).describe('1 gentle .. 5 hard'),
  minutes: minutesSchema,
  order: z.number().int().min(1).max(99).optional().describe('Place in the suggested course order, 1 (first) .. 99.'),
  setting: z.enum(SETTINGS).optional().describe('Where the contact happens (default office).'),
  summary: textSchema.describe('A short summary of the situation (the scenario card; the longer story goes in `brief.background`).'),
  goals: z.array(textSchema).min(1).max(6).describe('Learning objectives, one per line.'),
  facilitator: longTextSchema.optional().describe('Notes for the facilitator of an onboarding session.'),
  brief: briefSchema.optional(),
  rubric: idSchema.optional().describe('Id of the scoring rubric (default `default`, scenarios/rubric.yaml).'),
  waits: z
    .strictObject({
      grace: z.number().min(0).max(60).optional().describe('Seconds a reply may take beyond reading time before it counts as a wait.'),
      charsPerSecond: z.number().min(1).max(100).optional().describe('Reading speed for the replies on offer.'),
    })
    .optional()
    .describe('Overrides the rubric\'s wait threshold for this scenario.'),
  silence: defaultSilenceSchema.optional().describe('Default silence rule for every decision node without its own.'),
  customer: z.strictObject({
    name: textSchema.describe('The customer\'s name.'),
    portrait: z.enum(PORTRAITS).describe('Which portrait the game draws.'),
    mood: z.number().int().min(0).max(100).describe('Starting mood, 0 calm .. 100 furious.'),
    walksOutAt: z.number().int().min(1).max(100).describe('Mood at which the customer walks out.'),
  }).describe('Who the trainee is talking to.'),
  variables: z
    .record(variableNameSchema, variableValueSchema)
    .optional()
    .describe('Variables with their starting values (numbers or true/false), e.g. { askedReceipt: false }.'),
  start: idSchema.describe('Id of the first node.'),
  interrupted: interruptedSchema.optional(),
  walksOut: lineSchema
    .optional()
    .describe('What the customer says as they walk out when their mood reaches walksOutAt.'),
  nodes: z.record(idSchema, nodeSchema).describe('The conversation: node id → what the customer says and what can follow.'),
});

export type RawScenario = z.infer<typeof scenarioSchema>;
export type RawNode = z.infer<typeof nodeSchema>;
export type RawReply = z.infer<typeof replySchema>;
export type RawLine = z.infer<typeof lineSchema>;
export type RawInterrupted = z.infer<typeof interruptedSchema>;
export type RawSilence = z.infer<typeof silenceSchema>;
export type RawDefaultSilence = z.infer<typeof defaultSilenceSchema>;
