/**
 * Shared overlay controls. Each is a native element (button, radio group, checkbox, range)
 * with a visible label that is also its accessible name. Listeners are registered through the
 * `Screen`, so they disappear with it.
 */
import { el, uniqueId } from './dom.ts';
import type { Screen } from './screen.ts';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet';

export interface ButtonOptions {
  variant?: ButtonVariant;
  /** Accessible name when it should differ from (extend) the visible text. */
  ariaLabel?: string;
  /** Keyboard shortcut shown to assistive tech, e.g. "1" or "Escape". */
  shortcut?: string;
  testId?: string;
  disabled?: boolean;
}

/** A real `<button>` with a label and a click handler. */
export function button(screen: Screen, label: string, onClick: () => void, options: ButtonOptions = {}): HTMLButtonElement {
  const node = el('button', { className: 'cd-button', attrs: { type: 'button' } }, label);
  node.dataset.variant = options.variant ?? 'secondary';
  if (options.ariaLabel) node.setAttribute('aria-label', options.ariaLabel);
  if (options.shortcut) node.setAttribute('aria-keyshortcuts', options.shortcut);
  if (options.testId) node.dataset.testid = options.testId;
  if (options.disabled) node.disabled = true;
  screen.listen(node, 'click', () => {
    if (!node.disabled) onClick();
  });
  return node;
}

export interface Choice<V extends string> {
  value: V;
  label: string;
}

/** A labelled group of radio buttons shown as a segmented control. Arrow keys move within it natively. */
export function segmented<V extends string>(
  screen: Screen,
  legend: string,
  choices: readonly Choice<V>[],
  selected: V,
  onChange: (value: V) => void,
  hint?: string,
): HTMLFieldSetElement {
  const name = uniqueId('seg');
  const hintId = hint ? uniqueId('hint') : undefined;
  const group = el('div', { className: 'cd-segmented' });
  for (const choice of choices) {
    const input = el('input', { attrs: { type: 'radio', name, value: choice.value } });
    input.checked = choice.value === selected;
    screen.listen(input, 'change', () => {
      if (input.checked) onChange(choice.value);
    });
    group.append(el('label', {}, input, el('span', {}, choice.label)));
  }
  const fieldset = el('fieldset', {}, el('legend', {}, legend), group);
  if (hint && hintId) {
    fieldset.setAttribute('aria-describedby', hintId);
    fieldset.append(el('p', { id: hintId, className: 'cd-hint' }, hint));
  }
  return fieldset;
}

/** A checkbox with its label (and an optional hint linked as its description). */
export function checkbox(
  screen: Screen,
  label: string,
  checked: boolean,
  onChange: (checked: boolean) => void,
  hint?: string,
): HTMLElement {
  const input = el('input', { attrs: { type: 'checkbox' } });
  input.checked = checked;
  screen.listen(input, 'change', () => onChange(input.checked));
  const text = el('span', {}, label);
  const wrapper = el('label', { className: 'cd-switch' }, input, text);
  if (!hint) return wrapper;
  const hintId = uniqueId('hint');
  input.setAttribute('aria-describedby', hintId);
  return el('div', {}, wrapper, el('p', { id: hintId, className: 'cd-hint' }, hint));
}

/** A labelled range input 0..100 with a live value read-out. */
export function slider(
  screen: Screen,
  label: string,
  value: number,
  onChange: (value: number) => void,
  format: (value: number) => string,
): HTMLElement {
  const id = uniqueId('range');
  const input = el('input', { id, attrs: { type: 'range', min: '0', max: '100', step: '5' } });
  input.value = String(value);
  input.setAttribute('aria-valuetext', format(value));
  const output = el('output', { attrs: { for: id } }, format(value));
  screen.listen(input, 'input', () => {
    const next = Number(input.value);
    output.textContent = format(next);
    input.setAttribute('aria-valuetext', format(next));
    onChange(next);
  });
  return el('div', { className: 'cd-slider' }, el('label', { attrs: { for: id } }, label), input, output);
}
