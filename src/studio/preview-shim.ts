/**
 * A script the preview adds before the deck's own: the preview frame is an opaque-origin srcdoc document, where
 * history.replaceState (reveal's `hash: true`) throws. Both the studio's policy (built in Node) and the preview's
 * own policy allow it by hash; the saved deck does not carry it.
 */
export const PREVIEW_SHIM = 'history.replaceState=function(){};history.pushState=function(){};';

/** The preview's version of a deck page: the shim first in the head, then everything as saved. */
export function withPreviewShim(html: string): string {
  return html.replace(/<meta charset="utf-8"\s*\/?>/i, (charset) => `${charset}<script>${PREVIEW_SHIM}</script>`);
}
