/**
 * Every bundled scenario, in both languages, played in the game to its best and to its worst
 * (non-auto-fail) ending: the path the analyzer finds is replayed on screen, and the debrief
 * must show the same outcome and score the analyzer computed headlessly.
 */
import { describe, expect, test } from 'vitest';
import { analyzeScenario, type PathSummary } from '../../src/analysis/analyze.ts';
import debrief from '../../src/i18n/locales/en/debrief.ts';
import { useBrowser } from './harness/browser.ts';
import { debriefText, playPath, startConversation } from './harness/flows.ts';
import { playableScenarios, type Playable } from './harness/scenarios.ts';

const browser = useBrowser();

async function playAndCheck(playable: Playable, path: PathSummary): Promise<void> {
  const { page } = await browser.open({ clock: true });
  await startConversation(page, playable, 'keyboard');
  await playPath(page, playable.scenario, path.steps, 'keyboard');
  const text = await debriefText(page);
  expect(text).toContain(debrief.overallValue.replace('{score}', String(path.overall)));
  if (path.outcome) expect(text).toContain(debrief[`outcome_${path.outcome}`]);
}

describe('The scenario library, played in the game', () => {
  for (const playable of playableScenarios()) {
    const label = `${playable.scenario.id} (${playable.scenario.language})`;
    const report = analyzeScenario(playable.scenario);
    test(`${label}: best path`, async () => {
      expect(report.best, 'the analyzer found a best path').not.toBeNull();
      await playAndCheck(playable, report.best as PathSummary);
    });
    test(`${label}: worst path without auto-fail`, async () => {
      expect(report.worstNonAutoFail, 'the analyzer found a worst path').not.toBeNull();
      await playAndCheck(playable, report.worstNonAutoFail as PathSummary);
    });
  }
});
