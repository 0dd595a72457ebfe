/**
 * The one-file deck put together from its shell: the deck page as the build makes it for any speech (reveal.js,
 * the theme and the page code, bundled once), with the speech's slides, title, fonts and stamp filled in at
 * known places. The CLI fills a shell it keeps in its cache (node/page/shell.ts), the studio one it carries; both
 * add the policy last, from the page's final scripts. Pure.
 */
import type { Deck } from '../core/model.ts';
import { fillTemplate, render } from './html.ts';

/** Where the deck's @font-face rules go in the shell's style sheet. */
export const FONTS_MARKER = '/*speech-deck:fonts*/';

/** Where the hash of the speech goes in the deck's stamp (`<meta name="speech-deck-speech">`). */
export const SPEECH_MARKER = 'speech-deck:speech-sha256';

export interface DeckShell {
  shell: string;
  fontsMarker: string;
  speechMarker: string;
}

/**
 * The deck page for a deck, its @font-face rules (render/font-css.ts) and the hex hash its stamp records, without
 * its policy yet.
 */
export function fillShell(parts: DeckShell, deck: Deck, fontCss: string, speechHash: string): string {
  if (!parts.shell.includes(parts.fontsMarker)) throw new Error('the deck page has no place for its fonts');
  // Fonts and stamp first: the author's title, filled in next, could otherwise hold a marker's text.
  const shell = parts.shell.replace(parts.fontsMarker, () => fontCss).replace(parts.speechMarker, () => speechHash);
  return fillTemplate(shell, render(deck));
}
