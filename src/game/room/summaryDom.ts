/** The summary pages on the projector: paths and score, vote splits, one self-analysis question per page. */
import type { RoomSummaryPage, RoomSummaryView } from '../../presenter/roomSummary.ts';
import { el } from '../ui/dom.ts';

export function renderSummaryPage(container: HTMLElement, view: RoomSummaryView, index: number): void {
  const page = view.pages[Math.min(index, view.pages.length - 1)];
  if (!page) return;
  container.dataset.page = page.kind;
  const foot = el('p', { className: 'cd-room-page' }, el('span', {}, view.pageLabel(index)), el('span', {}, view.keysHint));
  container.replaceChildren(...pageContent(page), foot);
}

function bar(letter: string, fraction: number, count: string, chosen: boolean): HTMLElement {
  return el(
    'span',
    { className: 'cd-room-bar', attrs: { 'aria-label': `${letter}: ${count}${chosen ? ' ★' : ''}` } },
    el('strong', { attrs: { 'aria-hidden': 'true' } }, chosen ? `${letter}★` : letter),
    el('span', { className: 'cd-room-bar-track', attrs: { 'aria-hidden': 'true' } }, el('div', { className: 'cd-room-bar-fill', style: { width: `${Math.round(fraction * 100)}%` } })),
    el('span', { className: 'cd-room-bar-count', attrs: { 'aria-hidden': 'true' } }, count.replace(/\D+/g, '') || '0'),
  );
}

function pageContent(page: RoomSummaryPage): HTMLElement[] {
  if (page.kind === 'overview') {
    const table = el(
      'table',
      { className: 'cd-room-paths' },
      el('thead', {}, el('tr', {}, el('th', { attrs: { scope: 'col' } }, '#'), el('th', { attrs: { scope: 'col' } }, page.classHeading), el('th', { attrs: { scope: 'col' } }, page.bestHeading))),
      el('tbody', {}, ...page.rows.map((r) => el('tr', { data: { same: String(r.same) } }, el('td', {}, String(r.number)), el('td', {}, el('div', {}, r.classText)), el('td', {}, el('div', {}, r.bestText))))),
    );
    const side = el(
      'div',
      {},
      el('p', { className: 'cd-room-score', data: { testid: 'room-score' } }, page.scoreText),
      el('p', {}, page.verdictText),
      page.outcomeText ? el('p', {}, page.outcomeText) : null,
      page.bestScoreText ? el('p', {}, page.bestScoreText) : null,
      el('h2', {}, page.ruinersHeading),
      page.ruinersNone ? el('p', {}, page.ruinersNone) : el('ul', { className: 'cd-room-marks', data: { tone: 'bad' } }, ...page.ruiners.map((r) => el('li', {}, `${r.name}: ${r.countText}`))),
    );
    return [el('h1', {}, page.heading), el('div', { className: 'cd-room-overview' }, el('div', {}, table), side)];
  }
  if (page.kind === 'votes') {
    return [
      el('h1', {}, page.heading),
      page.empty
        ? el('p', {}, page.empty)
        : el(
            'div',
            { className: 'cd-room-votes' },
            ...page.decisions.map((d) =>
              el('div', { className: 'cd-room-vote-row' }, el('h2', {}, d.heading), ...d.rows.map((r) => bar(r.letter, r.fraction, r.countText, r.chosen))),
            ),
          ),
    ];
  }
  return [
    el('h1', {}, page.heading),
    el('p', { className: 'cd-room-question' }, page.question),
    el('p', { className: 'cd-room-answer' }, page.answer),
    el('p', { className: 'cd-room-foot' }, page.prompt),
  ];
}
