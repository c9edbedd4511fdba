import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Manifest from '../../src/audio/manifest.ts';
import { FakeHowl, fakeHowler, finishAll, howl, resetFakeHowler } from './fakeHowler.ts';

vi.mock('howler', async () => {
  const fake = await import('./fakeHowler.ts');
  return { Howl: fake.FakeHowl, Howler: fake.fakeHowler };
});

// No recorded voices ship yet: pretend files under `bundled/` are bundled.
vi.mock('../../src/audio/manifest.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof Manifest>()),
  voiceFileUrls: (file: string) => (file.startsWith('bundled/') ? [`/assets/voices/${file}`] : []),
}));

const { createHowlerAudio, AMBIENCE_FADE_MS, UNLOCK_GRACE_MS } = await import('../../src/audio/howlerAudio.ts');

let target: EventTarget;
let warn: ReturnType<typeof vi.fn<(message: string) => void>>;
const make = () => createHowlerAudio({ target, logger: { warn } });
const gesture = (type = 'pointerdown') => target.dispatchEvent(new Event(type));
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  resetFakeHowler();
  target = new EventTarget();
  warn = vi.fn<(message: string) => void>();
});
afterEach(() => vi.useRealTimers());

describe('autoplay blocked', () => {
  it('starts locked, plays nothing, and times voice lines from text (voice returns null)', async () => {
    const audio = make();
    expect(audio.state()).toBe('locked');
    const loading = audio.loadForScenario('shop', []);
    finishAll();
    await loading;
    audio.ui('select');
    audio.emotion('sigh');
    audio.ambience('shop');
    expect(FakeHowl.all.flatMap((h) => h.plays)).toEqual([]);
    expect(audio.voice('x.ogg')).toBeNull();
  });

  it('unlocks on the first key press or click, starts the wanted ambience, and stops listening', async () => {
    const audio = make();
    const states: string[] = [];
    audio.onStateChange((s) => states.push(s));
    const loading = audio.loadForScenario('shop', []);
    finishAll();
    await loading;
    audio.ambience('shop');
    gesture('keydown');
    await flush();
    expect(audio.state()).toBe('ok');
    expect(states).toEqual(['ok']);
    const amb = howl('ambience-shop');
    expect(amb.plays).toHaveLength(1);
    expect(amb.fades[0]).toMatchObject({ from: 0, ms: AMBIENCE_FADE_MS });
    const resumes = fakeHowler.ctx!.resumeCalls;
    gesture('pointerdown');
    expect(fakeHowler.ctx!.resumeCalls).toBe(resumes);
    audio.ui('move');
    expect(howl('ui-move').plays).toHaveLength(1);
  });

  it('says "no sound" instead of "sound starts after a key press" once a gesture was refused, and recovers', async () => {
    const audio = make();
    const states: string[] = [];
    audio.onStateChange((state) => states.push(state));
    fakeHowler.ctx!.resumeWorks = false;
    gesture();
    await flush();
    expect(audio.state()).toBe('unavailable');
    fakeHowler.ctx!.resumeWorks = true;
    gesture();
    await flush();
    expect(audio.state()).toBe('ok');
    expect(states).toEqual(['unavailable', 'ok']);
  });

  it('drops the "first key press" notice when the browser never answers the gesture (issue 12)', async () => {
    vi.useFakeTimers();
    const audio = make();
    // A context that neither runs nor refuses: resume() never settles.
    fakeHowler.ctx!.resume = () => new Promise<void>(() => {});
    gesture('keydown');
    expect(audio.state()).toBe('locked');
    await vi.advanceTimersByTimeAsync(UNLOCK_GRACE_MS - 1);
    expect(audio.state()).toBe('locked');
    await vi.advanceTimersByTimeAsync(1);
    expect(audio.state()).toBe('unavailable');
    gesture('keydown');
    gesture('pointerdown');
    expect(audio.state()).toBe('unavailable');
  });

  it('is ok from the start when the context already runs', () => {
    fakeHowler.ctx!.state = 'running';
    expect(make().state()).toBe('ok');
  });

  it('goes back to locked when an HTML5 sound is refused, and recovers on unlock', () => {
    fakeHowler.ctx!.state = 'running';
    const audio = make();
    const h = howl('ui-select');
    h.failPlaying();
    expect(audio.state()).toBe('locked');
    h.emit('unlock');
    expect(audio.state()).toBe('ok');
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('missing or broken files', () => {
  it('skips a sound that fails to load, warns once, and keeps everything else working', async () => {
    fakeHowler.ctx!.state = 'running';
    const audio = make();
    const loading = audio.loadForScenario('restaurant', []);
    howl('ambience-restaurant').failLoading('Decoding audio data failed.');
    finishAll();
    await loading;
    audio.ambience('restaurant');
    audio.ambience(null);
    audio.ambience('restaurant');
    expect(howl('ambience-restaurant').plays).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/ambience-restaurant.*Decoding audio data failed/);
    expect(audio.state()).toBe('ok');
    audio.emotion('huff');
    expect(howl('emotion-huff').plays).toHaveLength(1);
  });

  it('shows "no sound" when every sound file is missing or undecodable (issue 12)', async () => {
    fakeHowler.ctx!.state = 'running';
    const audio = make();
    const states: string[] = [];
    audio.onStateChange((state) => states.push(state));
    expect(audio.state()).toBe('ok');
    const loading = audio.loadForScenario('shop', []);
    for (const h of FakeHowl.all) h.failLoading('Decoding audio data failed.');
    await loading;
    expect(audio.state()).toBe('unavailable');
    expect(states).toEqual(['unavailable']);
    audio.setMuted(true);
    expect(audio.state()).toBe('muted');
  });

  it('returns null for a voice file the game does not have, warning once however often it is asked', async () => {
    fakeHowler.ctx!.state = 'running';
    const audio = make();
    const loading = audio.loadForScenario('phone', ['kettle/missing-line.ogg']);
    finishAll();
    await loading;
    expect(audio.voice('kettle/missing-line.ogg')).toBeNull();
    expect(audio.voice('kettle/missing-line.ogg')).toBeNull();
    expect(audio.voiceDurationMs('kettle/missing-line.ogg')).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('kettle/missing-line.ogg');
  });

  it('resolves loading even when a file never answers', async () => {
    vi.useFakeTimers();
    const audio = make();
    let done = false;
    void audio.loadForScenario('office', []).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(9_000);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(done).toBe(true);
  });
});

describe('no audio at all', () => {
  it('reports unavailable and does nothing, without throwing', async () => {
    fakeHowler.noAudio = true;
    const audio = make();
    expect(audio.state()).toBe('unavailable');
    await audio.loadForScenario('airport', []);
    audio.unlock();
    audio.ambience('airport');
    audio.ui('select');
    expect(audio.voice('a.ogg')).toBeNull();
    expect(FakeHowl.all).toEqual([]);
  });
});

describe('playing', () => {
  async function ready(setting: 'shop' | 'airport' = 'shop') {
    fakeHowler.ctx!.state = 'running';
    const audio = make();
    const loading = audio.loadForScenario(setting, []);
    finishAll();
    await loading;
    return audio;
  }

  it('loads only what the scenario needs: its own ambience and the emotion sounds', async () => {
    await ready('airport');
    const names = FakeHowl.all.map((h) => h.name);
    expect(names).toContain('ambience-airport');
    expect(names.filter((n) => n.startsWith('ambience-'))).toEqual(['ambience-airport']);
    expect(names).toEqual(expect.arrayContaining(['emotion-sigh', 'emotion-phone-ring', 'emotion-huff', 'emotion-relieved', 'emotion-door']));
    expect(FakeHowl.all.find((h) => h.name === 'ambience-airport')!.options.loop).toBe(true);
  });

  it('offers ogg first and mp3 as the fallback', async () => {
    await ready();
    const src = howl('ambience-shop').options.src as string[];
    expect(src).toHaveLength(2);
    expect(howl('ambience-shop').options.format).toEqual(['ogg', 'mp3']);
  });

  it('uses the shop door with its bell in a shop', async () => {
    const audio = await ready('shop');
    audio.emotion('door');
    expect(howl('emotion-door-bell').plays).toHaveLength(1);
  });

  it('cross-fades from one ambience to another and fades out on null', async () => {
    const audio = await ready('shop');
    audio.ambience('shop');
    const shop = howl('ambience-shop');
    audio.ambience('airport');
    const airport = howl('ambience-airport');
    expect(shop.fades.at(-1)).toMatchObject({ to: 0 });
    shop.emit('fade');
    expect(shop.stops).toEqual([1]);
    airport.finishLoading();
    expect(airport.plays).toHaveLength(1);
    audio.ambience(null);
    expect(airport.fades.at(-1)).toMatchObject({ to: 0 });
  });

  it('applies channel volumes to loaded sounds, clamped to 0..1', async () => {
    const audio = await ready();
    audio.setVolumes({ voice: 0.8, ambience: 0.25, ui: 3 });
    expect(howl('ambience-shop').volumes.at(-1)).toBe(0.25);
    expect(howl('ui-select').volumes.at(-1)).toBe(1);
    expect(howl('emotion-sigh').volumes.at(-1)).toBe(0.8);
    audio.setVolumes({ voice: Number.NaN, ambience: -1, ui: 0.5 });
    expect(howl('emotion-sigh').volumes.at(-1)).toBe(0);
    expect(howl('ambience-shop').volumes.at(-1)).toBe(0);
  });

  it('mutes everything, reports muted, and unmutes', async () => {
    const audio = await ready();
    const states: string[] = [];
    audio.onStateChange((s) => states.push(s));
    audio.setMuted(true);
    expect(fakeHowler.muted).toBe(true);
    expect(audio.state()).toBe('muted');
    audio.ui('select');
    expect(howl('ui-select').plays).toEqual([]);
    audio.setMuted(false);
    expect(fakeHowler.muted).toBe(false);
    expect(states).toEqual(['muted', 'ok']);
  });

  it('does not leave Howler muted for the next port after dispose', async () => {
    const audio = await ready();
    audio.setMuted(true);
    audio.dispose();
    expect(fakeHowler.muted).toBe(false);
  });

  it('plays a loaded voice line with its length, replacing a line still playing, and stops it', async () => {
    fakeHowler.ctx!.state = 'running';
    const audio = make();
    const loading = audio.loadForScenario('phone', ['bundled/l1.ogg', 'bundled/l2.ogg']);
    finishAll();
    await loading;
    const l1 = howl('l1');
    const l2 = howl('l2');
    l2.lengthSeconds = 1.2345;
    expect(audio.voiceDurationMs('bundled/l1.ogg')).toBe(2500);
    expect(audio.voice('bundled/l1.ogg')).toEqual({ durationMs: 2500 });
    expect(audio.voice('bundled/l2.ogg')).toEqual({ durationMs: 1235 });
    expect(l1.stops).toEqual([1]);
    audio.stopVoice();
    expect(l2.stops).toEqual([1]);
    audio.setMuted(true);
    expect(audio.voice('bundled/l1.ogg')).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('unloads the previous scenario\'s voices when the next scenario loads', async () => {
    fakeHowler.ctx!.state = 'running';
    const audio = make();
    const first = audio.loadForScenario('phone', ['bundled/old.ogg']);
    finishAll();
    await first;
    const old = howl('old');
    audio.voice('bundled/old.ogg');
    const second = audio.loadForScenario('shop', ['bundled/new.ogg']);
    finishAll();
    await second;
    expect(old.unloaded).toBe(true);
    expect(old.stops).toEqual([1]);
    expect(audio.voiceDurationMs('bundled/old.ogg')).toBeUndefined();
    expect(audio.voiceDurationMs('bundled/new.ogg')).toBe(2500);
  });

  it('unsubscribes state listeners', async () => {
    const audio = await ready();
    const states: string[] = [];
    const off = audio.onStateChange((s) => states.push(s));
    off();
    audio.setMuted(true);
    expect(states).toEqual([]);
  });
});

describe('dispose', () => {
  it('unloads every sound, forgets listeners and stops listening for gestures', async () => {
    const audio = make();
    const states: string[] = [];
    audio.onStateChange((s) => states.push(s));
    const loading = audio.loadForScenario('shop', []);
    finishAll();
    await loading;
    audio.dispose();
    expect(FakeHowl.all.every((h) => h.unloaded)).toBe(true);
    gesture();
    await flush();
    expect(fakeHowler.ctx!.resumeCalls).toBe(0);
    expect(states).toEqual([]);
    audio.ui('select');
    audio.dispose();
  });
});
