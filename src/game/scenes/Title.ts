import * as Phaser from 'phaser';
import { presentTitle } from '../../presenter/title.ts';
import { services } from '../services.ts';
import { backdropKey } from '../textures.ts';
import { TITLE_CROWD_KEY } from './Preloader.ts';
import { el } from '../ui/dom.ts';
import { arrowNavigation, bindKeys } from '../ui/keys.ts';
import { button } from '../ui/widgets.ts';
import { addBackdrop } from './common.ts';
import { parseRoomUrl } from '../../classroom/url.ts';
import { openRoom } from '../room/launch.ts';
import { dropZone, fileOpener, openScenarioParam } from '../authoring/openFile.ts';

const READY_FLAG = 'calm-desk/app-ready-marked';

/** Product name, tagline, Play and Settings, and the list of bundled scenarios. */
export class Title extends Phaser.Scene {
  constructor() {
    super('Title');
  }

  create(data: { focus?: 'settings' } = {}): void {
    const s = services(this);
    const { overlay, t, catalog } = s;
    const view = presentTitle(catalog, t, s.settings().language);
    addBackdrop(this, backdropKey('office'));
    this.drawCustomers();
    const screen = overlay.mount(this, { label: view.appName, className: 'cd-title', uiSounds: true });

    // Later screens use the saved results: wait for the store (loaded right after this screen).
    const go = (key: string, data?: object) =>
      void s.ready().then(
        () => {
          if (!screen.disposed) this.scene.start(key, data);
        },
        () => overlay.announce(t('title.storeFailed'), { assertive: true }),
      );
    const play = button(screen, view.playLabel, () => go('ScenarioSelect'), {
      variant: 'primary',
      testId: 'play',
      disabled: !view.canPlay,
    });
    const settings = button(screen, view.settingsLabel, () => go('Settings', { from: 'Title' }), {
      testId: 'settings',
    });
    const room = button(screen, t('room.runSession'), () => void s.ready().then(() => openRoom(this, { mode: 'room', session: null })), {
      testId: 'run-session',
      disabled: !view.canPlay,
    });
    const actions = el('div', { className: 'cd-row cd-title-actions' }, play, settings, room);
    const intro = el(
      'div',
      { className: 'cd-panel cd-title-intro' },
      el('h1', {}, view.appName),
      el('p', { className: 'cd-title-tagline' }, view.tagline),
      actions,
      el('p', { className: 'cd-hint cd-title-keys' }, view.keysHint),
    );
    // Trainers try their own file here: picked, dropped on the window, or from ?scenario=.
    const opener = fileOpener(screen, s, (file) => go('Briefing', { file }));
    intro.append(opener.element);

    const items = view.scenarios.map((s) =>
      el(
        'li',
        { className: 'cd-title-scenario', data: { file: s.file, playable: String(s.playable) } },
        el('span', { className: 'cd-title-scenario-name' }, s.title),
        el('span', { className: 'cd-muted cd-title-scenario-meta' }, s.meta),
        s.problem ? el('span', { className: 'cd-badge', data: { tone: 'error' } }, s.problem) : null,
        ...s.details.map((d) => el('code', { className: 'cd-diagnostic' }, d)),
      ),
    );
    const list = el(
      'section',
      { className: 'cd-panel cd-title-list', attrs: { 'aria-labelledby': 'cd-title-list-heading' } },
      el('h2', { id: 'cd-title-list-heading' }, view.scenariosHeading),
      el('p', { className: 'cd-muted' }, view.countText),
      // Focusable so keyboard users can scroll a long list (it holds no controls of its own).
      items.length > 0
        ? el('ul', { className: 'cd-plain-list cd-scroll cd-scroll-shadow', attrs: { tabindex: '0', 'aria-labelledby': 'cd-title-list-heading' } }, ...items)
        : null,
    );
    screen.append(intro, list, dropZone(screen, s, opener));
    arrowNavigation(screen, actions);
    bindKeys(screen, {});
    screen.focus(view.canPlay && data.focus !== 'settings' ? play : settings);
    // The store and sound load right after the first screen is ready, not before it.
    this.markReady(() => void s.ready().catch(() => undefined));
    // `?mode=room` (and a room window's reload) opens classroom mode directly.
    const route = parseRoomUrl(window.location.search);
    if (route && view.canPlay) void s.ready().then(() => (screen.disposed ? undefined : openRoom(this, route)), () => undefined);
    void openScenarioParam(this.registry, opener, s);
  }

  /** A row of content customers along the bottom left: what the game is about, at a glance. */
  private drawCustomers(): void {
    if (this.textures.exists(TITLE_CROWD_KEY)) this.add.image(40, 1094, TITLE_CROWD_KEY).setOrigin(0, 1);
  }

  /**
   * `app-ready` is marked once, the first time the title accepts input: its buttons are in the
   * page with their handlers and focus (marked in `create()`, as the benchmark's baseline does).
   */
  private markReady(then: () => void): void {
    if (this.registry.get(READY_FLAG) === true) return then();
    this.registry.set(READY_FLAG, true);
    performance.mark('app-ready');
    // The static first paint from index.html (title and loading dots) has done its job.
    document.getElementById('cd-splash')?.remove();
    then();
  }
}
