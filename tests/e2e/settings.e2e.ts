/** Settings: switching the game's language changes every label, persists, and switches back. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import enSettings from '../../src/i18n/locales/en/settings.ts';
import enTitle from '../../src/i18n/locales/en/title.ts';
import fiSettings from '../../src/i18n/locales/fi/settings.ts';
import fiTitle from '../../src/i18n/locales/fi/title.ts';
import { expectAccessible, saveScreens, useBrowser, waitForAppReady } from './harness/browser.ts';
import { tabAndEnter, waitForScene } from './harness/flows.ts';
import { createStore } from '../../src/storage/store.ts';
import { memoryBackend } from '../../src/storage/backend.ts';
import { record } from '../storage/fixtures.ts';

const browser = useBrowser();

describe('Settings', () => {
  test('switching the language to Finnish and back, by keyboard, survives a reload', async () => {
    const { page } = await browser.open({ locale: 'en-GB' });
    await waitForAppReady(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await tabAndEnter(page, page.getByTestId('settings'));
    await waitForScene(page, 'Settings');
    await page.getByRole('heading', { name: enSettings.heading, level: 1 }).waitFor();
    await saveScreens(page, 'settings-en');
    await expectAccessible(page, 'Settings');

    await page.getByRole('radio', { name: 'Suomi' }).check();
    await page.getByRole('heading', { name: fiSettings.heading, level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');
    expect(await page.getByRole('radio', { name: 'Suomi' }).isChecked()).toBe(true);
    await saveScreens(page, 'settings-fi');
    await expectAccessible(page, 'Settings (Finnish)');

    await page.keyboard.press('Escape');
    await waitForScene(page, 'Title');
    await page.getByRole('button', { name: fiTitle.play, exact: true }).waitFor();
    await page.getByRole('button', { name: fiTitle.settings, exact: true }).waitFor();
    await saveScreens(page, 'title-fi');
    await expectAccessible(page, 'Title (Finnish)');

    await page.reload();
    await waitForScene(page, 'Title');
    await page.getByRole('button', { name: fiTitle.play, exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');

    await tabAndEnter(page, page.getByTestId('settings'));
    await page.getByRole('heading', { name: fiSettings.heading, level: 1 }).waitFor();
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { name: enSettings.heading, level: 1 }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: enTitle.play, exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  test('a Finnish browser starts in Finnish', async () => {
    const { page } = await browser.open({ locale: 'fi-FI' });
    await waitForScene(page, 'Title');
    await page.getByRole('button', { name: fiTitle.play, exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');
  });

  test('results export to a JSON file and import back from one', async () => {
    // A results file as another browser would have exported it: two attempts.
    const other = createStore(memoryBackend());
    other.addResult(record({ id: 'elsewhere-1' }));
    other.addResult(record({ id: 'elsewhere-2', overall: 91 }));
    const file = other.exportResults();

    const { page } = await browser.open({ acceptDownloads: true });
    await waitForAppReady(page);
    await page.getByTestId('settings').click();
    await waitForScene(page, 'Settings');
    await page.getByText(enSettings.resultsCount.zero).waitFor();

    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-results').click();
    await (await chooser).setFiles({ name: 'results.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    const imported = enSettings.imported.replace('{added}', '2').replace('{duplicates}', '0');
    await page.getByRole('status').filter({ hasText: imported }).waitFor();
    await page.getByText(enSettings.resultsCount.other.replace('{count}', '2')).waitFor();

    const download = page.waitForEvent('download');
    await page.getByTestId('export-results').click();
    const saved = await (await download).path();
    const exported = JSON.parse(readFileSync(saved, 'utf8')) as { results: Array<{ id: string }> };
    expect(exported.results.map((r) => r.id).sort()).toEqual(['elsewhere-1', 'elsewhere-2']);

    const again = page.waitForEvent('filechooser');
    await page.getByTestId('import-results').click();
    await (await again).setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') });
    await page.getByRole('status').filter({ hasText: enSettings.importFailed.split('{error}')[0] as string }).waitFor();
    await expectAccessible(page, 'Settings with results');
  });
});
