/**
 * The `AudioPort` on Howler: the only place that touches Howler. Sound never stops the game:
 * blocked autoplay makes the state `locked` until the first click or key press, a missing or
 * undecodable file is skipped with one console warning, and no audio at all means `unavailable`.
 */
import { Howl, Howler } from 'howler';
import type { SettingId } from '../scenario/vocabulary.ts';
import {
  AMBIENCE,
  UI,
  emotionSound,
  formatsOf,
  scenarioSounds,
  soundUrls,
  voiceFileUrls,
  type Channel,
  type SoundSpec,
} from './manifest.ts';
import type { AudioPort, AudioState, EmotionSound, UiSound, Volumes } from './port.ts';

/** How long an ambience loop takes to fade in or out. */
export const AMBIENCE_FADE_MS = 1200;
/** `loadForScenario` resolves after this even if a file never answers. */
export const LOAD_TIMEOUT_MS = 10_000;
const GESTURES = ['pointerdown', 'keydown', 'touchend'] as const;
/**
 * After a key press or click, the browser gets this long to start audio; if it still refuses, the
 * "sound starts after your first key press" notice would be a lie, so the state becomes
 * `unavailable` (no sound). A later gesture that does start audio makes it `ok` again.
 */
export const UNLOCK_GRACE_MS = 1000;

interface Entry {
  howl: Howl;
  channel: Channel;
  gain: number;
  status: 'loading' | 'loaded' | 'failed';
  /** Resolves once the sound loaded or failed. */
  settled: Promise<void>;
}

export interface HowlerAudioOptions {
  /** Where to listen for the first gesture (default: `document`). */
  target?: EventTarget;
  /** Console-like logger for skipped sounds (default: `console`). */
  logger?: Pick<Console, 'warn'>;
}

/** Creates the Howler-backed port. Loads the UI sounds at once (they are tiny); the rest per scenario. */
export function createHowlerAudio(options: HowlerAudioOptions = {}): AudioPort {
  const target = options.target ?? (typeof document === 'undefined' ? undefined : document);
  const logger = options.logger ?? console;
  const available = typeof Howl === 'function' && !!Howler && !Howler.noAudio;
  const entries = new Map<string, Entry>();
  const warned = new Set<string>();
  const listeners = new Set<(s: AudioState) => void>();
  let volumes: Volumes = { voice: 1, ambience: 1, ui: 1 };
  let muted = false;
  let unlocked = false;
  let disposed = false;
  let lastState: AudioState = 'unavailable';
  let wantedAmbience: SettingId | null = null;
  let playingAmbience: { key: string; id: number } | null = null;
  let voiceNow: { key: string; id: number } | null = null;
  let setting: SettingId | null = null;

  /** A gesture came and went and the browser still did not start audio. */
  let refused = false;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;

  /** Every sound tried so far failed (missing or undecodable files): nothing can play. */
  const noPlayableFiles = (): boolean => {
    let failed = false;
    for (const e of entries.values()) {
      if (e.status !== 'failed') return false;
      failed = true;
    }
    return failed;
  };
  const state = (): AudioState => {
    if (!available) return 'unavailable';
    if (muted) return 'muted';
    if (noPlayableFiles()) return 'unavailable';
    if (unlocked) return 'ok';
    return refused ? 'unavailable' : 'locked';
  };
  const announce = () => {
    const s = state();
    if (s === lastState || disposed) return;
    lastState = s;
    for (const l of [...listeners]) l(s);
  };

  const warnOnce = (key: string, why: unknown) => {
    if (warned.has(key)) return;
    warned.add(key);
    logger.warn(`Calm Desk: sound "${key}" is skipped (${describe(why)}); the game plays on with captions.`);
  };

  const volumeOf = (e: Pick<Entry, 'channel' | 'gain'>) => clamp01(volumes[e.channel] * e.gain);

  /** Starts loading a sound once; later calls return the same entry. */
  const load = (key: string, urls: string[], channel: Channel, gain: number, loop: boolean): Entry | undefined => {
    const known = entries.get(key);
    if (known || !available || disposed) return known;
    if (urls.length === 0) {
      warnOnce(key, 'no such file is bundled');
      return undefined;
    }
    let settle = () => {};
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const entry = { channel, gain, status: 'loading', settled } as Entry;
    entry.howl = new Howl({
      src: urls,
      format: formatsOf(urls),
      loop,
      preload: true,
      volume: volumeOf(entry),
      onload: () => {
        entry.status = 'loaded';
        settle();
        announce();
        if (channel === 'ambience') syncAmbience();
      },
      onloaderror: (_id, error) => {
        entry.status = 'failed';
        warnOnce(key, error);
        settle();
        announce();
      },
      onplayerror: (_id, error) => {
        markLocked();
        warnOnce(`${key} (play)`, error);
        entry.howl.once('unlock', () => markUnlocked());
      },
      onunlock: () => markUnlocked(),
    });
    entries.set(key, entry);
    return entry;
  };
  const loadSpec = (s: SoundSpec) => load(s.name, soundUrls(s.name), s.channel, s.gain, s.loop);
  const voiceKey = (file: string) => `voice:${file}`;

  const playable = (key: string): Entry | undefined => {
    const e = entries.get(key);
    return e && e.status === 'loaded' && unlocked && !muted && !disposed ? e : undefined;
  };

  /** Fades the wanted ambience in (and any other out) once it is loaded and audio runs. */
  function syncAmbience(): void {
    const want = wantedAmbience ? AMBIENCE[wantedAmbience].name : null;
    if (playingAmbience && playingAmbience.key !== want) {
      const { key, id } = playingAmbience;
      const e = entries.get(key);
      if (e) fadeOutAndStop(e.howl, id);
      playingAmbience = null;
    }
    if (!want || playingAmbience) return;
    const e = playable(want);
    if (!e) return;
    const id = e.howl.play();
    e.howl.fade(0, volumeOf(e), AMBIENCE_FADE_MS, id);
    playingAmbience = { key: want, id };
  }

  function markUnlocked(): void {
    if (unlocked || disposed) return;
    unlocked = true;
    refused = false;
    clearTimeout(graceTimer);
    graceTimer = undefined;
    removeGestureListeners();
    announce();
    syncAmbience();
  }

  function markLocked(): void {
    if (!unlocked) return;
    unlocked = false;
    addGestureListeners();
    announce();
  }

  const onGesture = () => tryUnlock();
  function addGestureListeners(): void {
    for (const g of GESTURES) target?.addEventListener(g, onGesture, { capture: true });
  }
  function removeGestureListeners(): void {
    for (const g of GESTURES) target?.removeEventListener(g, onGesture, { capture: true });
  }

  function tryUnlock(): void {
    if (!available || disposed) return;
    const ctx = Howler.ctx;
    if (!ctx) return markUnlocked();
    if (ctx.state === 'running') return markUnlocked();
    const giveUp = () => {
      if (unlocked || disposed || refused) return;
      refused = true;
      announce();
    };
    if (graceTimer === undefined) graceTimer = setTimeout(giveUp, UNLOCK_GRACE_MS);
    ctx.resume().then(
      () => {
        if (ctx.state === 'running') markUnlocked();
        else giveUp();
      },
      (error: unknown) => {
        warnOnce('audio context', error);
        giveUp();
      },
    );
  }

  if (available) {
    Object.values(UI).forEach(loadSpec);
    const ctx = Howler.ctx;
    unlocked = !Howler.usingWebAudio || ctx?.state === 'running';
    if (!unlocked) addGestureListeners();
    ctx?.addEventListener?.('statechange', onContextState);
  }
  lastState = state();

  function onContextState(): void {
    if (Howler.ctx?.state === 'running') markUnlocked();
  }

  function stopVoice(): void {
    if (!voiceNow) return;
    entries.get(voiceNow.key)?.howl.stop(voiceNow.id);
    voiceNow = null;
  }

  return {
    unlock: tryUnlock,
    setVolumes(next) {
      volumes = { voice: clamp01(next.voice), ambience: clamp01(next.ambience), ui: clamp01(next.ui) };
      for (const e of entries.values()) e.howl.volume(volumeOf(e));
    },
    setMuted(next) {
      if (next === muted || disposed) return;
      muted = next;
      if (available) Howler.mute(muted);
      if (muted) stopVoice();
      announce();
      syncAmbience();
    },
    async loadForScenario(nextSetting, voiceFiles) {
      setting = nextSetting;
      if (!available || disposed) return;
      const wanted = new Set(voiceFiles.map(voiceKey));
      for (const [key, e] of entries) {
        if (key.startsWith('voice:') && !wanted.has(key)) {
          if (voiceNow?.key === key) stopVoice();
          e.howl.unload();
          entries.delete(key);
        }
      }
      const loading = [
        ...scenarioSounds(nextSetting).map(loadSpec),
        ...voiceFiles.map((f) => load(voiceKey(f), voiceFileUrls(f), 'voice', 1, false)),
      ];
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, LOAD_TIMEOUT_MS)));
      await Promise.race([Promise.all(loading.map((e) => e?.settled)), timeout]);
      clearTimeout(timer);
    },
    ambience(next) {
      wantedAmbience = next;
      if (next) loadSpec(AMBIENCE[next]);
      syncAmbience();
    },
    ui(name: UiSound) {
      playable(UI[name].name)?.howl.play();
    },
    emotion(name: EmotionSound) {
      playable(emotionSound(setting, name).name)?.howl.play();
    },
    voice(file) {
      const key = voiceKey(file);
      const e = playable(key);
      if (!e) {
        if (!entries.has(key)) warnOnce(key, 'not loaded for this scenario');
        return null;
      }
      stopVoice();
      voiceNow = { key, id: e.howl.play() };
      return { durationMs: Math.round(e.howl.duration() * 1000) };
    },
    voiceDurationMs(file) {
      const e = entries.get(voiceKey(file));
      return e?.status === 'loaded' ? Math.round(e.howl.duration() * 1000) : undefined;
    },
    stopVoice,
    state,
    onStateChange(listener) {
      if (disposed) return () => {};
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      if (disposed) return;
      clearTimeout(graceTimer);
      removeGestureListeners();
      if (available) {
        Howler.ctx?.removeEventListener?.('statechange', onContextState);
        // Howler's mute is global: do not leave the next port muted.
        if (muted) Howler.mute(false);
      }
      for (const e of entries.values()) e.howl.unload();
      entries.clear();
      listeners.clear();
      playingAmbience = voiceNow = null;
      disposed = true;
    },
  };
}

function fadeOutAndStop(howl: Howl, id: number): void {
  howl.once('fade', () => howl.stop(id), id);
  howl.fade(howl.volume(id) as number, 0, AMBIENCE_FADE_MS, id);
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}

function describe(why: unknown): string {
  if (why instanceof Error) return why.message;
  if (typeof why === 'number') return `media error ${why}`;
  return String(why ?? 'unknown error');
}
