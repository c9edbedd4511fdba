/** docs/scoring.md must state the weights that src/scoring/weights.ts uses. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERRUPTION_MOOD } from '../../src/conversation/constants.ts';
import {
  EFFICIENCY_BASE,
  EXTRA_DECISION_COST,
  OUTCOME_ADJUSTMENT,
  TAG_EFFECTS,
  TRUST_RUINER_PENALTY,
  VIRTUE_BASE,
  VIRTUE_WEIGHTS,
  VIRTUES,
} from '../../src/scoring/weights.ts';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'scoring.md'), 'utf8');
const signed = (n: number | undefined): string => (n === undefined ? '' : n > 0 ? `+${n}` : `${n}`);

describe('docs/scoring.md', () => {
  it('lists every tag effect exactly as weights.ts has it', () => {
    for (const [tag, effects] of Object.entries(TAG_EFFECTS)) {
      // Empty cells are written `| |` in the doc.
      const row = `| ${[tag, ...VIRTUES.map((v) => signed(effects[v]))].join(' | ')} |`.replace(/ {2}/g, ' ');
      expect(doc, `row for ${tag}`).toContain(row);
    }
  });

  it('states the bases, weights, penalties and adjustments', () => {
    expect(doc).toContain(`start at **${VIRTUE_BASE}**`);
    expect(doc).toContain(`**${EFFICIENCY_BASE.resolved}** resolved, **${EFFICIENCY_BASE.escalated}** escalated, **${EFFICIENCY_BASE.unresolved}** unresolved, **${EFFICIENCY_BASE['walked-out']}** walked out, **${EFFICIENCY_BASE.incomplete}** unfinished`);
    expect(doc).toContain(`minus **${EXTRA_DECISION_COST}** for every decision`);
    const weights = VIRTUES.map((v) => `${VIRTUE_WEIGHTS[v]} × ${v}`).join(' + ');
    expect(doc).toContain(`overall = ${weights}`);
    for (const [tag, penalty] of Object.entries(TRUST_RUINER_PENALTY)) {
      if (tag !== 'tyranny') expect(doc).toContain(`${tag} **${penalty}**`);
    }
    expect(doc).toContain(`resolved **${OUTCOME_ADJUSTMENT.resolved}**, escalated **${OUTCOME_ADJUSTMENT.escalated}**, unresolved **${OUTCOME_ADJUSTMENT.unresolved}**, walked out **${OUTCOME_ADJUSTMENT['walked-out']}**`.replace(/-/g, '−'));
    expect(doc).toContain(`mood +${INTERRUPTION_MOOD}`);
  });
});
