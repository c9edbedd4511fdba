import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/index.ts';
import { nextInCourse, passScoreFrom, presentSelect, statsFromResults, statsKey } from '../../src/presenter/select.ts';
import { DEFAULT_RUBRIC } from '../../src/scoring/rubric.ts';
import type { CatalogEntry } from '../../src/build/catalogEntry.ts';
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

describe('the course order', () => {
  const { t } = createI18n('en');
  const step = (id: string, order: number | null, language: 'en' | 'fi' = 'en'): CatalogEntry => ({
    ...(language === 'en' ? kettleEn : kettleFi),
    id,
    file: `scenarios/${id}.${language}.yaml`,
    title: `${id} (${language})`,
    order,
  });
  const catalog = [step('hard', 3), step('gentle', 1), step('gentle', 1, 'fi'), step('loose', null), step('middle', 2)];

  it('sorts the cards by course order, keeps both languages of a step together, and puts unordered ones last', () => {
    const view = presentSelect(catalog, {}, 'all', t);
    expect(view.cards.map((c) => c.title)).toEqual(['gentle (en)', 'gentle (fi)', 'middle (en)', 'hard (en)', 'loose (en)']);
    expect(view.cards.map((c) => c.step)).toEqual(['Step 1', 'Step 1', 'Step 2', 'Step 3', '']);
    expect(view.cards.map((c) => c.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('puts the player\'s language first within a step', () => {
    const view = presentSelect(catalog, {}, 'all', t, { language: 'fi' });
    expect(view.cards.map((c) => c.title).slice(0, 2)).toEqual(['gentle (fi)', 'gentle (en)']);
    expect(view.cards.find((c) => c.recommended)?.title).toBe('gentle (fi)');
  });

  it('recommends the first scenario in order not yet passed with a good score, in the player\'s language', () => {
    const stats = statsFromResults([
      { scenarioId: 'gentle', language: 'fi', overall: 70 },
      { scenarioId: 'middle', language: 'en', overall: 64 },
    ]);
    const view = presentSelect(catalog, stats, 'all', t, { language: 'en' });
    const marked = view.cards.filter((c) => c.recommended);
    expect(marked.map((c) => c.title)).toEqual(['middle (en)']);
    expect(marked[0]!.badge).toBe('Recommended next');
    expect(view.cards.filter((c) => c.passed).map((c) => c.title)).toEqual(['gentle (en)', 'gentle (fi)']);
    expect(view.cards[0]!.badge).toBe('✓ Passed');
    expect(view.courseText).toBe('Listed in the suggested course order, gentle first. Recommended next: middle (en).');
  });

  it('uses the pass mark it is given (a rubric with another "good" band)', () => {
    const stats = statsFromResults([{ scenarioId: 'gentle', language: 'en', overall: 60 }]);
    expect(presentSelect(catalog, stats, 'en', t).cards.find((c) => c.recommended)?.title).toBe('gentle (en)');
    expect(presentSelect(catalog, stats, 'en', t, { passScore: () => 55 }).cards.find((c) => c.recommended)?.title).toBe('middle (en)');
    const lenient = { ...DEFAULT_RUBRIC, id: 'lenient', verdicts: { ...DEFAULT_RUBRIC.verdicts, good: 55 } };
    const passScore = passScoreFrom({ lenient });
    expect(passScore({ ...kettleEn, rubric: 'lenient' })).toBe(55);
    expect(passScore({ ...kettleEn, rubric: 'missing' })).toBe(DEFAULT_RUBRIC.verdicts.good);
  });

  it('says when every scenario shown is passed, in Finnish too', () => {
    const stats = statsFromResults(catalog.map((e) => ({ scenarioId: e.id, language: 'en' as const, overall: 90 })));
    const view = presentSelect(catalog, stats, 'all', createI18n('fi').t);
    expect(view.cards.some((c) => c.recommended)).toBe(false);
    expect(view.courseText).toMatch(/läpäissyt kaikki/);
    expect(view.cards[0]!.step).toBe('Vaihe 1');
  });

  it('the debrief\'s next scenario is the next one to pass, else the following step', () => {
    const stats = statsFromResults([{ scenarioId: 'gentle', language: 'en', overall: 90 }]);
    expect(nextInCourse(catalog, stats, 'scenarios/gentle.en.yaml', 'en')?.id).toBe('middle');
    expect(nextInCourse(catalog, {}, 'scenarios/gentle.en.yaml', 'en')?.id).toBe('middle');
    expect(nextInCourse(catalog, {}, 'scenarios/middle.en.yaml', 'en')?.id).toBe('gentle');
    const all = statsFromResults(catalog.map((e) => ({ scenarioId: e.id, language: 'en' as const, overall: 90 })));
    expect(nextInCourse(catalog, all, 'scenarios/hard.en.yaml', 'en')?.id).toBe('loose');
    expect(nextInCourse(catalog, all, 'scenarios/gentle.fi.yaml', 'fi')).toBeNull();
  });

  it('shows a length range', () => {
    const view = presentSelect([{ ...kettleEn, minutes: 5, minutesMax: 8 }], {}, 'all', t);
    expect(view.cards[0]!.minutes).toBe('5–8 minutes');
  });
});
