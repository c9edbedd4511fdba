/**
 * The engine's public API re-exports the default customer reactions from their one home, the
 * loader's table (`src/scenario/defaults.ts`): the same functions, not copies.
 */
import { describe, expect, it } from 'vitest';
import * as engine from '../../src/conversation/index.ts';
import * as table from '../../src/scenario/defaults.ts';

describe('conversation API: default reactions', () => {
  it('are the loader\'s own functions, giving the same lines', () => {
    expect(engine.defaultInterruptedLine).toBe(table.defaultInterruptedLine);
    expect(engine.defaultSilencePrompt).toBe(table.defaultSilencePrompt);
    expect(engine.defaultVentingCalmerLine).toBe(table.defaultVentingCalmerLine);
    expect(engine.defaultWalksOutLine).toBe(table.defaultWalksOutLine);
    expect(engine.engineSilenceRule).toBe(table.engineSilenceRule);
    expect(engine.defaultWalksOutLine('fi').text).not.toBe(engine.defaultWalksOutLine('en').text);
  });
});
