/** Settings: switching the game's language changes every label, persists, and switches back. */
import { describe, expect, test } from 'vitest';
import enSettings from '../../src/i18n/locales/en/settings.ts';
import enTitle from '../../src/i18n/locales/en/title.ts';
import fiSettings from '../../src/i18n/locales/fi/settings.ts';
import fiTitle from '../../src/i18n/locales/fi/title.ts';
import { expectAccessible, saveScreens, useBrowser, waitForAppReady } from './harness/browser.ts';
import { tabAndEnter, waitForScene } from './harness/flows.ts';

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
});
