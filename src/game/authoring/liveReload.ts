/**
 * Live reload with `npm start`: the dev server sends `calm-desk:scenarios` when a scenario file is
 * saved (see `src/build/scenarioCatalog.ts`), and the open game updates in place, never reloading
 * the page. The Title and select lists refresh; an open briefing shows the new text; a running
 * conversation goes back to the start of the node the customer is on, in the new version (or
 * starts over, saying why). A file saved with errors opens the diagnostics card (a notice during
 * a conversation) and the last good version stays playable.
 *
 * In a production build `import.meta.hot` is undefined and none of this runs.
 */
import type * as Phaser from 'phaser';
import { rubrics } from 'virtual:scenario-catalog';
import type { CatalogEntry } from '../../build/catalogEntry.ts';
import type { LiveScenarioUpdate } from '../../build/scenarioCatalog.ts';
import type { Scenario } from '../../scenario/model.ts';
import type { Services } from '../services.ts';
import type { CheckedFile } from './checkFile.ts';

/** The HMR custom event (the same name as `LIVE_EVENT` in the plugin, which the game cannot import). */
const LIVE_EVENT = 'calm-desk:scenarios';

/** What live reload needs of the Conversation scene (kept structural: that scene loads lazily). */
interface LiveConversation {
  liveState(): { file: string; snapshot: unknown } | null;
}

/** Listen for scenario changes from the dev server (does nothing in a production build). */
export function watchLiveReload(game: Phaser.Game, s: Services): void {
  if (!import.meta.hot) return;
  import.meta.hot.on(LIVE_EVENT, (update: LiveScenarioUpdate) => {
    void applyLiveUpdate(game, s, update).catch((error: unknown) => console.warn('Calm Desk live reload failed', error));
  });
}

/** Take in one change: update the catalog, then the screen that is open. */
export async function applyLiveUpdate(game: Phaser.Game, s: Services, update: LiveScenarioUpdate): Promise<void> {
  const { checkScenarioText } = await import('./checkFile.ts');
  const rubricIds = Object.keys(rubrics);
  const entries: CatalogEntry[] = [...update.entries];
  const accepted: Record<string, string | null> = {};
  const broken: CheckedFile[] = [];
  const fresh = new Map<string, Scenario>();
  for (const [file, text] of Object.entries(update.changed)) {
    if (text === null) {
      accepted[file] = null;
      continue;
    }
    const checked = checkScenarioText(text, file, rubricIds);
    const previous = s.catalog.find((e) => e.file === file);
    if (checked.scenario) fresh.set(file, checked.scenario);
    if (checked.scenario || !previous?.playable) accepted[file] = text;
    if (!checked.scenario) {
      broken.push(checked);
      // The last good version stays in the list (and playable) until the file is fixed.
      const at = entries.findIndex((e) => e.file === file);
      if (previous?.playable && at >= 0) entries[at] = previous;
    }
  }
  s.updateCatalog(entries, accepted);

  const changed = new Set(Object.keys(update.changed));
  for (const scene of game.scene.getScenes(true)) {
    const key = scene.scene.key;
    const data = (scene.sys.settings.data ?? {}) as { file?: string };
    if (key === 'Title') restartThen(scene, {}, s, broken, () => s.overlay.announce(s.t('authoring.liveListUpdated')));
    else if (key === 'ScenarioSelect') {
      const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.file : undefined;
      restartThen(scene, { focusFile: focused }, s, broken, () => s.overlay.announce(s.t('authoring.liveListUpdated')));
    } else if (key === 'Briefing' && data.file && changed.has(data.file)) {
      const own = broken.filter((b) => b.name === data.file);
      if (own.length === 0) restartThen(scene, { file: data.file }, s, broken, () => s.overlay.announce(s.t('authoring.liveBriefingUpdated')));
      else void showCards(scene, s, own, true);
    } else if (key === 'Conversation') {
      updateConversation(scene, s, changed, broken, fresh);
    }
  }
}

function updateConversation(scene: Phaser.Scene, s: Services, changed: Set<string>, broken: readonly CheckedFile[], fresh: Map<string, Scenario>): void {
  const live = (scene as unknown as Partial<LiveConversation>).liveState?.();
  if (!live || !changed.has(live.file)) return;
  const name = live.file.replace(/^.*\//, '');
  const failed = broken.find((b) => b.name === live.file);
  if (failed) {
    s.overlay.notify(s.t('authoring.liveBroken', { name, count: failed.errorCount }), 'warning');
    return;
  }
  const scenario = fresh.get(live.file);
  if (!scenario) return;
  void import('./carryOver.ts').then(({ carryOver }) => {
    const next = carryOver(live.snapshot, scenario);
    if (next.kind === 'kept') {
      scene.scene.restart({ file: live.file, scenario, replay: { snapshot: next.snapshot, decision: next.decision } });
      s.overlay.notify(s.t('authoring.liveKept', { name }));
      return;
    }
    scene.scene.restart({ file: live.file, scenario });
    const node = next.nodeId ?? '';
    const message =
      next.reason === 'gone'
        ? s.t('authoring.liveRestartedGone', { name, node })
        : next.reason === 'history'
          ? s.t('authoring.liveRestartedHistory', { name, node })
          : s.t('authoring.liveRestartedEnded', { name });
    s.overlay.notify(message, 'info');
  });
}

/** Restart `scene` with `data` (its lists read the new catalog), then show the cards of broken files over it. */
function restartThen(scene: Phaser.Scene, data: object, s: Services, broken: readonly CheckedFile[], after: () => void): void {
  scene.events.once('create', () => {
    after();
    if (broken.length > 0) void showCards(scene, s, broken, false);
  });
  scene.scene.restart(data);
}

/** The diagnostics card of each broken file, one after the other, over the scene. */
async function showCards(scene: Phaser.Scene, s: Services, broken: readonly CheckedFile[], onBriefing: boolean): Promise<void> {
  const { showDiagnosticsCard } = await import('./diagnosticsCard.ts');
  const show = (index: number) => {
    const checked = broken[index];
    if (!checked) return;
    const screen = s.overlay.mount(scene, { label: checked.name, className: 'cd-live-card' });
    const lastGood = s.catalog.find((e) => e.file === checked.name && e.playable);
    const play = lastGood
      ? {
          label: s.t('authoring.playLastGood'),
          // On the briefing the last good version is what is open: closing the card is playing it.
          run: () => (onBriefing ? card.close() : scene.scene.start('Briefing', { file: checked.name })),
        }
      : undefined;
    const card = showDiagnosticsCard(screen, checked, {
      t: s.t,
      play,
      onClose: () => {
        screen.dispose();
        show(index + 1);
      },
    });
  };
  show(0);
}
