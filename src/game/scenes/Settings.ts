import * as Phaser from 'phaser';
import { createI18n } from '../../i18n/index.ts';
import { presentSettings, textScaleFrom, type SettingsView } from '../../presenter/settings.ts';
import { capitalize } from '../../presenter/select.ts';
import type { Language } from '../../scenario/vocabulary.ts';
import { services, type Services } from '../services.ts';
import { backdropKey } from '../textures.ts';
import { el } from '../ui/dom.ts';
import { bindKeys } from '../ui/keys.ts';
import type { Screen } from '../ui/screen.ts';
import { button, checkbox, segmented, slider } from '../ui/widgets.ts';
import { addBackdrop } from './common.ts';
import { downloadJson, exportFileName, pickFile } from '../../storage/files.ts';
import { importResultsFile } from '../../storage/importResults.ts';
import { downloadResultsCsv } from '../records/downloads.ts';
import { recordsSection } from '../records/recordsSettings.ts';

export interface SettingsData {
  /** Scene to return to (default Title). */
  from?: string;
  /** Data to give that scene back. */
  fromData?: object;
  /** Control to focus after a language change redrew the screen. */
  focus?: 'language';
}

/** Language, text size, reading speed, volumes, mute, motion, speech voice, facilitator mode. Saved as they change. */
export class Settings extends Phaser.Scene {
  constructor() {
    super('Settings');
  }

  create(data: SettingsData = {}): void {
    const s = services(this);
    const view = presentSettings(s.settings(), s.t, nativeLanguageName);
    const screen = s.overlay.mount(this, { label: view.heading, className: 'cd-settings', uiSounds: true });
    addBackdrop(this, backdropKey('office'));
    this.add.rectangle(960, 540, 1920, 1080, 0xdde7ea, 0.55);

    const status = el('p', { className: 'cd-hint cd-settings-status', attrs: { role: 'status' } });
    const save = (patch: Parameters<Services['updateSettings']>[0]) => {
      const ok = s.updateSettings(patch);
      status.textContent = ok ? s.t('settings.saved') : s.t('settings.notSaved');
    };
    const goBack = () => this.scene.start(data.from ?? 'Title', data.fromData ?? { focus: 'settings' });
    const back = button(screen, view.backLabel, goBack, { variant: 'primary', shortcut: 'Escape', testId: 'back' });

    const language = segmented(screen, view.language.legend, view.language.choices, view.language.selected, (value: Language) => {
      save({ language: value });
      // Every label changes language: redraw the screen and return focus to this control.
      this.scene.restart({ ...data, focus: 'language' });
    }, view.language.hint);
    language.dataset.field = 'language';

    const display = el(
      'section',
      { className: 'cd-settings-group', attrs: { 'aria-label': view.displayHeading } },
      el('h2', {}, view.displayHeading),
      language,
      segmented(screen, view.textSize.legend, view.textSize.choices, view.textSize.selected, (v) => save({ textScale: textScaleFrom(v) })),
      segmented(screen, view.readingSpeed.legend, view.readingSpeed.choices, view.readingSpeed.selected, (v) => save({ readingSpeed: v })),
      checkbox(screen, view.reducedMotion.label, view.reducedMotion.checked, (checked) => save({ reducedMotion: checked })),
      el('h2', { className: 'cd-settings-sub' }, view.trainingHeading),
      checkbox(screen, view.facilitator.label, view.facilitator.checked, (checked) => save({ facilitatorMode: checked }), view.facilitator.hint),
    );
    const sound = el(
      'section',
      { className: 'cd-settings-group', attrs: { 'aria-label': view.soundHeading } },
      el('h2', {}, view.soundHeading),
      ...volumeSliders(screen, view, s, save),
      ...view.sound.map((toggle) => checkbox(screen, toggle.label, toggle.checked, (checked) => save({ [toggle.key]: checked }))),
      ...resultsControls(screen, s, status),
    );
    screen.append(
      el(
        'div',
        { className: 'cd-panel cd-settings-panel' },
        el('div', { className: 'cd-select-head' }, el('h1', {}, view.heading), status, back),
        el('div', { className: 'cd-settings-columns cd-scroll-shadow' }, display, sound, recordsSection(screen, s, status)),
      ),
    );
    bindKeys(screen, { back: goBack });
    const focus = data.focus === 'language' ? language.querySelector<HTMLInputElement>('input:checked') : back;
    screen.focus(focus ?? back);
  }
}

/** Export and import of the results saved in this browser (JSON files), with what happened in `status`. */
function resultsControls(screen: Screen, s: Services, status: HTMLElement): HTMLElement[] {
  const count = el('p', { className: 'cd-hint' }, s.t('settings.resultsCount', { count: s.store.results().length }));
  const exportResults = () => {
    const file = exportFileName();
    downloadJson(file, s.store.exportResults());
    status.textContent = s.t('settings.exported', { file });
  };
  let importing = false;
  const importResults = async () => {
    if (importing) return;
    const file = await pickFile();
    if (file === null) return;
    // Checked by size before reading, then read in slices: a huge or hostile file cannot freeze the page.
    importing = true;
    importButton.setAttribute('aria-disabled', 'true');
    status.textContent = s.t('settings.importChecking', { percent: 0 });
    const report = await importResultsFile(file, s.store, {
      onProgress: ({ done, total }) => {
        status.textContent = s.t('settings.importChecking', { percent: Math.floor((100 * done) / Math.max(1, total)) });
      },
    }).finally(() => {
      importing = false;
      importButton.removeAttribute('aria-disabled');
    });
    if (!report.ok) {
      status.textContent = s.t('settings.importFailed', { error: report.error });
      return;
    }
    const lines = [s.t('settings.imported', { added: report.added, duplicates: report.duplicates })];
    if (report.problems.length > 0) lines.push(s.t('settings.importProblems', { count: report.problems.length }));
    if (!report.saved.ok) lines.push(s.t('settings.importNotSaved'));
    status.textContent = lines.join(' ');
    count.textContent = s.t('settings.resultsCount', { count: s.store.results().length });
  };
  const importButton = button(screen, s.t('settings.importResults'), () => void importResults(), { testId: 'import-results' });
  return [
    el('h2', { className: 'cd-settings-sub' }, s.t('settings.results')),
    count,
    el(
      'div',
      { className: 'cd-settings-actions' },
      button(screen, s.t('settings.exportResults'), exportResults, { testId: 'export-results' }),
      button(screen, s.t('records.exportCsv'), () => {
        status.textContent = s.t('records.exportedCsv', { file: downloadResultsCsv(s.store.results()) });
      }, { testId: 'export-csv' }),
      importButton,
    ),
    el('p', { className: 'cd-hint' }, s.t('settings.resultsHint')),
  ];
}

function volumeSliders(screen: Screen, view: SettingsView, s: Services, save: (patch: Parameters<Services['updateSettings']>[0]) => void): HTMLElement[] {
  return view.volumes.map((v) =>
    slider(screen, v.label, v.value, (value) => save({ volume: { ...s.settings().volume, [v.channel]: value / 100 } }), (value) =>
      s.t('settings.percent', { value }),
    ),
  );
}

/** A language's name in that language ("Suomi", "English"), so anyone can find theirs. */
function nativeLanguageName(language: Language): string {
  return capitalize(createI18n(language).t(`common.language_${language}`));
}
