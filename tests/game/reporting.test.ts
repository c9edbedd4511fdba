import { afterEach, describe, expect, it, vi } from 'vitest';
import { addReporter, newReportAttemptId, reportStarted, type AttemptStarted } from '../../src/game/reporting.ts';

const started = { attemptId: 'a1', file: 'scenarios/x.en.yaml', scenario: {} as AttemptStarted['scenario'], startedAt: new Date(0) };

describe('reporting', () => {
  const offs: Array<() => void> = [];
  afterEach(() => offs.splice(0).forEach((off) => off()));

  it('calls every reporter, even when one throws or rejects', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const heard: string[] = [];
    offs.push(addReporter({ started: () => { throw new Error('boom'); } }));
    offs.push(addReporter({ started: () => Promise.reject(new Error('later')) }));
    offs.push(addReporter({ started: (e) => { heard.push(e.attemptId); } }));
    reportStarted(started);
    await Promise.resolve();
    expect(heard).toEqual(['a1']);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('stops calling a removed reporter', () => {
    const heard: string[] = [];
    const off = addReporter({ started: (e) => { heard.push(e.attemptId); } });
    off();
    reportStarted(started);
    expect(heard).toEqual([]);
  });

  it('makes distinct attempt ids', () => {
    expect(newReportAttemptId()).not.toEqual(newReportAttemptId());
  });
});
