/**
 * Small DOM builders for overlay screens. Text is always set through `textContent`, never
 * `innerHTML`, so scenario text can never inject markup.
 *
 * ```ts
 * el('p', { className: 'cd-muted' }, t('select.intro'))
 * ```
 */
export interface ElProps {
  className?: string;
  id?: string;
  /** Attributes such as `aria-describedby` or `role`. */
  attrs?: Record<string, string>;
  /** `data-*` values, e.g. `{ testid: 'play' }` → `data-testid="play"`. */
  data?: Record<string, string>;
  style?: Partial<CSSStyleDeclaration>;
}

/** Create an element with props and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElProps = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const [name, value] of Object.entries(props.data ?? {})) node.dataset[name] = value;
  if (props.style) Object.assign(node.style, props.style);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

let nextId = 0;
/** A page-unique id for label/description links. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
