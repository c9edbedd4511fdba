/**
 * Classroom mode in the browser: a projector page and a presenter page in one context, kept in
 * step over BroadcastChannel. The presenter drives the projector (a vote round, a reveal, a step
 * back), either page reloads without losing the session, the key help, blank screen and trainer
 * panel work, the room plays to the end and reads the summary, and the record downloads from the
 * presenter. axe-core runs on every room screen; each is saved at 1920×1080 as room-*.png.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { expectAccessible, SCREENSHOT_DIR, useBrowser, watchProblems } from './harness/browser.ts';
import { skipTime, waitForScene } from './harness/flows.ts';

const browser = useBrowser();
const FULL_HD = { width: 1920, height: 1080 };
const step = (name: string): void => {
  if (process.env.E2E_DEBUG) console.log(`room: ${name}`);
};

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  const cdp = await page.context().newCDPSession(page);
  const capture = await cdp.send('Page.captureScreenshot', { format: 'png', optimizeForSpeed: true });
  await cdp.detach();
  await writeFile(join(SCREENSHOT_DIR, `room-${name}.png`), Buffer.from(capture.data, 'base64'));
}

/** Let the customer talk (fake clock) until the replies are on the projector. */
async function untilReplies(projector: Page): Promise<void> {
  const replies = projector.getByTestId('room-replies');
  for (let i = 0; i < 40 && !(await replies.isVisible()); i++) await skipTime(projector, 1500);
  await replies.waitFor({ state: 'visible' });
}

/** The number of decisions the projector's stored session holds. */
async function decisionsMade(page: Page, sessionId: string): Promise<number> {
  return page.evaluate((id) => {
    const session = JSON.parse(localStorage.getItem(`calm-desk/room/${id}`) ?? 'null') as { snapshot?: { context?: { decisionCount?: number } } } | null;
    return session?.snapshot?.context?.decisionCount ?? -1;
  }, sessionId);
}

describe('Classroom mode', () => {
  test('the presenter drives the projector through a vote, a reveal, a step back, reloads and the summary', async () => {
    const { context, page: projector } = await browser.open({ path: '?mode=room', viewport: FULL_HD, clock: true, acceptDownloads: true });
    await waitForScene(projector, 'RoomChooser');
    await projector.getByRole('heading', { name: 'Run a session with a room' }).waitFor();
    await shot(projector, 'chooser');
    await expectAccessible(projector, 'room chooser');

    // Start the first scenario of the course order from the keyboard.
    await projector.keyboard.press('Enter');
    await waitForScene(projector, 'RoomProjector');
    const sessionId = new URL(projector.url()).searchParams.get('session') ?? '';
    expect(sessionId).toMatch(/^[a-z0-9]+$/);
    await skipTime(projector, 800);
    await shot(projector, 'projector-speaking');
    await untilReplies(projector);
    // Outside the hot seat the room's discussion is not silence: a long wait changes nothing.
    await skipTime(projector, 120_000);
    expect(await decisionsMade(projector, sessionId)).toBe(0);
    await expect.poll(() => projector.getByTestId('room-reply-A').isVisible()).toBe(true);
    await shot(projector, 'projector-replies');
    await expectAccessible(projector, 'room projector');

    // The presenter window: a second page in the same context.
    const presenter = await context.newPage();
    const presenterProblems = watchProblems(presenter);
    await presenter.setViewportSize(FULL_HD);
    await presenter.goto(new URL(`?mode=presenter&session=${sessionId}`, inject('baseUrl')).href);
    await waitForScene(presenter, 'RoomPresenter');
    await presenter.getByTestId('trainer-reply-A').waitFor();
    // A control's keys never break across lines: "Blank screen" may wrap above "(B or .)", never inside it.
    const keyLines = await presenter.locator('.cd-room-controls .cd-room-control-keys').evaluateAll((spans) => spans.map((span) => `${span.textContent}: ${span.getClientRects().length}`));
    expect(keyLines).toContain('(B or .): 1');
    expect(keyLines.filter((line) => !line.endsWith(': 1'))).toEqual([]);
    await shot(presenter, 'presenter');
    await expectAccessible(presenter, 'room presenter');

    step('A vote round');
    // A vote round from the presenter: V, hands per reply (digits, Enter), Enter plays the winner.
    await presenter.keyboard.press('v');
    await projector.getByTestId('room-vote').waitFor();
    await presenter.locator('[data-testid="control-vote.open"][aria-pressed="true"]').waitFor();
    const offered = await projector.locator('.cd-room-reply').count();
    for (const hands of ['3', '12', '1', '0'].slice(0, offered)) {
      for (const digit of hands) await presenter.keyboard.press(digit);
      await presenter.keyboard.press('Enter');
    }
    await expect.poll(() => projector.getByTestId('room-bar-B').textContent()).toContain('12');
    await expect.poll(() => projector.getByTestId('room-reply-B').getAttribute('data-winner')).toBe('true');
    await shot(projector, 'vote');
    await expectAccessible(projector, 'room vote');
    await presenter.keyboard.press('Enter');
    await expect.poll(() => decisionsMade(projector, sessionId)).toBe(1);

    step('Reveal what');
    // Reveal what the reply did, from the presenter.
    await presenter.getByTestId('control-reveal').click();
    await projector.getByTestId('room-reveal').waitFor();
    await shot(projector, 'reveal');
    await expectAccessible(projector, 'room reveal');
    await presenter.keyboard.press('PageDown');
    await projector.getByTestId('room-reveal').waitFor({ state: 'hidden' });

    step('Step back one');
    // Step back one decision: the room is at the first decision again.
    await untilReplies(projector);
    await presenter.getByTestId('control-stepBack').click();
    await expect.poll(() => decisionsMade(projector, sessionId)).toBe(0);
    await untilReplies(projector);

    step('Reload the projec');
    // Reload the projector: the session comes back from storage, and the presenter stays in step.
    await projector.getByTestId('room-reply-C').waitFor();
    await projector.reload();
    await waitForScene(projector, 'RoomProjector');
    await untilReplies(projector);
    expect(await decisionsMade(projector, sessionId)).toBe(0);
    // A vote on the projector's own keys: V, C moves to C's count, 9, Enter to the end, Enter plays C.
    await projector.keyboard.press('v');
    await projector.getByTestId('room-vote').waitFor();
    await projector.keyboard.press('c');
    await projector.keyboard.press('9');
    for (let i = 0; i < 4 && (await decisionsMade(projector, sessionId)) === 0; i++) await projector.keyboard.press('Enter');
    await expect.poll(() => decisionsMade(projector, sessionId)).toBe(1);
    await expect.poll(() => presenter.getByTestId('trainer-paths').textContent()).toContain('C:');

    step('Reload the presen');
    // Reload the presenter: it reads the session and drives the projector again.
    await presenter.reload();
    await waitForScene(presenter, 'RoomPresenter');
    await presenter.getByTestId('trainer-paths').filter({ hasText: 'C:' }).waitFor();
    await untilReplies(projector);
    await presenter.keyboard.press('p');
    await projector.getByTestId('room-status').filter({ hasText: 'Paused' }).waitFor();
    await presenter.keyboard.press('p');

    step('Key help');
    // Key help, blank screen and the single-screen trainer panel on the projector.
    await projector.keyboard.press('?');
    await projector.getByTestId('room-help').waitFor();
    await shot(projector, 'help');
    await expectAccessible(projector, 'room key help');
    await projector.keyboard.press('Escape');
    await projector.keyboard.press('.');
    await projector.getByTestId('room-blank').waitFor();
    await shot(projector, 'blank');
    await projector.keyboard.press('.');
    await projector.keyboard.press('n');
    await projector.getByTestId('room-drawer').waitFor();
    await shot(projector, 'panel');
    await expectAccessible(projector, 'room trainer panel');
    await projector.keyboard.press('n');

    step('Play on with');
    // Play on with reply A until the conversation ends, then the summary pages.
    const ended = projector.getByTestId('room-ended');
    for (let i = 0; i < 20 && !(await ended.isVisible()); i++) {
      if (await projector.getByTestId('room-reply-A').isVisible()) await projector.keyboard.press('a');
      await skipTime(projector, 3000);
    }
    await ended.waitFor();
    await shot(projector, 'ended');
    await projector.keyboard.press('PageDown');
    const summary = projector.getByTestId('room-summary');
    await summary.waitFor();
    if ((await summary.getAttribute('data-page')) !== 'overview') await projector.keyboard.press('PageDown');
    await summary.and(projector.locator('[data-page="overview"]')).waitFor();
    await projector.getByTestId('room-score').waitFor();
    await shot(projector, 'summary');
    await expectAccessible(projector, 'room summary');
    await projector.keyboard.press('PageDown');
    await summary.and(projector.locator('[data-page="votes"]')).waitFor();
    await shot(projector, 'summary-votes');
    await projector.keyboard.press('PageDown');
    await summary.and(projector.locator('[data-page="question"]')).waitFor();
    await shot(projector, 'summary-question');
    await expectAccessible(projector, 'room self-analysis question');

    step('The record downlo');
    // The record downloads from the presenter view.
    const htmlDownload = presenter.waitForEvent('download');
    await presenter.getByTestId('export-html').click();
    const html = await readFile((await (await htmlDownload).path()) ?? '', 'utf8');
    expect(html).toContain('<!doctype html>');
    expect(html).toContain('Self-analysis questions');
    const jsonDownload = presenter.waitForEvent('download');
    await presenter.keyboard.press('j');
    const record = JSON.parse(await readFile((await (await jsonDownload).path()) ?? '', 'utf8')) as { format: string; summary: { ended: boolean } };
    expect(record.format).toBe('calm-desk-room-session');
    expect(record.summary.ended).toBe(true);
    expect(presenterProblems).toEqual([]);
  }, 600_000);
});
