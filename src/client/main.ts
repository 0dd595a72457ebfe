import Reveal, { type RevealConfig } from 'reveal.js';
import Search from 'reveal.js/plugin/search';
import Zoom from 'reveal.js/plugin/zoom';
import 'reveal.js/reset.css';
import 'reveal.js/reveal.css';
import 'virtual:speech-deck/fonts.css';
import './theme/theme.css';
import './print-view.ts';
import { dressSpeakerView } from './speaker-view.ts';
import { contentSlides, fitSlides } from './fit.ts';
import { followSaves } from './live.ts';

declare global {
  interface Window {
    /** The running deck, for the PDF exporter and tests. */
    deck?: typeof Reveal;
  }
}

// Every slide carries data-timing; a default only turns the speaker view's pacing timer on.
// reveal's types allow only null here, though the speaker view reads a number of seconds.
const pacing = { defaultTiming: 10 } as unknown as RevealConfig;

dressSpeakerView();
// Every slide is fitted before reveal starts, with its fonts loaded, so that none is ever shown or printed unfitted.
await fitSlides(contentSlides());

Reveal.initialize({
  ...pacing,
  hash: true,
  slideNumber: 'c/t',
  progress: true,
  width: 1920,
  height: 1080,
  margin: 0.04,
  center: false,
  // A clicker may send arrow keys or PageUp/PageDown: both walk every slide in speech order.
  navigationMode: 'linear',
  transition: 'slide',
  pdfSeparateFragments: false,
  plugins: [Search, Zoom],
});
window.deck = Reveal;

// The speaker-view plugin carries a Markdown parser that takes a while to set up; it is needed only once S is pressed.
Reveal.on('ready', () => void import('reveal.js/plugin/notes').then(({ default: Notes }) => Reveal.registerPlugin(Notes())));

// `npm start` sends freshly rendered slides when the speech is saved, and says when the file has errors.
if (import.meta.hot) followSaves(import.meta.hot, Reveal, () => fitSlides(contentSlides()));
