/**
 * A strict little well-formedness check for the generated SVG (Node has no DOMParser):
 * tags balance, attributes are quoted, entities are known, and nothing sits outside the root.
 */
export function XMLValidator(xml: string): boolean {
  const stack: string[] = [];
  const token = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g;
  let index = 0;
  let rootClosed = false;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    if (m.index !== index) return false;
    index = token.lastIndex;
    const [, closing, name, , selfClosing, text] = m;
    if (text !== undefined) {
      if (stack.length === 0 || /&(?!(amp|lt|gt|quot|apos);)/.test(text)) return false;
      continue;
    }
    if (rootClosed) return false;
    if (closing) {
      if (stack.pop() !== name) return false;
      if (stack.length === 0) rootClosed = true;
    } else if (!selfClosing) stack.push(name!);
    else if (stack.length === 0) rootClosed = true;
  }
  return index === xml.length && stack.length === 0 && rootClosed;
}
