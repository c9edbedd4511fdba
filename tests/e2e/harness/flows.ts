/**
 * Ways through the game the browser tests share: from the Title to a conversation by keyboard
 * or mouse, and a conversation played to the debrief by a chosen policy. Replies are picked
 * from the reply buttons on screen, matched to the scenario file so a policy can prefer good
 * replies, head for an ending, interrupt, stay silent or fail on purpose.
 *
 * Time: the tests install Playwright's fake clock before the page loads; it runs at normal
 * speed, and `skipTime` jumps it ahead while the customer talks or while the trainee is silent.
 */
import type { Locator, Page } from 'playwright-core';
import { silenceRuleOf } from '../../../src/conversation/rules.ts';
import { isAutoFailTag, isTrustRuiner } from '../../../src/scenario/vocabulary.ts';
import type { Reply, Scenario } from '../../../src/scenario/model.ts';
import type { PathStep } from '../../../src/analysis/paths.ts';
import { rubricOf, type Playable } from './scenarios.ts';
import { waitThreshold } from '../../../src/scoring/decisions.ts';
import { holdTime } from './browser.ts';

/** How the tests press things: keys only, or the mouse. */
export type InputMode = 'keyboard' | 'mouse';

/** What the trainee does in a conversation. */
export interface Policy {
  /** Pick the best (fewest trust-ruiners, then nearest ending), or on purpose a failing reply. */
  prefer: 'good' | 'autoFail';
  /** Answer the first time the customer can be cut off. */
  interruptOnce?: boolean;
  /** Stay silent the first time a silence rule can apply, until it does. */
  silentOnce?: boolean;
}

/** One decision the driver made, for assertions and failure messages. */
export interface Decision {
  replyId: string;
  number: number;
  interrupted: boolean;
  tags: string[];
}

/** What a played conversation did. */
export interface PlayedConversation {
  decisions: Decision[];
  /** Node ids where the driver stayed silent on purpose. */
  silences: string[];
}

interface ReplyOnScreen {
  id: string;
  number: number;
  interrupts: boolean;
}

interface ConversationState {
  scene: string | null;
  replies: ReplyOnScreen[];
  repliesShown: boolean;
}

/** Jumps the (installed) clock ahead by `ms`, firing due timers once. */
export async function skipTime(page: Page, ms: number): Promise<void> {
  await page.clock.fastForward(ms);
}

/** Waits until the overlay shows the screen of `scene`. */
export async function waitForScene(page: Page, scene: string, timeout = 30_000): Promise<void> {
  await page.locator(`#cd-overlay section.cd-screen[data-scene="${scene}"]`).last().waitFor({ timeout });
}

/**
 * Presses Tab until `target` has focus (at most `limit` times), then Enter: proves the control
 * is reachable and usable without a mouse.
 */
export async function tabAndEnter(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let presses = 0; presses <= limit; presses += 1) {
    if (await target.evaluate((node) => node === document.activeElement)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target.toString()} with ${limit} Tab presses`);
}

/** Presses a control by keyboard (Tab to it, Enter) or by mouse (a real click). */
export async function press(page: Page, target: Locator, mode: InputMode): Promise<void> {
  if (mode === 'keyboard') await tabAndEnter(page, target);
  else await target.click();
}

/** Called on each screen a flow passes through (screenshots, axe). */
export type OnScreen = (scene: string) => Promise<void>;

/** From the Title, opens the scenario's briefing and starts its conversation. */
export async function startConversation(page: Page, { file }: Playable, mode: InputMode, onScreen?: OnScreen): Promise<void> {
  await waitForScene(page, 'Title');
  await press(page, page.getByTestId('play'), mode);
  await startFromSelect(page, { file }, mode, onScreen);
}

/** From the scenario list (shown or on its way), opens the scenario's briefing and starts its conversation. */
export async function startFromSelect(page: Page, { file }: Pick<Playable, 'file'>, mode: InputMode, onScreen?: OnScreen): Promise<void> {
  await waitForScene(page, 'ScenarioSelect');
  await onScreen?.('ScenarioSelect');
  await press(page, page.locator(`button.cd-card[data-file="${file}"]`), mode);
  await waitForScene(page, 'Briefing');
  await page.getByTestId('start').waitFor();
  await onScreen?.('Briefing');
  await press(page, page.getByTestId('start'), mode);
  await waitForScene(page, 'Conversation');
  await page.getByTestId('captions').waitFor();
}

/**
 * Plays the conversation on screen to its end and waits for the Debrief. Replies are chosen by
 * number key (keyboard) or click (mouse) following `policy`.
 */
export async function playToDebrief(
  page: Page,
  scenario: Scenario,
  mode: InputMode,
  policy: Policy,
  onFirstReplies?: () => Promise<void>,
): Promise<PlayedConversation> {
  const played: PlayedConversation = { decisions: [], silences: [] };
  const started = Date.now();
  const log = (message: string) => {
    if (process.env.E2E_DEBUG) console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${scenario.id}: ${message}`);
  };
  let firstReplies = onFirstReplies;
  const distance = distancesToEnding(scenario);
  let interruptPending = policy.interruptOnce === true;
  let silencePending = policy.silentOnce === true;
  for (let step = 0; step < 400; step += 1) {
    const state = await readState(page);
    if (state.scene === 'Debrief') {
      log('debrief');
      return played;
    }
    if (state.scene !== 'Conversation') {
      await page.waitForTimeout(100);
      continue;
    }
    const node = state.repliesShown ? nodeOf(scenario, state.replies) : undefined;
    const talking = state.replies.some((reply) => reply.interrupts);
    if (node && silencePending && !talking && state.repliesShown) {
      // Every decision node has a silence rule (its own, the scenario's or the engine's default).
      const rule = silenceRuleOf(scenario, node);
      silencePending = false;
      played.silences.push(node.id);
      log(`silent on ${node.id} for ${rule.after} s`);
      await waitOutSilence(page, rule.after);
      continue;
    }
    const mayAnswer = state.repliesShown && state.replies.length > 0 && (!talking || interruptPending);
    if (node && mayAnswer && firstReplies) {
      await firstReplies();
      firstReplies = undefined;
      continue;
    }
    if (node && mayAnswer) {
      const reply = pickReply(node.replies, state.replies, distance, policy.prefer);
      if (talking) interruptPending = false;
      played.decisions.push({ replyId: reply.id, number: reply.number, interrupted: talking, tags: reply.tags });
      log(`${node.id}: reply ${reply.number} ${reply.id}${talking ? ' (interrupting)' : ''} [${reply.tags.join(' ')}]`);
      await chooseReply(page, reply.number, mode);
      continue;
    }
    await skipTime(page, 1500);
  }
  throw new Error(`The conversation did not reach the debrief; decisions so far: ${JSON.stringify(played.decisions)}`);
}

/**
 * Plays exactly the decisions of `steps` (a path from `analyzeScenario`) on screen and waits for
 * the Debrief, the way the engine counts them: a reply is answered just after the customer has
 * finished (well inside the rubric's reading allowance, so it is never a wait), an interruption
 * while they still talk (a cut-off reply reopens the same node: the next step is on it again), and
 * a silence is waited out until its rule (the node's own, the scenario's or the engine's default)
 * has made the customer react. Time is held and moved only by this function, in small steps, so a
 * busy machine cannot turn a prompt answer into a late one.
 */
export async function playPath(page: Page, scenario: Scenario, steps: readonly PathStep[], mode: InputMode): Promise<void> {
  const started = Date.now();
  let polls = 0;
  const log = (message: string) => {
    if (process.env.E2E_DEBUG) console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s, ${polls} polls] ${scenario.id}: ${message}`);
  };
  await holdTime(page, async () => {
    let next = 0;
    // Game time since the last step was taken: a path that stops moving fails with what it saw.
    let idleMs = 0;
    for (;;) {
      const state = await readState(page);
      polls += 1;
      if (state.scene === 'Debrief') {
        log(`debrief after ${next} of ${steps.length} decisions`);
        if (next !== steps.length) throw new Error(`${scenario.id}: the debrief came after ${next} of ${steps.length} decisions`);
        return;
      }
      if (idleMs > 120_000) {
        throw new Error(`${scenario.id}: the path did not move on for 120 s of game time (at decision ${next + 1} of ${steps.length}: ${JSON.stringify(steps[next] ?? null)}); screen: ${JSON.stringify(state)}`);
      }
      const step = steps[next];
      const node = step ? scenario.nodes[step.nodeId] : undefined;
      if (state.scene !== 'Conversation' || !step || !node) {
        idleMs += await advance(page, state.scene === 'Conversation' ? 1000 : 100);
        continue;
      }
      const talking = state.replies.some((reply) => reply.interrupts);
      const nodeIds = new Set(node.replies.map((reply) => reply.id));
      const onNode = state.repliesShown && state.replies.length > 0 && state.replies.every((reply) => nodeIds.has(reply.id));
      if (step.kind === 'silence' && node.replies.length === 0) {
        // A node with nothing to say back: the silence is all there is, time alone moves on.
        next += 1;
        idleMs = 0;
        continue;
      }
      if (step.kind === 'silence' && onNode && !talking) {
        log(`${node.id}: silent`);
        await waitOutSilence(page, silenceRuleOf(scenario, node).after);
        next += 1;
        idleMs = 0;
        continue;
      }
      const wanted = onNode ? state.replies.find((reply) => reply.id === step.choiceId) : undefined;
      if (wanted && (step.kind === 'interrupt' ? talking : !talking)) {
        log(`${node.id}: ${step.kind} ${wanted.id}`);
        await chooseReply(page, wanted.number, mode);
        next += 1;
        idleMs = 0;
        continue;
      }
      // Interruptions need the customer talking (small steps); answers come inside the reading allowance.
      idleMs += await advance(page, step.kind === 'interrupt' ? 250 : answerStepMs(scenario, node));
    }
  });
}

/**
 * Game time to skip per look while waiting to answer on `node`: a second less than the sooner of
 * the reading allowance's grace (a later reply counts as a wait) and the node's silence rule, at
 * most 3 s. Time is held, so the answer comes at most that long after the customer finished: in
 * time, in half the round trips of a fixed 1.5 s step (each costs a frame on a busy machine).
 */
function answerStepMs(scenario: Scenario, node: Scenario['nodes'][string]): number {
  const grace = waitThreshold(scenario, rubricOf(scenario)).grace;
  const seconds = Math.min(grace, silenceRuleOf(scenario, node).after);
  return Math.max(250, Math.min(3000, seconds * 1000 - 1000));
}

/** Moves the (held) clock on by `ms` and gives the page a moment to draw; returns `ms`. */
async function advance(page: Page, ms: number): Promise<number> {
  await skipTime(page, ms);
  return ms;
}

async function readState(page: Page): Promise<ConversationState> {
  return page.evaluate(() => {
    const screens = [...document.querySelectorAll<HTMLElement>('#cd-overlay section.cd-screen[data-scene]')];
    const screen = screens.at(-1);
    const box = screen?.querySelector<HTMLElement>('.cd-conv-replies');
    const buttons = [...(screen?.querySelectorAll<HTMLButtonElement>('button.cd-conv-reply') ?? [])];
    return {
      scene: screen?.dataset.scene ?? null,
      repliesShown: box ? !box.hidden && box.closest('[hidden]') === null : false,
      replies: buttons.map((button, index) => ({
        id: button.dataset.reply ?? '',
        number: index + 1,
        interrupts: button.dataset.interrupts === 'true',
      })),
    };
  });
}

/** Presses the reply's number key, or clicks its button, and waits until the press shows. */
async function chooseReply(page: Page, number: number, mode: InputMode): Promise<void> {
  const button = page.getByTestId(`reply-${number}`);
  const before = await button.getAttribute('data-reply');
  if (mode === 'keyboard') await page.keyboard.press(String(number));
  else await button.click();
  // Polled from here, not with waitForFunction: the page's timers and frames may be held (holdTime).
  for (let tries = 0; tries < 200; tries += 1) {
    const pressed = await page.evaluate(
      ([n, id]) => {
        const node = document.querySelector<HTMLElement>(`[data-testid="reply-${n}"]`);
        return !node || node.dataset.chosen === 'true' || node.dataset.reply !== id || node.closest('[hidden]') !== null;
      },
      [number, before] as const,
    );
    if (pressed) return;
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error(`Pressing reply ${number} (${before ?? '?'}) did not show on screen`);
}

/**
 * Lets the silence rule's seconds pass (plus a little), until the customer reacts: a new line in
 * the captions, another mood, other replies, hidden replies or another screen. Call it once the
 * customer has finished (the silence timer runs from then).
 */
async function waitOutSilence(page: Page, seconds: number): Promise<void> {
  const before = await silenceSignature(page);
  for (let waited = 0; waited < seconds * 1000 + 2000; waited += 250) {
    await skipTime(page, 250);
    if ((await silenceSignature(page)) !== before) return;
  }
}

/** What changes on screen when a silence rule applies. */
async function silenceSignature(page: Page): Promise<string> {
  return page.evaluate(() => {
    const screen = [...document.querySelectorAll<HTMLElement>('#cd-overlay section.cd-screen[data-scene]')].at(-1);
    const box = screen?.querySelector<HTMLElement>('.cd-conv-replies');
    return JSON.stringify([
      screen?.dataset.scene ?? null,
      screen?.querySelector<HTMLElement>('[data-testid="captions"]')?.textContent ?? '',
      screen?.querySelector<HTMLElement>('[data-testid="mood"]')?.textContent ?? '',
      box ? box.hidden : null,
      [...(screen?.querySelectorAll<HTMLElement>('button.cd-conv-reply') ?? [])].map((b) => `${b.dataset.reply}:${b.dataset.interrupts}`),
    ]);
  });
}

/** The node whose replies are the ones on screen (reply ids may repeat across nodes, sets do not). */
function nodeOf(scenario: Scenario, onScreen: readonly ReplyOnScreen[]) {
  const ids = onScreen.map((reply) => reply.id);
  const candidates = Object.values(scenario.nodes).filter((node) => ids.every((id) => node.replies.some((reply) => reply.id === id)));
  return candidates.sort((a, b) => a.replies.length - b.replies.length)[0];
}

function pickReply(
  replies: readonly Reply[],
  onScreen: readonly ReplyOnScreen[],
  distance: ReadonlyMap<string, number>,
  prefer: Policy['prefer'],
): Reply & { number: number } {
  const shown = onScreen.flatMap((item) => {
    const reply = replies.find((r) => r.id === item.id);
    return reply ? [{ ...reply, number: item.number }] : [];
  });
  const failing = shown.find((reply) => reply.tags.some(isAutoFailTag));
  if (prefer === 'autoFail' && failing) return failing;
  const cost = (reply: Reply) => [
    reply.tags.filter(isAutoFailTag).length,
    reply.tags.filter(isTrustRuiner).length,
    distance.get(reply.next) ?? Number.MAX_SAFE_INTEGER,
  ];
  const ranked = [...shown].sort((a, b) => compareTuples(cost(a), cost(b)));
  const best = ranked[0];
  if (!best) throw new Error(`None of the replies on screen (${onScreen.map((r) => r.id).join(', ')}) is in the scenario`);
  return best;
}

function compareTuples(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Steps from each node to the nearest ending, following replies, branches and silences. */
function distancesToEnding(scenario: Scenario): Map<string, number> {
  const incoming = new Map<string, string[]>();
  for (const node of Object.values(scenario.nodes)) {
    const targets = [...node.replies.map((r) => r.next), ...node.branches.map((b) => b.next), ...(node.silence?.next !== undefined ? [node.silence.next] : [])];
    for (const target of targets) incoming.set(target, [...(incoming.get(target) ?? []), node.id]);
  }
  const distance = new Map<string, number>();
  const queue = Object.values(scenario.nodes).filter((node) => node.end).map((node) => node.id);
  for (const id of queue) distance.set(id, 0);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const source of incoming.get(id) ?? []) {
      if (distance.has(source)) continue;
      distance.set(source, (distance.get(id) ?? 0) + 1);
      queue.push(source);
    }
  }
  return distance;
}

/** Waits for the debrief and returns its text, as a screen reader would read it. */
export async function debriefText(page: Page): Promise<string> {
  await waitForScene(page, 'Debrief');
  const screen = page.locator('#cd-overlay section.cd-screen[data-scene="Debrief"]').last();
  await screen.getByRole('heading').first().waitFor();
  return screen.innerText();
}
