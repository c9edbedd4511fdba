/** docs/scoring.md must state the weights that src/scoring/weights.ts uses, and its worked example must still be true. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playScript } from '../../src/analysis/play.ts';
import { INTERRUPTION_MOOD } from '../../src/conversation/constants.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { scoreConversation } from '../../src/scoring/score.ts';
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

describe('docs/scoring.md worked example', () => {
  it('is still what `calm-desk play` gives for the documented command', () => {
    const command = /npx calm-desk play (\S+) --interrupt (\d+) \\\n\s+--choices (\S+)/.exec(doc);
    expect(command, 'the worked example command is missing from docs/scoring.md').not.toBeNull();
    const [, file, interrupt, choices] = command!;
    const text = readFileSync(join(import.meta.dirname, '..', '..', file!), 'utf8');
    const { scenario } = loadScenario(text, file!);
    expect(scenario, `${file} must load`).not.toBeNull();
    const played = playScript(scenario!, { choices: choices!.split(','), interrupt: [Number(interrupt)] });
    const stale = 'docs/scoring.md section 6 is stale: play the command again and update the example';
    expect(played.ok ? '' : played.error, stale).toBe('');
    const report = scoreConversation(scenario!, played.transcript);
    const figure = (label: string): number => Number(new RegExp(`- ${label}: .*\\*\\*([\\d.]+)\\*\\*`).exec(doc)?.[1]);
    expect(figure('Friendliness'), stale).toBe(report.virtues.friendliness);
    expect(figure('Expertise'), stale).toBe(report.virtues.expertise);
    expect(figure('Composure'), stale).toBe(report.virtues.composure);
    expect(figure('Efficiency'), stale).toBe(report.virtues.efficiency);
    expect(figure('Weighted virtues'), stale).toBe(report.breakdown.weightedVirtues);
    expect(figure('Penalties'), stale).toBe(report.breakdown.trustRuinerPenalty);
    expect(figure('Overall'), stale).toBe(report.overall);
    expect(report.satisfaction, stale).toBe(5);
  });
});
