import { describe, expect, test } from 'vitest';
import { escapeHtml, exportFileName, sessionHtml, sessionJson, SESSION_EXPORT_FORMAT } from '../../src/classroom/export.ts';
import { findBestPath, summarizeSession } from '../../src/classroom/summary.ts';
import { decisionsOf } from '../../src/conversation/transcript.ts';
import { DEFAULT_RUBRIC, scoreConversation } from '../../src/scoring/index.ts';
import { finishedTranscript, firstReplyTranscript, parcelScenario, session } from './fixture.ts';

const scenario = parcelScenario();
const best = findBestPath(scenario, DEFAULT_RUBRIC);

describe('the best path', () => {
  test('is a complete path the scorer rates, and no worse than the first best-first path', () => {
    expect(best).not.toBeNull();
    expect(best!.steps.length).toBeGreaterThan(2);
    expect(best!.overall).toBeGreaterThanOrEqual(scoreConversation(scenario, finishedTranscript(scenario)).overall);
  });
});

describe('the session summary', () => {
  test('the class on the best path: every step matches, the score is the scorer’s, no trust-ruiners', () => {
    const transcript = finishedTranscript(scenario);
    const summary = summarizeSession({ scenario, transcript, session: session({ updatedAt: 61_000 }), rubric: DEFAULT_RUBRIC, best: { overall: 0, steps: findBestPath(scenario, DEFAULT_RUBRIC, 1)!.steps } });
    expect(summary.ended).toBe(true);
    expect(summary.score?.overall).toBe(scoreConversation(scenario, transcript).overall);
    expect(summary.classPath.every((s) => s.matchesBest)).toBe(true);
    expect(summary.classPath[0]?.letter).toMatch(/^[A-D]$/);
    expect(summary.durationMs).toBe(60_000);
  });

  test('a class taking the first reply each time: its trust-ruiners are counted with their decisions, and it parts from the best path', () => {
    const transcript = firstReplyTranscript(scenario);
    const summary = summarizeSession({ scenario, transcript, session: session(), rubric: DEFAULT_RUBRIC, best });
    const report = scoreConversation(scenario, transcript);
    for (const r of summary.trustRuiners) expect(r.count).toBe(report.trustRuiners[r.tag].count);
    expect(summary.classPath.every((s) => s.matchesBest)).toBe(false);
    expect(summary.classPath.filter((s) => s.kind === 'reply').every((s) => s.letter === 'A')).toBe(true);
  });

  test('vote splits come from the active votes of decisions on the path, with shares', () => {
    const transcript = finishedTranscript(scenario);
    const first = decisionsOf(transcript)[0]!;
    const s = session({
      votes: [
        { decision: 0, nodeId: first.nodeId, replyIds: first.visibleReplyIds!, counts: { [first.choiceId!]: 6, [first.visibleReplyIds!.find((id) => id !== first.choiceId)!]: 2 }, chosen: first.choiceId!, by: 'vote', superseded: false },
        { decision: 0, nodeId: first.nodeId, replyIds: first.visibleReplyIds!, counts: {}, chosen: first.choiceId!, by: 'trainer', superseded: true },
        { decision: 99, nodeId: 'gone', replyIds: [], counts: {}, chosen: 'x', by: 'vote', superseded: false },
      ],
    });
    const summary = summarizeSession({ scenario, transcript, session: s, rubric: DEFAULT_RUBRIC, best });
    expect(summary.votes).toHaveLength(1);
    expect(summary.votes[0]).toMatchObject({ decision: 0, total: 8, by: 'vote', chosen: first.choiceId });
    expect(summary.votes[0]!.rows.find((r) => r.replyId === first.choiceId)?.share).toBe(0.75);
  });

  test('an unfinished conversation has no score yet', () => {
    const transcript = finishedTranscript(scenario).filter((e) => e.type !== 'end');
    expect(summarizeSession({ scenario, transcript, session: session(), rubric: DEFAULT_RUBRIC, best: null })).toMatchObject({ ended: false, score: null, bestPath: [] });
  });
});

describe('the export', () => {
  const transcript = finishedTranscript(scenario);
  const summary = summarizeSession({ scenario, transcript, session: session(), rubric: DEFAULT_RUBRIC, best });

  test('JSON: format, figures and the transcript, no actor internals', () => {
    const record = JSON.parse(sessionJson(summary, session({ snapshot: { secret: true } }), transcript)) as Record<string, unknown>;
    expect(record.format).toBe(SESSION_EXPORT_FORMAT);
    expect(record).toMatchObject({ session: { id: 'abc123', scenarioId: 'late-birthday-parcel' }, summary: { ended: true, overall: summary.score!.overall } });
    expect(record.transcript).toEqual(transcript);
    expect(JSON.stringify(record)).not.toContain('secret');
  });

  test('HTML: every text escaped, one page of sections', () => {
    const html = sessionHtml({
      lang: 'en',
      title: 'Session <script>alert(1)</script>',
      subtitle: 'A & B',
      facts: [{ label: 'Score', value: '"80" / 100' }],
      sections: [
        { heading: 'Paths', table: [['#', 'Class'], ['1', "B: <img src=x onerror='x'>"]] },
        { heading: 'Notes', paragraphs: ['it’s <b>fine</b>'] },
      ],
    });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('Session &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<th scope="col">Class</th>');
    expect(html).toContain('&quot;80&quot; / 100');
    expect(html).toContain('@page { size: A4');
    expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });

  test('file names', () => {
    expect(exportFileName({ scenarioId: 'late birthday/parcel', startedAt: Date.UTC(2026, 10, 26) }, 'html')).toBe('calm-desk-session-late-birthday-parcel-2026-11-26.html');
  });
});
