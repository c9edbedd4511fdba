/**
 * Learning records reach an LRS: the test serves a tiny LRS on 127.0.0.1, sets it up in Settings
 * (and sends a test statement), plays a conversation and checks its statements arrive, valid.
 * Then the LRS goes down (503): a second conversation's statements wait in the queue, survive a
 * reload, and when the LRS is back they all arrive, each exactly once. One page throughout.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import records from '../../src/i18n/locales/en/records.ts';
import { EXTENSIONS } from '../../src/records/xapi/statements.ts';
import { xapiProblems } from '../records/xapiFixtures.ts';
import { expectAccessible, saveScreens, useBrowser, type GameSession } from './harness/browser.ts';
import { playToDebrief, startConversation, waitForScene } from './harness/flows.ts';
import { startTestLrs, type TestLrs } from './harness/lrs.ts';
import { scenarioById } from './harness/scenarios.ts';

const browser = useBrowser();
let lrs: TestLrs;

beforeAll(async () => {
  lrs = await startTestLrs();
});
afterAll(async () => {
  await lrs?.close();
});

const t0 = Date.now();
/** With E2E_DEBUG, says how far the test got and when. */
function step(message: string): void {
  if (process.env.E2E_DEBUG) console.log(`[xapi ${((Date.now() - t0) / 1000).toFixed(1)} s] ${message}`);
}

/** Polls (from Node, so the page's fake clock does not matter) until `check` holds. */
async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Statement ids waiting in the page's queue (localStorage). */
async function waiting(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('calm-desk/xapi-queue');
    return raw ? (JSON.parse(raw) as { pending: Array<{ id: string }> }).pending.map((e) => e.id) : [];
  });
}

/** The attempt id of each stored statement, by verb. */
function storedFor(attemptId: string): Array<Record<string, unknown>> {
  return [...lrs.stored.values()].filter((s) => (s.context as { extensions?: Record<string, unknown> } | undefined)?.extensions?.[EXTENSIONS.attemptId] === attemptId);
}

function verbOf(s: Record<string, unknown>): string {
  return String((s.verb as { id: string }).id).split('/').pop() ?? '';
}

async function openSettings(page: Page): Promise<void> {
  await page.getByTestId('settings').click();
  await waitForScene(page, 'Settings');
  await page.getByRole('heading', { name: records.heading }).waitFor();
}

async function fill(page: Page, field: string, value: string): Promise<void> {
  const input = page.locator(`[data-field="${field}"]`);
  await input.fill(value);
  await input.press('Tab');
}

/** The attempts saved in this browser, newest first: id is the record's, attempt ids are in statements. */
async function savedDecisionCounts(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('calm-desk/results');
    return raw ? (JSON.parse(raw) as { results: Array<{ decisions: unknown[] }> }).results.map((r) => r.decisions.length) : [];
  });
}

/** Overall scores of the attempts saved in this browser, newest first. */
async function savedScores(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('calm-desk/results');
    return raw ? (JSON.parse(raw) as { results: Array<{ overall: number }> }).results.map((r) => r.overall) : [];
  });
}

/** A 503 from the test LRS is expected while it is down: not the page's error. */
function forgiveLrsOutage(session: GameSession): void {
  const kept = session.problems.filter((p) => !(p.includes(lrs.origin) && /\b503\b/.test(p)));
  session.problems.splice(0, session.problems.length, ...kept);
}

/** The LRS settings saved in this browser. */
async function savedRecords(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => (JSON.parse(localStorage.getItem('calm-desk/settings') ?? '{}') as { settings?: { records?: Record<string, unknown> } }).settings?.records ?? {});
}

describe('xAPI settings and Esc', () => {
  test('Esc in a field saves a valid edit and leaves; an invalid edit stays with the reason until a second Esc', async () => {
    const { page } = await browser.open();
    await waitForScene(page, 'Title');
    await openSettings(page);
    // A valid edit, then Esc straight from the field: saved, as leaving the field would, and back to the Title.
    const passMark = page.locator('[data-field="passMark"]');
    await passMark.fill('85');
    await passMark.press('Escape');
    await waitForScene(page, 'Title');
    expect((await savedRecords(page)).passMark).toBe(85);
    await openSettings(page);
    expect(await page.locator('[data-field="passMark"]').inputValue()).toBe('85');
    // An invalid edit: the first Esc stays on Settings, shows why and says what a second Esc does.
    const endpoint = page.locator('[data-field="endpoint"]');
    await endpoint.fill('lrs.example.com/xapi?x=1');
    await endpoint.press('Escape');
    await page.getByText(records.invalidEndpoint).waitFor();
    expect(await page.locator('#cd-overlay section.cd-screen').last().getAttribute('data-scene')).toBe('Settings');
    expect(await endpoint.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => endpoint.evaluate((node) => node === document.activeElement)).toBe(true);
    await page.getByRole('status').filter({ hasText: records.escInvalid.replace('{field}', records.endpoint).slice(0, 40) }).waitFor();
    // The second Esc leaves without it; the saved address is unchanged.
    await endpoint.press('Escape');
    await waitForScene(page, 'Title');
    expect((await savedRecords(page)).endpoint).toBe('');
  });
});

describe('xAPI learning records', () => {
  // Two whole conversations on a shared 2-core machine: more time than the file default.
  test('a conversation sends its statements; while the LRS is down they wait, survive a reload, and arrive exactly once', { timeout: 480_000 }, async () => {
    const playable = scenarioById('late-birthday-parcel');
    const session = await browser.open({ clock: true });
    const { page } = session;
    await waitForScene(page, 'Title');

    // Set up the LRS in Settings, as a training manager would, and check the connection.
    await openSettings(page);
    await page.getByText(records.statusOff).waitFor();
    await fill(page, 'endpoint', lrs.endpoint);
    await fill(page, 'username', 'trainer');
    await fill(page, 'secret', 'sälä-secret');
    await fill(page, 'actorName', 'Aino Testaaja');
    await fill(page, 'actorEmail', 'aino@example.com');
    await page.getByTestId('xapi-test').click();
    await page.getByRole('status').filter({ hasText: records.testOk.split('{time}')[0] as string }).waitFor();
    expect([...lrs.stored.values()].map(verbOf)).toEqual(['interacted']);
    expect([...lrs.authorizations]).toEqual([`Basic ${Buffer.from('trainer:sälä-secret', 'utf8').toString('base64')}`]);
    await page.getByTestId('xapi-queue').scrollIntoViewIfNeeded();
    await saveScreens(page, 'xapi-settings');
    await expectAccessible(page, 'Settings with learning records');

    step('1. The LRS is up');
    // 1. The LRS is up: a conversation's statements arrive, each valid.
    await page.keyboard.press('Escape');
    await startConversation(page, playable, 'mouse');
    await playToDebrief(page, playable.scenario, 'mouse', { prefer: 'good' });
    await until('the first attempt is completed in the LRS', () => [...lrs.stored.values()].some((s) => verbOf(s) === 'completed'));
    await until('the queue is empty', async () => (await waiting(page)).length === 0);
    const first = [...lrs.stored.values()].find((s) => verbOf(s) === 'completed')!;
    const firstAttempt = (first.context as { extensions: Record<string, string> }).extensions[EXTENSIONS.attemptId]!;
    const firstStatements = storedFor(firstAttempt);
    const [decisionsFirst] = await savedDecisionCounts(page);
    const [scoreFirst] = await savedScores(page);
    expect(firstStatements.map(verbOf)).toEqual(['initialized', ...Array(decisionsFirst).fill('responded'), 'completed']);
    for (const statement of lrs.stored.values()) expect(xapiProblems(statement), JSON.stringify(statement)).toEqual([]);
    expect(first.actor).toEqual({ objectType: 'Agent', name: 'Aino Testaaja', mbox: 'mailto:aino@example.com' });
    expect(first.result).toMatchObject({ score: { scaled: scoreFirst! / 100, raw: scoreFirst }, success: scoreFirst! >= 70, completion: true });

    step('2. The LRS goes down');
    // 2. The LRS goes down: the next conversation's statements wait in the queue.
    lrs.setDown(true);
    const refusedBefore = lrs.refused;
    await page.reload();
    await waitForScene(page, 'Title');
    await startConversation(page, playable, 'mouse');
    await playToDebrief(page, playable.scenario, 'mouse', { prefer: 'good', silentOnce: true });
    await until('the LRS has refused a batch', () => lrs.refused > refusedBefore);
    const queued = await waiting(page);
    const [decisionsSecond] = await savedDecisionCounts(page);
    expect(queued).toHaveLength(decisionsSecond! + 2);

    step('3. A reload mid-queue');
    // 3. A reload mid-queue loses nothing (the startup drain meets the 503 again).
    const refusedBeforeReload = lrs.refused;
    await page.reload();
    await waitForScene(page, 'Title');
    await until('the startup drain has tried', () => lrs.refused > refusedBeforeReload);
    expect(await waiting(page)).toEqual(queued);
    await openSettings(page);
    const queueLine = page.getByTestId('xapi-queue');
    await until('Settings show the waiting statements', async () => /statements waiting, last error: HTTP 503/.test(await queueLine.innerText()));
    expect(await queueLine.innerText()).toContain(`${queued.length} statements waiting`);
    await queueLine.scrollIntoViewIfNeeded();
    await saveScreens(page, 'xapi-settings-waiting');
    await expectAccessible(page, 'Settings with statements waiting');

    step('4. The LRS is back');
    // 4. The LRS is back and the browser says it is online: the queue drains, each statement exactly once.
    lrs.setDown(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await until('the queue is empty again', async () => (await waiting(page)).length === 0);
    for (const id of queued) expect(lrs.stored.has(id), id).toBe(true);
    expect([...lrs.seen].filter((id) => !lrs.stored.has(id))).toEqual([]);
    expect(lrs.duplicates).toEqual([]);
    const second = lrs.stored.get(queued.at(-1)!)!;
    expect(verbOf(second)).toBe('completed');
    const secondAttempt = (second.context as { extensions: Record<string, string> }).extensions[EXTENSIONS.attemptId]!;
    expect(storedFor(secondAttempt).map(verbOf)).toEqual(['initialized', ...Array(decisionsSecond).fill('responded'), 'completed']);
    for (const statement of lrs.stored.values()) expect(xapiProblems(statement)).toEqual([]);
    await until('Settings say nothing waits', async () => (await queueLine.innerText()).startsWith(records.statusIdle));

    forgiveLrsOutage(session);
  });
});
