/**
 * Builds elements in another window's document. The speaker view is a same-origin about:blank window
 * that runs no script of its own: the deck's code creates and drives its DOM from here, which the
 * deck's hash-only Content-Security-Policy allows without a further hash.
 */

type Child = Node | string | false | null | undefined;

/** An element of `doc` with a class, attributes and children (text children are set as text, never parsed). */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  // No instanceof here: nodes of the other window belong to its own realm's classes.
  element.append(...children.filter((c): c is Node | string => typeof c === 'string' || (typeof c === 'object' && c !== null)));
  return element;
}

/** A button that acts on click and gives the keyboard focus straight back, so Space never presses it again. */
export function button(doc: Document, attrs: Record<string, string>, label: string, action: () => void): HTMLButtonElement {
  // The label's words are spans (see `words`); its name for screen readers keeps the spaces.
  const b = el(doc, 'button', { type: 'button', 'aria-label': label, ...attrs }, ...words(doc, label));
  // Kept from taking focus: keys typed in the speaker view always reach its key handler.
  b.addEventListener('mousedown', (event) => event.preventDefault());
  b.addEventListener('click', () => {
    action();
    b.blur();
  });
  return b;
}

/**
 * A label's words as spans, spaced by CSS (`.w + .w`) rather than by space characters. The embedded
 * fonts are subset to what the deck draws, and a space is drawn by whatever font the PC has; words in
 * spans keep every glyph of the view in the embedded faces.
 */
export function words(doc: Document, text: string): HTMLElement[] {
  return text
    .split(' ')
    .filter(Boolean)
    .map((word) => el(doc, 'span', { class: 'w' }, word));
}

/** Sets an element's label as words (see `words`), only when it changed, so a tick costs no layout when nothing moved. */
export function setWords(element: HTMLElement, text: string): void {
  if (element.dataset.text === text) return;
  element.dataset.text = text;
  element.replaceChildren(...words(element.ownerDocument, text));
}
