/**
 * A stand-in for the `howler` module: records what the adapter asks of it and lets a test
 * decide when files load, fail, or when the browser unlocks audio.
 */
import type { HowlOptions } from 'howler';

type Handler = (...args: unknown[]) => void;

export class FakeHowl {
  static all: FakeHowl[] = [];
  readonly options: HowlOptions;
  readonly plays: number[] = [];
  readonly stops: (number | undefined)[] = [];
  readonly fades: { from: number; to: number; ms: number; id?: number }[] = [];
  readonly volumes: number[] = [];
  unloaded = false;
  /** Set once the sound loaded or failed: a real Howl never does both. */
  settled = false;
  lengthSeconds = 2.5;
  private nextId = 1;
  private readonly once_: { event: string; fn: Handler }[] = [];

  constructor(options: HowlOptions) {
    this.options = options;
    this.volumes.push(options.volume ?? 1);
    FakeHowl.all.push(this);
  }

  /** The file name the adapter asked for, e.g. `ambience-shop`. */
  get name(): string {
    const src = Array.isArray(this.options.src) ? this.options.src[0]! : this.options.src;
    return src.replace(/^.*\//, '').replace(/\.(ogg|mp3).*$/, '');
  }

  finishLoading(): void {
    if (this.settled) return;
    this.settled = true;
    this.options.onload?.call(this as never, 0);
  }
  failLoading(error: unknown = 'Decoding audio data failed.'): void {
    if (this.settled) return;
    this.settled = true;
    this.options.onloaderror?.call(this as never, 0, error);
  }
  failPlaying(): void {
    this.options.onplayerror?.call(this as never, 1, 'Playback was unable to start.');
  }
  emit(event: string): void {
    const due = this.once_.filter((h) => h.event === event);
    this.once_.splice(0, this.once_.length, ...this.once_.filter((h) => h.event !== event));
    for (const h of due) h.fn();
  }

  play(): number {
    const id = this.nextId++;
    this.plays.push(id);
    return id;
  }
  stop(id?: number): this {
    this.stops.push(id);
    return this;
  }
  fade(from: number, to: number, ms: number, id?: number): this {
    this.fades.push({ from, to, ms, id });
    return this;
  }
  volume(v?: number): this | number {
    if (v === undefined) return this.volumes.at(-1)!;
    this.volumes.push(v);
    return this;
  }
  duration(): number {
    return this.lengthSeconds;
  }
  once(event: string, fn: Handler): this {
    this.once_.push({ event, fn });
    return this;
  }
  unload(): void {
    this.unloaded = true;
  }
}

/** An AudioContext that starts suspended (autoplay blocked) until `resume()`. */
export class FakeContext extends EventTarget {
  state: AudioContextState = 'suspended';
  resumeWorks = true;
  resumeCalls = 0;
  resume(): Promise<void> {
    this.resumeCalls++;
    if (!this.resumeWorks) return Promise.reject(new Error('not allowed'));
    this.state = 'running';
    this.dispatchEvent(new Event('statechange'));
    return Promise.resolve();
  }
}

export const fakeHowler = {
  noAudio: false,
  usingWebAudio: true,
  ctx: new FakeContext() as FakeContext | undefined,
  muted: false,
  mute(m: boolean) {
    this.muted = m;
    return this;
  },
};

/** Puts the fake back to "browser with audio, autoplay blocked". */
export function resetFakeHowler(): void {
  FakeHowl.all = [];
  fakeHowler.noAudio = false;
  fakeHowler.usingWebAudio = true;
  fakeHowler.ctx = new FakeContext();
  fakeHowler.muted = false;
}

export function howl(name: string): FakeHowl {
  const found = FakeHowl.all.filter((h) => h.name === name && !h.unloaded).at(-1);
  if (!found) throw new Error(`no sound "${name}" was created; have: ${FakeHowl.all.map((h) => h.name).join(', ')}`);
  return found;
}

/** Loads every created sound (as a browser would, eventually). */
export function finishAll(): void {
  for (const h of FakeHowl.all) h.finishLoading();
}
