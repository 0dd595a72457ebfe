/** Finding the studio's own elements in studio.html, which are always there once the page has loaded. */

/** The element `selector` names. */
export const $ = <T extends HTMLElement>(selector: string): T => document.querySelector<T>(selector)!;

/** The control that carries `data-action="<name>"`. */
export const action = <T extends HTMLElement>(name: string): T => $<T>(`[data-action="${name}"]`);

/**
 * Puts `text`, said as `中文 · English`, into `element` as text: the Chinese first, the English after it in a
 * `.en` span, secondary. Text without the separator, or of several lines, goes in whole.
 */
export function showSaid(element: HTMLElement, text: string): void {
  const at = text.indexOf(' · ');
  if (at < 0 || text.includes('\n')) {
    element.textContent = text;
    return;
  }
  const en = document.createElement('span');
  en.className = 'en';
  en.textContent = text.slice(at);
  element.replaceChildren(text.slice(0, at), en);
}
