/**
 * The debrief as a readable document: headings, lists and real buttons in reading order, so a
 * screen reader (or a trainer on a projector) goes through it top to bottom. The mood plot is
 * filled in lazily into its figure.
 */
import type { DebriefView, DecisionView, RuinerView, VirtueView } from '../../presenter/debrief.ts';
import { portraitSvg } from '../../art/portraits.ts';
import { svgDataUri } from '../../art/svg.ts';
import { el } from '../ui/dom.ts';
import type { Screen } from '../ui/screen.ts';
import { button } from '../ui/widgets.ts';

export interface DebriefHandlers {
  replay(decisionIndex: number): void;
}

export interface DebriefDocument {
  /** The scrolling region (focusable, so arrow keys and Page Up/Down scroll it). */
  scroller: HTMLElement;
  heading: HTMLElement;
  /** Where the plot goes once its code has loaded. */
  plotSlot: HTMLElement;
  plotLabelId: string;
}

/** Build the debrief document into `screen`. */
export function debriefDocument(screen: Screen, view: DebriefView, handlers: DebriefHandlers): DebriefDocument {
  const heading = el('h1', { attrs: { tabindex: '-1' } }, view.heading, el('span', { className: 'cd-debrief-title' }, view.title));
  const plotLabelId = 'cd-debrief-plot-summary';
  const plotSlot = el('div', { className: 'cd-debrief-plot-slot' }, el('p', { className: 'cd-muted' }, view.mood.loading));
  const scroller = el(
    'div',
    { className: 'cd-debrief-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': view.heading }, data: { testid: 'debrief' } },
    heading,
    view.translationNote ? el('p', { className: 'cd-muted cd-debrief-translation', data: { testid: 'translation-note' } }, view.translationNote) : null,
    summary(view),
    el(
      'section',
      { className: 'cd-debrief-card', attrs: { 'aria-labelledby': 'cd-debrief-mood' } },
      el('h2', { id: 'cd-debrief-mood' }, view.mood.heading),
      el('p', { id: plotLabelId, className: 'cd-muted' }, view.mood.summary),
      plotSlot,
      view.mood.waitLegend ? el('p', { className: 'cd-debrief-plot-legend' }, view.mood.waitLegend) : null,
    ),
    el('div', { className: 'cd-debrief-two' }, virtues(view), ruiners(view)),
    el(
      'section',
      { className: 'cd-debrief-card', attrs: { 'aria-labelledby': 'cd-debrief-patience' } },
      el('h2', { id: 'cd-debrief-patience' }, view.patience.heading),
      el('ul', { className: 'cd-debrief-plain' }, ...view.patience.lines.map((line) => el('li', {}, line))),
    ),
    decisions(screen, view, handlers),
    el(
      'section',
      { className: 'cd-debrief-card cd-debrief-self', attrs: { 'aria-labelledby': 'cd-debrief-self' } },
      el('h2', { id: 'cd-debrief-self' }, view.selfAnalysis.heading),
      el('p', { className: 'cd-muted' }, view.selfAnalysis.intro),
      el(
        'ol',
        {},
        ...view.selfAnalysis.items.map((item) => el('li', {}, el('strong', { className: 'cd-debrief-question' }, item.question), el('p', { className: 'cd-debrief-answer' }, item.answer))),
      ),
    ),
  );
  return { scroller, heading, plotSlot, plotLabelId };
}

function summary(view: DebriefView): HTMLElement {
  const stars = view.satisfaction.stars;
  const starRow = el(
    'p',
    { className: 'cd-debrief-stars', attrs: { role: 'img', 'aria-label': view.satisfaction.starsText } },
    ...[1, 2, 3, 4, 5].map((n) => el('span', { attrs: { 'aria-hidden': 'true' }, data: { on: String(n <= stars) } }, '★')),
  );
  return el(
    'div',
    { className: 'cd-debrief-summary' },
    el(
      'section',
      { className: 'cd-debrief-card cd-debrief-score', data: { verdict: view.overall.verdictId, failed: String(view.autoFail !== null) } },
      el('h2', {}, view.overall.label),
      el('p', { className: 'cd-debrief-big', data: { testid: 'overall' } }, view.overall.valueText),
      el('p', { data: { testid: 'verdict' } }, view.overall.verdict),
    ),
    el(
      'section',
      { className: 'cd-debrief-card' },
      el('h2', {}, view.outcome.heading),
      el('p', { className: 'cd-debrief-outcome' }, view.outcome.label),
      el('p', { className: 'cd-muted' }, view.outcome.explanation),
    ),
    el(
      'section',
      { className: 'cd-debrief-card' },
      el('h2', {}, view.satisfaction.heading),
      starRow,
      el(
        'div',
        { className: 'cd-debrief-comment' },
        el('img', { className: 'cd-debrief-face', attrs: { src: faceUri(view.satisfaction.face), alt: view.satisfaction.face.label, width: '96', height: '115' } }),
        el('blockquote', { className: 'cd-debrief-quote', data: { testid: 'comment' } }, view.satisfaction.comment),
      ),
      view.satisfaction.capNote ? el('p', { className: 'cd-hint cd-debrief-capnote' }, view.satisfaction.capNote) : null,
    ),
    view.autoFail
      ? el(
          'section',
          { className: 'cd-debrief-fail', attrs: { role: 'note' }, data: { testid: 'auto-fail' } },
          el('h2', {}, view.autoFail.heading),
          el('p', {}, view.autoFail.reason),
        )
      : null,
    el(
      'section',
      { className: 'cd-debrief-card cd-debrief-notes', attrs: { 'aria-labelledby': 'cd-debrief-notes' }, data: { testid: 'score-notes' } },
      el('h2', { id: 'cd-debrief-notes' }, view.scoreNotes.heading),
      el('ul', {}, ...view.scoreNotes.lines.map((line) => el('li', {}, line))),
    ),
  );
}

/** The customer's face as it goes with the comment (a small portrait drawn from the same art as the conversation). */
function faceUri(face: DebriefView['satisfaction']['face']): string {
  return svgDataUri(portraitSvg(face.portrait, face.expression));
}

function virtues(view: DebriefView): HTMLElement {
  return el(
    'section',
    { className: 'cd-debrief-card', attrs: { 'aria-labelledby': 'cd-debrief-virtues' } },
    el('h2', { id: 'cd-debrief-virtues' }, view.virtues.heading),
    el('ul', { className: 'cd-debrief-plain cd-debrief-virtues' }, ...view.virtues.items.map(virtue)),
  );
}

function virtue(v: VirtueView): HTMLElement {
  return el(
    'li',
    {},
    el('div', { className: 'cd-debrief-row' }, el('strong', {}, v.name), el('span', {}, v.valueText)),
    el('div', { className: 'cd-debrief-bar', attrs: { 'aria-hidden': 'true' } }, el('span', { style: { width: `${v.score}%` } })),
    el('p', { className: 'cd-hint' }, v.hint),
  );
}

function ruiners(view: DebriefView): HTMLElement {
  return el(
    'section',
    { className: 'cd-debrief-card', attrs: { 'aria-labelledby': 'cd-debrief-ruiners' } },
    el('h2', { id: 'cd-debrief-ruiners' }, view.ruiners.heading),
    el('p', { className: 'cd-muted' }, view.ruiners.intro),
    el('ul', { className: 'cd-debrief-plain cd-debrief-ruiners' }, ...view.ruiners.items.map(ruiner)),
  );
}

function ruiner(r: RuinerView): HTMLElement {
  return el(
    'li',
    { data: { clean: String(r.count === 0), ruiner: r.id } },
    el('div', { className: 'cd-debrief-row' }, el('strong', {}, r.name), el('span', { className: 'cd-debrief-count' }, r.countText)),
    el('p', { className: 'cd-hint' }, r.whereText ? `${r.hint} ${capitalize(r.whereText)}.` : r.hint),
  );
}

function decisions(screen: Screen, view: DebriefView, handlers: DebriefHandlers): HTMLElement {
  return el(
    'section',
    { className: 'cd-debrief-decisions', attrs: { 'aria-labelledby': 'cd-debrief-decisions' } },
    el('h2', { id: 'cd-debrief-decisions' }, view.decisions.heading),
    view.decisions.empty ? el('p', {}, view.decisions.empty) : null,
    ...view.decisions.items.map((d) => decision(screen, d, view, handlers)),
  );
}

function decision(screen: Screen, d: DecisionView, view: DebriefView, handlers: DebriefHandlers): HTMLElement {
  const id = `cd-debrief-decision-${d.number}`;
  const labels = view.labels;
  return el(
    'article',
    { className: 'cd-debrief-card cd-debrief-decision', attrs: { 'aria-labelledby': id }, data: { verdict: d.verdict, testid: `decision-${d.number}` } },
    el('div', { className: 'cd-debrief-row' }, el('h3', { id }, d.heading), el('span', { className: 'cd-badge' }, d.moodText)),
    d.customerSaid
      ? el(
          'p',
          { className: 'cd-debrief-said' },
          el('span', { className: 'cd-debrief-who' }, view.customerName),
          d.customerAction ? el('span', { className: 'cd-debrief-action' }, `${d.customerAction} `) : null,
          d.customerSaid,
        )
      : null,
    d.youSaid
      ? el(
          'p',
          { className: 'cd-debrief-you' },
          el('span', { className: 'cd-debrief-who' }, labels.youSaid),
          d.youDid ? el('span', { className: 'cd-debrief-action', data: { testid: 'stage-direction' } }, `${d.youDid} `) : null,
          d.youSaid,
        )
      : el('p', { className: 'cd-debrief-you' }, d.silenceText ?? ''),
    d.interruptedText ? el('p', { className: 'cd-debrief-warn' }, d.interruptedText) : null,
    d.waitText ? el('p', { className: 'cd-debrief-warn', data: { testid: 'wait' } }, d.waitText) : null,
    d.good.length > 0 ? tagList(labels.tagsGood, d.good, 'good') : null,
    d.bad.length > 0 ? tagList(labels.tagsBad, d.bad, 'bad') : null,
    d.good.length === 0 && d.bad.length === 0 ? el('p', { className: 'cd-muted' }, labels.noTags) : null,
    ...d.notes.map((n) => el('p', { className: 'cd-debrief-note' }, n)),
    d.praise ? el('p', { className: 'cd-debrief-praise' }, d.praise) : null,
    d.feedback ? el('p', {}, el('strong', {}, `${labels.feedback}: `), d.feedback) : null,
    d.better
      ? el(
          'div',
          { className: 'cd-debrief-better' },
          el('h4', {}, d.better.heading),
          el('p', { className: 'cd-debrief-better-text' }, d.better.text),
          el('p', { className: 'cd-muted' }, d.better.why),
        )
      : null,
    button(screen, d.replayLabel, () => handlers.replay(d.index), { testId: `replay-${d.number}` }),
  );
}

function tagList(label: string, tags: readonly string[], tone: 'good' | 'bad'): HTMLElement {
  return el(
    'div',
    { className: 'cd-debrief-tags', data: { tone } },
    el('span', { className: 'cd-debrief-tags-label' }, `${label}:`),
    el('ul', { className: 'cd-debrief-chips' }, ...tags.map((tag) => el('li', {}, tag))),
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
