/**
 * An `AudioPort` that plays nothing: for Node tests and for when sound is off or Howler is
 * missing. It reports `unavailable` (or `muted` while muted) so the muted icon shows.
 */
import type { AudioPort, AudioState } from './port.ts';

/** A silent port. `voice()` returns null, so callers time lines from their text. */
export function createSilentAudio(): AudioPort {
  let muted = false;
  let disposed = false;
  const listeners = new Set<(s: AudioState) => void>();
  const state = (): AudioState => (muted ? 'muted' : 'unavailable');
  return {
    unlock() {},
    setVolumes() {},
    setMuted(next) {
      if (disposed || next === muted) return;
      muted = next;
      for (const l of listeners) l(state());
    },
    loadForScenario: () => Promise.resolve(),
    ambience() {},
    ui() {},
    emotion() {},
    voice: () => null,
    voiceDurationMs: () => undefined,
    stopVoice() {},
    state,
    onStateChange(listener) {
      if (disposed) return () => {};
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      listeners.clear();
    },
  };
}
