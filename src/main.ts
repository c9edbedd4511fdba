/**
 * Entry point, kept tiny on purpose: index.html's static first screen (title, loading dots) is on
 * screen before any of the game's code is fetched or run. Nothing here blocks that first paint:
 * no stylesheet (the overlay styles and the font come with the game's chunk) and no Phaser.
 * The game's code is fetched once the first screen has painted its text (the browser's
 * first-contentful-paint), so the two do not compete; never later than one second, and at once in
 * a hidden tab, which paints nothing.
 */
function afterFirstPaint(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    let observer: PerformanceObserver | undefined;
    const done = () => {
      clearTimeout(timer);
      observer?.disconnect();
      resolve();
    };
    const timer = setTimeout(done, 1000);
    if (PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length > 0) done();
      });
      observer.observe({ type: 'paint', buffered: true });
    } else {
      requestAnimationFrame(() => setTimeout(done, 0));
    }
  });
}

/** The game's code could not be fetched (connection lost, files missing): say so on the first screen. */
function showLoadFailure(error: unknown): void {
  console.error(error);
  const status = document.querySelector('#cd-splash p');
  if (!status) return;
  status.textContent = 'Calm Desk could not load. Check the connection and reload the page. ';
  const fi = document.createElement('span');
  fi.lang = 'fi';
  fi.textContent = 'Calm Desk ei latautunut. Tarkista yhteys ja lataa sivu uudelleen.';
  status.append(fi);
  document.querySelector('#cd-splash .cd-splash-dots')?.remove();
}

void afterFirstPaint()
  .then(() => import('./boot.ts'))
  .catch(showLoadFailure);
