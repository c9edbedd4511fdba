/**
 * The JSON schema of rubric files (draft-07), generated from the zod schema so the two never
 * disagree. `scenarios/rubric.schema.json` holds it; rubric files point editors at it with
 * `# yaml-language-server: $schema=./rubric.schema.json`, so keys autocomplete while a QA manager types.
 */
import { z } from 'zod';
import { rubricSchema } from './rubricSchema.ts';

/** The schema as a plain object. */
export function rubricJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(rubricSchema, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
  return {
    $schema,
    title: 'Calm Desk scoring rubric',
    description: 'How Calm Desk scores a conversation. Every key but `id` may be left out (it keeps the default). See docs/scoring.md.',
    ...rest,
  };
}

/** The schema as the text committed in `scenarios/rubric.schema.json`. */
export function rubricJsonSchemaText(): string {
  return `${JSON.stringify(rubricJsonSchema(), null, 2)}\n`;
}
