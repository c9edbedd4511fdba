import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/index.ts';
import { recordsStatusLine, type RecordsStatusInput } from '../../src/presenter/settings.ts';

const time = (d: Date) => d.toISOString().slice(11, 16);
const ready: RecordsStatusInput = { config: { kind: 'ready' }, waiting: 0, sending: false, lastError: null, nextRetryAt: null, lastDeliveredAt: null };

describe('learning-records status line', () => {
  const { t } = createI18n('en');

  it('says when sending is off or needs the learner', () => {
    expect(recordsStatusLine({ ...ready, config: { kind: 'off' } }, t, time)).toBe('Sending is off: no LRS address.');
    expect(recordsStatusLine({ ...ready, config: { kind: 'incomplete', missing: 'actor' }, waiting: 2 }, t, time)).toBe(
      '2 statements waiting. Add the learner\'s email to send records.',
    );
  });

  it('says what waits, the last error with its time, and the next try', () => {
    const line = recordsStatusLine(
      { ...ready, waiting: 3, lastError: { message: 'HTTP 503 (Service Unavailable)', at: '2026-11-26T10:42:00.000Z' }, nextRetryAt: Date.parse('2026-11-26T10:43:00Z') },
      t,
      time,
    );
    expect(line).toBe('3 statements waiting, last error: HTTP 503 (Service Unavailable) at 10:42, next try at 10:43.');
  });

  it('says when everything has arrived', () => {
    expect(recordsStatusLine({ ...ready, lastDeliveredAt: '2026-11-26T10:44:00.000Z' }, t, time)).toBe(
      'Nothing waiting: every statement has reached the LRS (last delivered at 10:44).',
    );
  });

  it('speaks Finnish', () => {
    const fi = createI18n('fi').t;
    expect(recordsStatusLine({ ...ready, waiting: 1, sending: true }, fi, time)).toBe('1 lauseke odottaa, lähetys käynnissä.');
  });
});
