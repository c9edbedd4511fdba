import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/index.ts';
import { presentBriefing } from '../../src/presenter/briefing.ts';
import { kettleEn, kettleFi } from './catalogFixture.ts';

describe('presentBriefing', () => {
  const { t } = createI18n('en');

  it('answers who the customer is, what they need and what they expect, with the goals', () => {
    const view = presentBriefing(kettleEn, false, t);
    expect(view.sections).toEqual([
      { heading: 'Who is this customer?', text: 'A retired teacher.' },
      { heading: 'What do they need?', text: 'A working kettle.' },
      { heading: 'What do they expect?', text: 'To be believed.' },
    ]);
    expect(view.goals).toEqual(kettleEn.goals);
    expect(view.facts).toBe('Shop · English · Easy · about 6 minutes');
    expect(view.customerName).toBe('Raili Mäkelä');
    expect(view.noBrief).toBeNull();
  });

  it('shows the facilitator note only in facilitator mode', () => {
    expect(presentBriefing(kettleEn, false, t).facilitator).toBeNull();
    expect(presentBriefing(kettleEn, true, t).facilitator).toEqual({
      heading: 'Facilitator note',
      text: 'Ask the room what she needs to hear first.',
    });
  });

  it('keeps scenario text in its own language while headings follow the player', () => {
    const view = presentBriefing(kettleFi, false, t);
    expect(view.contentLanguage).toBe('fi');
    expect(view.title).toBe('Kahdesti hajonnut vedenkeitin');
    expect(view.sections[0]!.heading).toBe('Who is this customer?');
  });

  it('explains a missing pre-brief', () => {
    const view = presentBriefing({ ...kettleEn, brief: null }, false, createI18n('fi').t);
    expect(view.sections).toEqual([]);
    expect(view.noBrief).toMatch(/taustatietoja/);
  });

  it('shows the longer story, the course step and a length range', () => {
    const entry = { ...kettleEn, order: 3, minutes: 5, minutesMax: 8, brief: { ...kettleEn.brief!, background: '  She bought it in May.\n\nIt broke twice.  ' } };
    const view = presentBriefing(entry, false, t);
    expect(view.background).toEqual({ heading: 'What has happened', text: 'She bought it in May.\n\nIt broke twice.' });
    expect(view.facts).toBe('Course step 3 · Shop · English · Easy · 5–8 minutes');
    const fi = presentBriefing(entry, false, createI18n('fi').t);
    expect(fi.background?.heading).toBe('Mitä on tapahtunut');
    expect(fi.facts).toBe('Kurssin vaihe 3 · Myymälä · Englanti · Helppo · 5–8 minuuttia');
    expect(presentBriefing(kettleEn, false, t).background).toBeNull();
  });
});
