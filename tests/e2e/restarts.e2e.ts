/**
 * Restarting a conversation twenty times from the pause menu leaks no event listeners and logs
 * no errors. Listener counts come from the DevTools protocol after a forced garbage collection.
 */
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectAccessible, saveScreens, useBrowser } from './harness/browser.ts';
import { startConversation, waitForScene } from './harness/flows.ts';
import { scenarioById } from './harness/scenarios.ts';

const browser = useBrowser();
const RESTARTS = 20;

interface ListenerCounts {
  window: number;
  document: number;
  /** Every JS event listener the page holds (Performance.getMetrics `JSEventListeners`). */
  all: number;
  /** Elements in the document. */
  attached: number;
  /** DOM nodes alive in the renderer, detached ones included (Performance.getMetrics `Nodes`). */
  alive: number;
}

async function listenerCounts(cdp: CDPSession): Promise<ListenerCounts> {
  await cdp.send('HeapProfiler.collectGarbage');
  await new Promise((done) => setTimeout(done, 500));
  await cdp.send('HeapProfiler.collectGarbage');
  const onObject = async (expression: string) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId as string });
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId as string });
    return listeners.length;
  };
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  const { result } = await cdp.send('Runtime.evaluate', { expression: "document.querySelectorAll('*').length", returnByValue: true });
  return {
    window: await onObject('window'),
    document: await onObject('document'),
    all: metric('JSEventListeners'),
    attached: Number(result.value),
    alive: metric('Nodes'),
  };
}

/** Opens the pause menu with P and restarts from it by keyboard; waits for the fresh conversation. */
async function restartFromPause(page: Page): Promise<void> {
  const before = await page.locator('#cd-overlay section.cd-screen[data-scene="Conversation"]').last().elementHandle();
  await page.keyboard.press('p');
  const restart = page.getByTestId('restart');
  await restart.waitFor();
  await restart.focus();
  await page.keyboard.press('Enter');
  await before?.waitForElementState('hidden');
  await waitForScene(page, 'Conversation');
  await page.getByTestId('captions').waitFor();
}

describe('Restarting a conversation', () => {
  test(`${RESTARTS} restarts from the pause menu add no event listeners`, async () => {
    const { page } = await browser.open();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await startConversation(page, scenarioById('kettle-returned-twice'), 'keyboard');

    await page.keyboard.press('p');
    await page.getByTestId('restart').waitFor();
    await saveScreens(page, 'pause-menu');
    await expectAccessible(page, 'Pause menu');
    await page.keyboard.press('Escape');
    await page.getByTestId('restart').waitFor({ state: 'hidden' });

    await restartFromPause(page);
    await restartFromPause(page);
    const baseline = await listenerCounts(cdp);
    for (let restart = 3; restart <= RESTARTS; restart += 1) await restartFromPause(page);
    const after = await listenerCounts(cdp);
    console.log(`listeners after 2 restarts ${JSON.stringify(baseline)}, after ${RESTARTS}: ${JSON.stringify(after)}`);

    expect(after.window, 'listeners on window').toBe(baseline.window);
    expect(after.document, 'listeners on document').toBe(baseline.document);
    expect(after.all, 'all JS event listeners').toBeLessThanOrEqual(baseline.all);
    expect(after.attached, 'elements in the document').toBeLessThanOrEqual(baseline.attached + 10);
    expect(await page.locator('#cd-overlay section.cd-screen').count(), 'screens in the overlay').toBe(1);
  });
});
