/** The first screen: the game boots to a Title that lists every bundled scenario. */
import { describe, expect, test } from 'vitest';
import { expectAccessible, saveScreens, useBrowser, waitForAppReady } from './harness/browser.ts';
import { bundledScenarios } from './harness/scenarios.ts';

const browser = useBrowser();

describe('Title screen', () => {
  test('boots to the Title, lists the bundled scenarios, and is accessible', async () => {
    const bundled = bundledScenarios();
    expect(bundled.length, 'scenario files in scenarios/').toBeGreaterThan(0);
    expect(bundled.filter((entry) => !entry.scenario).map((entry) => entry.file), 'scenario files with errors').toEqual([]);

    const { page } = await browser.open();
    await waitForAppReady(page);
    expect(await page.locator('canvas').count(), 'Phaser canvas').toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    for (const { scenario } of bundled) {
      await page.getByText(scenario?.title ?? '', { exact: true }).first().waitFor({ state: 'visible', timeout: 10_000 });
    }
    await saveScreens(page, 'title');
    await expectAccessible(page, 'Title');
  });
});
