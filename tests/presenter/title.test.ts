import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/index.ts';
import { presentTitle } from '../../src/presenter/title.ts';
import { broken, kettleEn, kettleFi } from './catalogFixture.ts';

describe('presentTitle', () => {
  const { t } = createI18n('en');

  it('lists every scenario with its language and difficulty', () => {
    const view = presentTitle([kettleEn, kettleFi], t);
    expect(view.appName).toBe('Calm Desk');
    expect(view.canPlay).toBe(true);
    expect(view.countText).toBe('2 scenarios');
    expect(view.scenarios.map((s) => [s.title, s.meta])).toEqual([
      ['The kettle that broke twice', 'English · Easy'],
      ['Kahdesti hajonnut vedenkeitin', 'Finnish · Moderate'],
    ]);
  });

  it("lists the player's own language first, keeping catalog order otherwise", () => {
    const view = presentTitle([kettleEn, broken, kettleFi], t, 'fi');
    expect(view.scenarios.map((s) => s.file)).toEqual([kettleFi.file, kettleEn.file, broken.file]);
    expect(presentTitle([kettleEn, kettleFi], t).scenarios.map((s) => s.file)).toEqual([kettleEn.file, kettleFi.file]);
  });

  it('marks a broken file with its error count and the lint command instead of failing', () => {
    const view = presentTitle([kettleEn, broken], t);
    const item = view.scenarios[1]!;
    expect(item.playable).toBe(false);
    expect(item.problem).toBe('has 2 errors — run npx calm-desk lint');
    expect(item.details).toEqual(broken.firstDiagnostics);
    expect(item.meta).toBe('— · —');
  });

  it('does not offer Play when nothing can be played, and says why', () => {
    expect(presentTitle([broken], t).canPlay).toBe(false);
    const empty = presentTitle([], t);
    expect(empty.canPlay).toBe(false);
    expect(empty.countText).toBe('No scenario files were found in the scenarios folder.');
  });

  it('speaks Finnish when the player does', () => {
    const view = presentTitle([kettleEn, broken], createI18n('fi').t);
    expect(view.playLabel).toBe('Pelaa');
    expect(view.scenarios[0]!.meta).toBe('englanti · Helppo');
    expect(view.scenarios[1]!.problem).toBe('tiedostossa on 2 virhettä — aja npx calm-desk lint');
  });
});
