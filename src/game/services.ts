/**
 * What every scene needs, created once per game and kept in the game registry:
 * the overlay, the scenario catalog, the saved-data store, the current i18n, the audio port
 * and the lazy scenario loader. Scenes read them with `services(this)`; they hold no globals.
 *
 * The store (and its validator) loads just after the first screen: the Title uses boot
 * settings and waits for `ready()` before leaving, so every later scene can use `store`.
 *
 * ```ts
 * const { t, overlay, store } = services(this);
 * ```
 */
import type * as Phaser from 'phaser';
import bundledCatalog, { rubrics as bundledRubrics } from 'virtual:scenario-catalog';
import type { AudioPort } from '../audio/port.ts';
import { createSilentAudio } from '../audio/silentAudio.ts';
import { afterFirstGesture } from './firstGesture.ts';
import type { CatalogEntry } from '../build/catalogEntry.ts';
import { createI18n, type I18n, type Translate } from '../i18n/index.ts';
import type { Settings } from '../storage/settings.ts';
import type * as StorageApi from '../storage/index.ts';
import type { Notice, Store } from '../storage/index.ts';
import { bootSettings } from './bootSettings.ts';
import type { Overlay } from './ui/overlay.ts';
import { loadScenarioFile, type ScenarioLoad } from './scenarios.ts';
import { isYourFile } from './authoring/keys.ts';
import type { YourFiles } from './authoring/yourFiles.ts';

export interface Services {
  readonly overlay: Overlay;
  /** Light metadata of every bundled scenario (no YAML parser needed); in dev, live-updated on save. */
  readonly catalog: readonly CatalogEntry[];
  /** The catalog entry of a bundled file or of one of "Your files" (`your-files/<name>`). */
  entry(file: string): CatalogEntry | undefined;
  /** The files the trainer opened this session (loads the scenario checker on first use). */
  yourFiles(): Promise<YourFiles>;
  /**
   * Dev live reload: a new catalog after scenario files changed on disk, with the new text of each
   * changed file (`null`: removed). Later `loadScenario` calls read the new text.
   */
  updateCatalog(entries: readonly CatalogEntry[], changed: Readonly<Record<string, string | null>>): void;
  /** Call `listener` with the changed files after every `updateCatalog`; returns unsubscribe. */
  onCatalogChange(listener: (changed: readonly string[]) => void): () => void;
  /** Saved settings and results (localStorage, or memory when unavailable). Available after `ready()`. */
  readonly store: Store;
  /** Resolves when the store has loaded (at once after the first time). */
  ready(): Promise<void>;
  /** Sound; silent until a real adapter is attached with `setAudio`. */
  readonly audio: AudioPort;
  /** The current UI language's translator (follows the language setting). */
  readonly i18n: I18n;
  readonly t: Translate;
  settings(): Settings;
  /** Save new settings and apply them (language, text size, motion, sound). Returns whether they were saved. */
  updateSettings(patch: Partial<Settings>): boolean;
  /** Call `listener` after every settings change; returns unsubscribe. */
  onSettingsChange(listener: (settings: Settings) => void): () => void;
  /** Load a scenario's full content by catalog file (cached; the parser chunk loads on first use). */
  loadScenario(file: string): Promise<ScenarioLoad>;
  /** Replace the audio port (e.g. with the Howler adapter once it loaded). */
  setAudio(audio: AudioPort): void;
  /** A store notice as a sentence in the player's language. */
  noticeText(notice: Notice): string;
}

const REGISTRY_KEY = 'calm-desk/services';

/** The services of the scene's game. */
export function services(scene: Phaser.Scene): Services {
  const value = scene.registry.get(REGISTRY_KEY) as Services | undefined;
  if (!value) throw new Error('Calm Desk services are missing: create the game with StartGame().');
  return value;
}

type StorageModule = typeof StorageApi;

/** Create the services and store them in the game registry (done once by `StartGame`). */
export function installServices(
  game: Phaser.Game,
  overlay: Overlay,
  openStore: (storage: StorageModule) => Store = (m) => m.createStore(m.browserStorage(), { env: m.browserSettingsEnv() }),
): Services {
  const listeners = new Set<(s: Settings) => void>();
  const cache = new Map<string, Promise<ScenarioLoad>>();
  let catalog: readonly CatalogEntry[] = bundledCatalog;
  const catalogListeners = new Set<(changed: readonly string[]) => void>();
  /** Text of bundled files changed on disk since the page loaded (dev live reload). */
  const liveText = new Map<string, string>();
  let yourFiles: YourFiles | null = null;
  let yourFilesLoading: Promise<YourFiles> | null = null;
  let audio: AudioPort = createSilentAudio();
  let boot = bootSettings();
  let store: Store | null = null;
  let storage: StorageModule | null = null;
  let i18n = createI18n(boot.language);
  const current = () => (store ? store.settings() : boot);

  const apply = (settings: Settings) => {
    if (i18n.language !== settings.language) i18n = createI18n(settings.language);
    overlay.setTextScale(settings.textScale);
    overlay.setReducedMotion(settings.reducedMotion);
    overlay.setLanguage(settings.language, {
      on: i18n.t('common.fullscreenOn'),
      off: i18n.t('common.fullscreenOff'),
      close: i18n.t('common.close'),
    });
    audio.setMuted(settings.muted);
    audio.setVolumes(settings.volume);
  };
  const changed = () => {
    apply(current());
    for (const listener of listeners) listener(current());
  };

  let loading: Promise<void> | null = null;
  const ready = (): Promise<void> => {
    loading ??= import('../storage/index.ts')
      .then((m) => {
        storage = m;
        store = openStore(m);
        // Sound starts with the player's first key press, click or touch, not at start-up: browsers
        // keep audio off until then anyway, and creating the audio context costs a long task
        // (200–300 ms where there is no sound device) right when the title screen is appearing.
        // Until it loads (or if it cannot) the game is silent.
        afterFirstGesture(() => {
          void import('../audio/index.ts').then((a) => a.loadAudio()).then((port) => value.setAudio(port), () => undefined);
        });
        for (const n of store.notices()) overlay.notify(m.noticeMessage(n, current().language), n.level);
        store.onNotice((n) => overlay.notify(m.noticeMessage(n, current().language), n.level));
        changed();
      })
      .catch((error: unknown) => {
        loading = null;
        throw error;
      });
    return loading;
  };

  const value: Services = {
    overlay,
    get catalog() {
      return catalog;
    },
    entry(file) {
      if (isYourFile(file)) return yourFiles?.entry(file);
      return catalog.find((e) => e.file === file);
    },
    yourFiles() {
      yourFilesLoading ??= Promise.all([import('./authoring/yourFiles.ts'), import('../storage/yourFiles.ts')]).then(([a, st]) => {
        yourFiles = new a.YourFiles(st.createYourFilesStore(st.browserSessionStorage()), () => Object.keys(bundledRubrics));
        return yourFiles;
      });
      return yourFilesLoading;
    },
    updateCatalog(entries, changed) {
      catalog = entries;
      for (const [file, text] of Object.entries(changed)) {
        cache.delete(file);
        if (text === null) liveText.delete(file);
        else liveText.set(file, text);
      }
      for (const listener of catalogListeners) listener(Object.keys(changed));
    },
    onCatalogChange(listener) {
      catalogListeners.add(listener);
      return () => catalogListeners.delete(listener);
    },
    get store(): Store {
      if (!store) throw new Error('The store is still loading: await services(scene).ready() first.');
      return store;
    },
    ready,
    get audio() {
      return audio;
    },
    get i18n() {
      return i18n;
    },
    get t() {
      return i18n.t;
    },
    settings: current,
    updateSettings(patch) {
      let saved = false;
      if (store) saved = store.saveSettings({ ...store.settings(), ...patch }).ok;
      else boot = { ...boot, ...patch };
      changed();
      return saved;
    },
    onSettingsChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    loadScenario(file) {
      if (isYourFile(file)) return value.yourFiles().then((files) => playableVersion(files, file));
      let pending = cache.get(file);
      if (!pending) {
        pending = loadScenarioFile(file, liveText.get(file));
        cache.set(file, pending);
      }
      return pending;
    },
    setAudio(next) {
      audio.dispose();
      audio = next;
      apply(current());
    },
    noticeText(notice) {
      return storage ? storage.noticeMessage(notice, current().language) : notice.code;
    },
  };
  apply(boot);
  playUiSounds(overlay, () => audio);
  // Dev only (`npm start`): saved scenario files update the open game without a page reload.
  if (import.meta.hot) void import('./authoring/liveReload.ts').then((m) => m.watchLiveReload(game, value));
  game.registry.set(REGISTRY_KEY, value);
  return value;
}

/** What Play plays for one of your files: its last good version, else its current check (with the errors). */
function playableVersion(files: YourFiles, key: string): ScenarioLoad {
  const file = files.get(key);
  if (!file) {
    const at = { line: 1, column: 1 };
    const message = `${key.replace(/^your-files\//, '')} is no longer in your files.`;
    return { scenario: null, diagnostics: [{ code: 'CD008', severity: 'error', message, file: key, range: { start: at, end: at } }] };
  }
  const version = file.lastGood ?? file.current;
  return { scenario: version.scenario, diagnostics: version.diagnostics };
}

/**
 * Interface sounds for screens mounted with `uiSounds: true`: "select" on a control's click,
 * "back" on Escape, "move" when the keyboard moves focus. (The conversation plays its own.)
 */
function playUiSounds(overlay: Overlay, audio: () => AudioPort): void {
  const inSoundScreen = (node: EventTarget | null) =>
    node instanceof Element && node.closest('section.cd-screen[data-ui-sounds="true"]') !== null;
  let keyMoved = 0;
  overlay.element.addEventListener('click', (e) => {
    if (inSoundScreen(e.target) && e.target instanceof Element && e.target.closest('button, input')) audio().ui('select');
  });
  document.addEventListener('keydown', (e) => {
    if (['Tab', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(e.key)) keyMoved = performance.now();
    if (e.key === 'Escape' && inSoundScreen(document.activeElement)) audio().ui('back');
  });
  overlay.element.addEventListener('focusin', (e) => {
    if (performance.now() - keyMoved < 200 && inSoundScreen(e.target)) audio().ui('move');
  });
}
