import type { RevealApi, RevealPlugin } from 'reveal.js';

/**
 * Alt+click (Ctrl+click on Linux, where Alt+click moves windows) shows the slide twice as large around the point
 * clicked, for a detail of a picture or a chart; the same click, or the next slide, goes back. In place of
 * reveal's zoom plugin, at a tenth of its size; `<html class="zoomed">` while zoomed, as there.
 */
export function Zoom(): RevealPlugin {
  return { id: 'zoom', init };
}

function init(deck: RevealApi): void {
  const stage = deck.getRevealElement()!;
  const modifier = /Linux/.test(navigator.platform) ? 'ctrlKey' : 'altKey';
  const set = (event?: MouseEvent) => {
    document.documentElement.classList.toggle('zoomed', !!event);
    stage.style.transformOrigin = event ? `${event.clientX}px ${event.clientY}px` : '';
    stage.style.transform = event ? 'scale(2)' : '';
  };
  stage.addEventListener('mousedown', (event) => {
    if (!event[modifier]) return;
    event.preventDefault();
    set(document.documentElement.classList.contains('zoomed') ? undefined : event);
  });
  deck.on('slidechanged', () => set());
}
