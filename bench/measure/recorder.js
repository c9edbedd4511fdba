// Injected into the benchmarked page before its own scripts (page.addInitScript), as plain
// JavaScript so no build tool rewrites it. Keeps `window.__bench`:
// - frames: requestAnimationFrame callbacks so far. This callback is registered before the
//   game's, so it runs first in every frame; `inFrame` is true from it until the frame is done.
// - deltas: frame-to-frame times while `recording`.
// - longTasks: every long task (> 50 ms) the browser reports.
// - press / effectFrame: the frame a 1–4 key press arrived in, and the frame that paints the
//   first change to the reply buttons after it.
(() => {
  const bench = { frames: 0, inFrame: false, recording: false, last: 0, deltas: [], longTasks: [], press: null, effectFrame: null };
  window.__bench = bench;
  const afterFrame = new MessageChannel();
  afterFrame.port1.onmessage = () => {
    bench.inFrame = false;
  };
  const tick = (time) => {
    bench.frames += 1;
    bench.inFrame = true;
    afterFrame.port2.postMessage(0);
    if (bench.recording && bench.last > 0) bench.deltas.push(time - bench.last);
    bench.last = time;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: none are reported.
  }
  window.addEventListener(
    'keydown',
    (event) => {
      if (!/^[1-4]$/.test(event.key)) return;
      // A key event is a task of its own, never part of a frame's callbacks.
      bench.inFrame = false;
      bench.press = { key: event.key, frame: bench.frames };
      bench.effectFrame = null;
    },
    { capture: true },
  );
  new MutationObserver((records) => {
    if (!bench.press || bench.effectFrame !== null) return;
    const touchesReply = records.some((record) => {
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      return target?.closest('.cd-conv-replies, button.cd-conv-reply') != null;
    });
    // A change made inside a frame's callbacks is painted in that frame; one made in an event
    // handler is painted in the next frame.
    if (touchesReply) bench.effectFrame = bench.inFrame ? bench.frames : bench.frames + 1;
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();
