/**
 * What every scene needs, created once per game and kept in the game registry:
 * the overlay, the scenario catalog, the saved-data store, the current i18n, the audio port
 * and the lazy scenario loader. Scenes read them with `services(this)`; they hold no globals.
 *
 * ```ts
 * const { t, overlay, store } = services(this);
 * ```
 */
import type * as Phaser from 'phaser';
import catalog from 'virtual:scenario-catalog';
import type { AudioPort } from '../audio/port.ts';
import { createSilentAudio } from '../audio/silentAudio.ts';
import type { CatalogEntry } from '../build/catalogEntry.ts';
import { createI18n, type I18n, type Translate } from '../i18n/index.ts';
import { browserSettingsEnv, browserStorage, createStore, type Settings, type Store } from '../storage/index.ts';
import type { Overlay } from './ui/overlay.ts';
import { loadScenarioFile, type ScenarioLoad } from './scenarios.ts';

export interface Services {
  readonly overlay: Overlay;
  /** Light metadata of every bundled scenario (no YAML parser needed). */
  readonly catalog: readonly CatalogEntry[];
  /** Saved settings and results (localStorage, or memory when unavailable). */
  readonly store: Store;
  /** Sound; silent until the Howler adapter is attached with `setAudio`. */
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
}

const REGISTRY_KEY = 'calm-desk/services';

/** The services of the scene's game. */
export function services(scene: Phaser.Scene): Services {
  const value = scene.registry.get(REGISTRY_KEY) as Services | undefined;
  if (!value) throw new Error('Calm Desk services are missing: create the game with StartGame().');
  return value;
}

/** Create the services and store them in the game registry (done once by `StartGame`). */
export function installServices(game: Phaser.Game, overlay: Overlay, store: Store = defaultStore()): Services {
  const listeners = new Set<(s: Settings) => void>();
  const cache = new Map<string, Promise<ScenarioLoad>>();
  let audio: AudioPort = createSilentAudio();
  let i18n = createI18n(store.settings().language);

  const apply = (settings: Settings) => {
    if (i18n.language !== settings.language) i18n = createI18n(settings.language);
    overlay.setTextScale(settings.textScale);
    overlay.setReducedMotion(settings.reducedMotion);
    overlay.setLanguage(settings.language, { on: i18n.t('common.fullscreenOn'), off: i18n.t('common.fullscreenOff') });
    audio.setMuted(settings.muted);
    audio.setVolumes(settings.volume);
  };

  const value: Services = {
    overlay,
    catalog,
    store,
    get audio() {
      return audio;
    },
    get i18n() {
      return i18n;
    },
    get t() {
      return i18n.t;
    },
    settings: () => store.settings(),
    updateSettings(patch) {
      const next = { ...store.settings(), ...patch };
      const result = store.saveSettings(next);
      apply(store.settings());
      for (const listener of listeners) listener(store.settings());
      return result.ok;
    },
    onSettingsChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    loadScenario(file) {
      let pending = cache.get(file);
      if (!pending) {
        pending = loadScenarioFile(file);
        cache.set(file, pending);
      }
      return pending;
    },
    setAudio(next) {
      audio.dispose();
      audio = next;
      apply(store.settings());
    },
  };
  apply(store.settings());
  game.registry.set(REGISTRY_KEY, value);
  return value;
}

function defaultStore(): Store {
  return createStore(browserStorage(), { env: browserSettingsEnv() });
}
