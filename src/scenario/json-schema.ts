/**
 * The JSON schema of the scenario format (draft-07), generated from the zod schema so the two can
 * never disagree. Editors use it (via `# yaml-language-server: $schema=./scenario.schema.json`) to
 * autocomplete keys and flag typos while a trainer types.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

/** The schema as a plain object. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'Calm Desk scenario (format v1)',
    description:
      'One customer-service conversation for the Calm Desk training game. See docs/scenario-format.md for every key, the tags and the condition language.',
    ...rest,
  };
}

/** The schema as the text committed in `scenarios/scenario.schema.json`. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
