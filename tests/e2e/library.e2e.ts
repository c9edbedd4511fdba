/**
 * Every bundled scenario, in both languages, played in the game to its best and to its worst
 * (non-auto-fail) ending: the path the analyzer finds (scored with the rubric the game uses for
 * that scenario) is replayed on screen with the engine's own timing (replies just after the
 * customer finished, interruptions while she talks, silences waited out until their rule
 * applies), and the debrief must show the same outcome and score the analyzer computed headlessly.
 *
 * All paths are played one after another on ONE page, as a trainee's long session would: from
 * each debrief, Escape goes back to the scenario list and the next card is opened from there
 * (a page load per path cost most of this file's time). A failed path gets the next one a fresh page.
 */
import { describe, expect, test } from 'vitest';
import { analyzeScenario, type AnalysisReport, type PathSummary } from '../../src/analysis/analyze.ts';
import debrief from '../../src/i18n/locales/en/debrief.ts';
import { useSharedPage } from './harness/browser.ts';
import { debriefText, playPath, startConversation, startFromSelect, waitForScene } from './harness/flows.ts';
import { playableScenarios, rubricOf, type Playable } from './harness/scenarios.ts';

const shared = useSharedPage({ clock: true });

async function playAndCheck(playable: Playable, path: PathSummary): Promise<void> {
  const started = Date.now();
  const { page, fresh } = await shared.page();
  // To the conversation by mouse (quicker than Tab presses; keyboard-only play is conversation.e2e.ts).
  if (fresh) await startConversation(page, playable, 'mouse');
  else {
    // The previous path ended on its debrief: back to the list by its Escape key.
    await waitForScene(page, 'Debrief');
    await page.keyboard.press('Escape');
    await startFromSelect(page, playable, 'mouse');
  }
  if (process.env.E2E_DEBUG) console.log(`${playable.file}: conversation open after ${Date.now() - started} ms`);
  await playPath(page, playable.scenario, path.steps, 'keyboard');
  const text = await debriefText(page);
  if (process.env.E2E_DEBUG) console.log(`${playable.file}: debrief read after ${Date.now() - started} ms`);
  expect(text).toContain(debrief.overallValue.replace('{score}', String(path.overall)));
  if (path.outcome) expect(text).toContain(debrief[`outcome_${path.outcome}`]);
}

describe('The scenario library, played in the game', () => {
  for (const playable of playableScenarios()) {
    const label = `${playable.scenario.id} (${playable.scenario.language})`;
    // Analyzed when its first test runs (once for both), so one scenario the analyzer cannot
    // handle fails its own tests, not the whole file.
    let report: AnalysisReport | undefined;
    const analyzed = () => (report ??= analyzeScenario(playable.scenario, { rubric: rubricOf(playable.scenario) }));
    test(`${label}: best path`, async () => {
      const { best } = analyzed();
      expect(best, 'the analyzer found a best path').not.toBeNull();
      await playAndCheck(playable, best as PathSummary);
    });
    test(`${label}: worst path without auto-fail`, async () => {
      const { worstNonAutoFail } = analyzed();
      expect(worstNonAutoFail, 'the analyzer found a worst path').not.toBeNull();
      await playAndCheck(playable, worstNonAutoFail as PathSummary);
    });
  }
});
