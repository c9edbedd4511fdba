/**
 * The "Learning records (xAPI)" section of the Settings screen: the LRS address and credentials,
 * the learner, the pass mark and the activity base, a "Send a test statement" button with its
 * result, the queue's state and the statements the LRS refused. Each field saves when it is left
 * (or on Enter) if its value is valid; an invalid one shows why and is not saved.
 *
 * Esc in a field leaves Settings like everywhere else on the screen, after saving what was typed
 * (as leaving the field would). When what was typed is invalid, the first Esc stays: the field
 * shows why and the status line says a second Esc leaves without it, so an edit is never dropped
 * silently.
 */
import { checkActivityBase, checkEndpoint, isEmail } from '../../records/xapi/launch.ts';
import { recordsStatusLine } from '../../presenter/settings.ts';
import type { RecordsSettings } from '../../storage/recordsDefaults.ts';
import type { Services } from '../services.ts';
import { el, uniqueId } from '../ui/dom.ts';
import type { Screen } from '../ui/screen.ts';
import { button } from '../ui/widgets.ts';
import { learningRecords } from './index.ts';
import type { SenderStatus, XapiSender } from './xapiSender.ts';
import './records.css';

type Field = keyof RecordsSettings;

interface FieldSpec {
  key: Field;
  label: Parameters<Services['t']>[0];
  hint?: Parameters<Services['t']>[0];
  type: 'url' | 'text' | 'password' | 'email' | 'number';
  autocomplete: string;
  /** The value to save, or null when invalid (then `error` is shown). */
  parse(raw: string): RecordsSettings[Field] | null;
  error?: Parameters<Services['t']>[0];
}

const FIELDS: FieldSpec[] = [
  { key: 'endpoint', label: 'records.endpoint', hint: 'records.endpointHint', type: 'url', autocomplete: 'off', error: 'records.invalidEndpoint', parse: (raw) => (raw.trim() === '' ? '' : checkEndpoint(raw).ok ? raw.trim() : null) },
  { key: 'username', label: 'records.username', type: 'text', autocomplete: 'off', parse: (raw) => raw.trim() },
  { key: 'secret', label: 'records.secret', type: 'password', autocomplete: 'new-password', parse: (raw) => raw },
  { key: 'actorName', label: 'records.actorName', type: 'text', autocomplete: 'off', parse: (raw) => raw.trim() },
  { key: 'actorEmail', label: 'records.actorEmail', type: 'email', autocomplete: 'off', error: 'records.invalidEmail', parse: (raw) => (raw.trim() === '' || isEmail(raw) ? raw.trim() : null) },
  {
    key: 'passMark',
    label: 'records.passMark',
    hint: 'records.passMarkHint',
    type: 'number',
    autocomplete: 'off',
    error: 'records.invalidPassMark',
    parse: (raw) => (/^\s*\d{1,3}\s*$/.test(raw) && Number(raw) <= 100 ? Number(raw) : null),
  },
  { key: 'activityBase', label: 'records.activityBase', hint: 'records.activityBaseHint', type: 'url', autocomplete: 'off', error: 'records.invalidBase', parse: (raw) => (checkActivityBase(raw).ok ? raw.trim() : null) },
];

/** The section, spanning the Settings screen's width; `status` is the screen's "Saved." line. */
export function recordsSection(screen: Screen, s: Services, status: HTMLElement): HTMLElement {
  const t = s.t;
  const launchNote = el('p', { className: 'cd-records-note', attrs: { hidden: '' } });
  const fields = el('div', { className: 'cd-records-fields' }, ...FIELDS.map((spec) => textField(screen, s, spec, status)));
  const testResult = el('p', { className: 'cd-hint cd-records-test', attrs: { role: 'status', 'aria-live': 'polite' } });
  const queueLine = el('p', { className: 'cd-records-queue', data: { testid: 'xapi-queue' } });
  const rejected = el('div', { className: 'cd-records-rejected' });
  const quarantine = el('p', { className: 'cd-records-note', attrs: { hidden: '' } });
  let sender: XapiSender | null = null;

  const time = (d: Date) => new Intl.DateTimeFormat(s.i18n.language, { hour: '2-digit', minute: '2-digit' }).format(d);
  const render = (st: SenderStatus) => {
    const cfg = st.config;
    queueLine.textContent = recordsStatusLine({ config: cfg, ...st.queue }, t, time);
    launchNote.hidden = !(cfg.kind === 'ready' && cfg.source === 'launch') && !(cfg.kind === 'incomplete' && cfg.missing === 'launch');
    if (cfg.kind === 'ready' && cfg.source === 'launch') launchNote.textContent = t('records.launched', { host: cfg.host });
    else if (cfg.kind === 'incomplete' && cfg.missing === 'launch') launchNote.textContent = t('records.launchInvalid', { problems: cfg.problems.join('; ') });
    quarantine.hidden = st.quarantinedKey === null;
    if (st.quarantinedKey) quarantine.textContent = t('records.quarantined', { key: st.quarantinedKey });
    renderRejected(st);
  };
  const renderRejected = (st: SenderStatus) => {
    const list = st.queue.rejected;
    rejected.replaceChildren();
    if (list.length === 0) return;
    const shown = list.slice(-5).reverse();
    rejected.append(
      el('p', {}, t('records.rejected', { count: list.length })),
      el(
        'ul',
        {},
        ...shown.map((r) =>
          el('li', {}, t('records.rejectedItem', { time: time(new Date(r.rejectedAt)), what: describe(r.statement), reason: `HTTP ${r.status}${r.reason ? ` ${r.reason}` : ''}` })),
        ),
      ),
      ...(list.length > shown.length ? [el('p', { className: 'cd-hint' }, t('records.rejectedMore', { count: list.length - shown.length }))] : []),
      button(screen, t('records.clearRejected'), () => sender?.clearRejected(), { testId: 'xapi-clear-rejected' }),
    );
  };

  let testing = false;
  const testButton = button(
    screen,
    t('records.sendTest'),
    () => {
      if (!sender || testing) return;
      testing = true;
      testButton.setAttribute('aria-disabled', 'true');
      testResult.textContent = t('records.testSending');
      void sender
        .sendTest()
        .then((outcome) => {
          if (outcome.kind === 'not-ready') testResult.textContent = t('records.testNotReady');
          else if (outcome.kind === 'ok') testResult.textContent = t('records.testOk', { time: time(outcome.at) });
          else if (outcome.kind === 'refused') testResult.textContent = t('records.testRefused', { reason: outcome.reason });
          else testResult.textContent = t('records.testUnreachable', { reason: outcome.reason });
        })
        .finally(() => {
          testing = false;
          testButton.removeAttribute('aria-disabled');
        });
    },
    { testId: 'xapi-test' },
  );

  const pending = learningRecords();
  void pending?.then((x) => {
    if (screen.disposed) return;
    sender = x;
    render(x.status());
    const off = x.onChange(render);
    screen.onDispose(off);
  });

  return el(
    'section',
    { className: 'cd-settings-group cd-records', attrs: { 'aria-label': t('records.heading') } },
    el('h2', {}, t('records.heading')),
    el('p', { className: 'cd-hint' }, t('records.intro')),
    launchNote,
    fields,
    el('p', { className: 'cd-hint' }, t('records.privacy')),
    el('div', { className: 'cd-settings-actions' }, testButton),
    testResult,
    queueLine,
    quarantine,
    rejected,
  );
}

function textField(screen: Screen, s: Services, spec: FieldSpec, status: HTMLElement): HTMLElement {
  const t = s.t;
  const id = uniqueId('records');
  const input = el('input', { id, className: 'cd-input', attrs: { type: spec.type, autocomplete: spec.autocomplete, spellcheck: 'false' }, data: { field: spec.key } });
  if (spec.type === 'number') {
    input.setAttribute('min', '0');
    input.setAttribute('max', '100');
    input.setAttribute('step', '1');
    input.setAttribute('inputmode', 'numeric');
  }
  input.value = String(s.settings().records[spec.key]);
  const describedBy: string[] = [];
  const hint = spec.hint ? el('p', { id: `${id}-hint`, className: 'cd-hint' }, t(spec.hint)) : null;
  if (hint) describedBy.push(hint.id);
  const error = el('p', { id: `${id}-error`, className: 'cd-records-error', attrs: { hidden: '' } });
  describedBy.push(error.id);
  input.setAttribute('aria-describedby', describedBy.join(' '));
  /** Saves a valid value; returns false (and shows why) when the value is invalid. */
  const commit = (): boolean => {
    const value = spec.parse(input.value);
    if (value === null) {
      input.setAttribute('aria-invalid', 'true');
      error.textContent = spec.error ? t(spec.error) : '';
      error.hidden = false;
      return false;
    }
    input.removeAttribute('aria-invalid');
    error.hidden = true;
    if (value === s.settings().records[spec.key]) return true;
    const ok = s.updateSettings({ records: { ...s.settings().records, [spec.key]: value } });
    status.textContent = ok ? t('settings.saved') : t('settings.notSaved');
    return true;
  };
  // The invalid text the trainee was last warned about on Esc: a second Esc on it leaves without it.
  let warnedAbout: string | null = null;
  screen.listen(input, 'change', () => void commit());
  screen.listen(input, 'keydown', (event) => {
    const e = event as KeyboardEvent;
    if (e.key === 'Enter') commit();
    if (e.key !== 'Escape' || e.repeat) return;
    if (commit() || warnedAbout === input.value) return; // the screen's Esc then goes back
    warnedAbout = input.value;
    status.textContent = t('records.escInvalid', { field: t(spec.label) });
    e.preventDefault(); // stay on Settings
  });
  return el('div', { className: 'cd-records-field' }, el('label', { attrs: { for: id } }, t(spec.label)), input, hint, error);
}

/** "responded · kettle-returned-twice" from a statement, for the refused list. */
function describe(statement: { verb?: { display?: Record<string, string> }; object?: { id?: string } }): string {
  const verb = Object.values(statement.verb?.display ?? {})[0] ?? 'statement';
  const object = statement.object?.id ?? '';
  const tail = object.split(/[/#:]/).filter(Boolean).slice(-1)[0] ?? object;
  return `${verb} · ${decodeURIComponent(tail)}`;
}
