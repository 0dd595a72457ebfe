/** Finding the studio's own elements in studio.html, which are always there once the page has loaded. */

/** The element `selector` names. */
export const $ = <T extends HTMLElement>(selector: string): T => document.querySelector<T>(selector)!;

/** The control that carries `data-action="<name>"`. */
export const action = <T extends HTMLElement>(name: string): T => $<T>(`[data-action="${name}"]`);
