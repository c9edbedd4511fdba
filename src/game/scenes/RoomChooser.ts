import * as Phaser from 'phaser';
import { newSession, newSessionId } from '../../classroom/session.ts';
import { parseRoomUrl } from '../../classroom/url.ts';
import '../room/room.css';
import { openRoom, setAddress } from '../room/launch.ts';
import { applyRoomTheme } from '../room/roomTheme.ts';
import { latestSession, saveSession } from '../room/sessionStore.ts';
import { services } from '../services.ts';
import { el } from '../ui/dom.ts';
import { arrowNavigation, bindKeys } from '../ui/keys.ts';
import { button } from '../ui/widgets.ts';
import { PALETTE } from '../theme.ts';

/**
 * Classroom mode's first screen: the scenarios in the suggested course order (in the UI language
 * when there are any), and "continue" for a session this browser has not finished.
 */
export class RoomChooser extends Phaser.Scene {
  constructor() {
    super('RoomChooser');
  }

  create(): void {
    const s = services(this);
    const { t, overlay } = s;
    this.add.rectangle(960, 540, 1920, 1080, PALETTE.skyDeep);
    const screen = overlay.mount(this, { label: t('room.chooserHeading'), className: 'cd-room' });
    applyRoomTheme(screen.root);
    const language = s.settings().language;
    const playable = s.catalog.filter((e) => e.playable);
    const inLanguage = playable.filter((e) => e.language === language);
    const entries = (inLanguage.length > 0 ? inLanguage : playable)
      .slice()
      .sort((a, b) => (a.order ?? 999) - (b.order ?? 999) || a.title.localeCompare(b.title));
    const start = (file: string, scenarioId: string, title: string) => {
      const session = newSession({ id: newSessionId(), file, scenarioId, title, now: Date.now() });
      if (!saveSession(session)) overlay.notify(t('room.sessionDamaged', { reason: 'localStorage' }), 'warning');
      void openRoom(this, { mode: 'room', session: session.id });
    };
    const latest = latestSession();
    const resumable = latest && entries.some((e) => e.file === latest.file) ? latest : null;
    const resume = resumable
      ? button(screen, t('room.chooserResume', { title: resumable.title }), () => void openRoom(this, { mode: 'room', session: resumable.id }), { variant: 'primary', testId: 'room-resume' })
      : null;
    const list = el(
      'ul',
      { attrs: { 'aria-label': t('room.chooserHeading'), tabindex: '-1' } },
      ...entries.map((entry, i) =>
        el(
          'li',
          {},
          button(screen, '', () => start(entry.file, entry.id, entry.title), { variant: i === 0 && !resume ? 'primary' : 'secondary', testId: `room-start-${entry.id}` }),
        ),
      ),
    );
    list.querySelectorAll('button').forEach((b, i) => {
      const entry = entries[i]!;
      b.append(el('span', {}, `${entry.order ?? i + 1}. ${entry.title}`), el('span', { className: 'cd-room-meta' }, t('room.chooserMeta', { minutes: entry.minutes ?? '?', difficulty: entry.difficulty ?? '?' })));
    });
    const back = button(screen, t('room.chooserBack'), () => this.leave(), { variant: 'quiet', testId: 'room-back' });
    const panel = el(
      'div',
      { className: 'cd-room-panel cd-room-chooser' },
      el('h1', {}, t('room.chooserHeading')),
      el('p', {}, t('room.chooserIntro')),
      resume ? el('p', {}, t('room.chooserResumeHint')) : null,
      resume,
      entries.length === 0 ? el('p', {}, t('room.chooserNone')) : list,
      el('div', { className: 'cd-row' }, back, el('span', { className: 'cd-room-meta' }, t('room.chooserKeys'))),
    );
    screen.append(panel);
    arrowNavigation(screen, panel);
    bindKeys(screen, { back: () => this.leave() });
    screen.focus(resume ?? list.querySelector('button') ?? back);
    if (parseRoomUrl(window.location.search)?.mode !== 'room') setAddress({ mode: 'room', session: null });
  }

  private leave(): void {
    setAddress(null);
    this.scene.start('Title');
  }
}
