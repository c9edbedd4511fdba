import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/scenario/json-schema.ts';
import { BEHAVIOUR_TAGS } from '../../src/scenario/vocabulary.ts';
import { fakeIO } from '../cli/helpers.ts';

const committedPath = new URL('../../scenarios/scenario.schema.json', import.meta.url);

describe('scenario JSON schema', () => {
  it('is committed and up to date (run `npm run schema` after changing src/scenario/schema.ts)', () => {
    expect(readFileSync(committedPath, 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('is draft-07, titled, and rejects unknown keys like the loader does', () => {
    const schema = scenarioJsonSchema() as {
      $schema: string;
      title: string;
      additionalProperties: boolean;
      required: string[];
      properties: { nodes: { additionalProperties: { properties: Record<string, unknown> } } };
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.title).toContain('Calm Desk');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'language', 'customer', 'start', 'nodes']));
    expect(Object.keys(schema.properties.nodes.additionalProperties.properties)).toContain('earlyReplies');
    expect(JSON.stringify(schema)).toContain(JSON.stringify([...BEHAVIOUR_TAGS]));
  });

  it('can be checked from the CLI', async () => {
    expect(await main(['schema', '--check', 'scenarios/scenario.schema.json'], fakeIO())).toBe(0);
    const io = fakeIO();
    expect(await main(['schema', '--check', 'package.json'], io)).toBe(1);
    expect(io.stderr).toContain('out of date');
    const printed = fakeIO();
    expect(await main(['schema'], printed)).toBe(0);
    expect(printed.stdout).toBe(scenarioJsonSchemaText());
  });
});
