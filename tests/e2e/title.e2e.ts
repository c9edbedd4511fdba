/** The first screen: the game boots to a Title that lists every bundled scenario. */
import { describe, expect, test } from 'vitest';
import { expectAccessible, saveScreens, useBrowser, waitForAppReady } from './harness/browser.ts';
import { bundledScenarios } from './harness/scenarios.ts';

const browser = useBrowser();

describe('Title screen', () => {
  test('boots to the Title, lists the bundled scenarios, and is accessible', async () => {
    const scenarios = bundledScenarios();
    expect(scenarios.length, 'bundled scenarios in scenarios/').toBeGreaterThan(0);

    const { page } = await browser.open();
    await waitForAppReady(page);
    expect(await page.locator('canvas').count(), 'Phaser canvas').toBeGreaterThan(0);
    for (const scenario of scenarios) {
      await page.getByText(scenario.title, { exact: true }).first().waitFor({ state: 'visible', timeout: 10_000 });
    }
    await saveScreens(page, 'title');
    await expectAccessible(page, 'Title');
  });
});
