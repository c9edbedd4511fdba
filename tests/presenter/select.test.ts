import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/index.ts';
import { presentSelect, statsFromResults, statsKey } from '../../src/presenter/select.ts';
import { broken, kettleEn, kettleFi } from './catalogFixture.ts';

describe('presentSelect', () => {
  const { t } = createI18n('en');
  const catalog = [kettleEn, kettleFi, broken];

  it('numbers the cards and shows length, best score and attempts', () => {
    const stats = statsFromResults([
      { scenarioId: 'kettle', language: 'en', overall: 62 },
      { scenarioId: 'kettle', language: 'en', overall: 81.4 },
      { scenarioId: 'kettle', language: 'fi', overall: 40 },
    ]);
    const view = presentSelect(catalog, stats, 'all', t);
    expect(view.cards.map((c) => c.number)).toEqual([1, 2, 3]);
    const [en, fi, bad] = view.cards;
    expect(en).toMatchObject({ best: 'Best score 81 / 100', attempts: '2 attempts', minutes: 'about 6 minutes', language: 'English' });
    expect(fi).toMatchObject({ best: 'Best score 40 / 100', attempts: '1 attempt', language: 'Finnish' });
    expect(bad).toMatchObject({ playable: false, problem: 'has 2 errors — run npx calm-desk lint', attempts: '' });
    expect(en!.actionLabel).toBe('Open briefing: The kettle that broke twice');
  });

  it('says "not played yet" without results', () => {
    expect(presentSelect([kettleEn], {}, 'all', t).cards[0]!.best).toBe('Not played yet');
  });

  it('filters by language and renumbers the shown cards', () => {
    const view = presentSelect(catalog, {}, 'fi', t);
    expect(view.cards.map((c) => [c.title, c.number])).toEqual([['Kahdesti hajonnut vedenkeitin', 1]]);
    expect(view.shownText).toBe('1 scenario shown.');
    expect(view.filters.map((f) => [f.value, f.selected])).toEqual([
      ['all', false],
      ['en', false],
      ['fi', true],
    ]);
  });

  it('offers only languages that have scenarios, and an empty state', () => {
    const view = presentSelect([kettleEn], {}, 'fi', t);
    expect(view.filters.map((f) => f.value)).toEqual(['all', 'en']);
    expect(view.emptyText).toBe('No scenarios in this language yet.');
  });
});

describe('statsFromResults', () => {
  it('keeps results per scenario id and language', () => {
    const stats = statsFromResults([{ scenarioId: 'a', language: 'fi', overall: 0 }]);
    expect(stats[statsKey('a', 'fi')]).toEqual({ best: 0, attempts: 1 });
    expect(stats[statsKey('a', 'en')]).toBeUndefined();
  });
});
