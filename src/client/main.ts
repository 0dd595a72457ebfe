import Reveal from 'reveal.js';
import 'reveal.js/reset.css';
import 'reveal.js/reveal.css';
import 'virtual:speech-deck/fonts.css';
import './theme/theme.css';
import { Find } from './find.ts';
import { PrintView } from './print-view.ts';
import { Zoom } from './zoom.ts';
import { SpeakerView } from './speaker/index.ts';
import { contentSlides, Fit, fitSlides } from './fit.ts';
import { followSaves } from './live.ts';

declare global {
  interface Window {
    /** The running deck, for the PDF exporter and tests. */
    deck?: typeof Reveal;
  }
}

Reveal.initialize({
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
  // Never the scroll view, even in a narrow window, and no help overlay (in English; README lists the keys):
  // their styles are cut from the file (src/node/trim-reveal-css.ts).
  scrollActivationWidth: 0,
  help: false,
  // Every feature of the page is a plugin, set up in this order before reveal lays the deck out: fitting first
  // (no slide is ever shown or printed unfitted), then finding (Ctrl+Shift+F), zooming (Alt+click), the print
  // view (E) and the speaker view (S). The last three replace reveal's search, zoom and notes plugins with
  // smaller ones of our own, which keeps the file within its size.
  plugins: [Fit(), Find(), Zoom(), PrintView(), SpeakerView()],
});
window.deck = Reveal;

// `npm start` sends freshly rendered slides when the speech is saved, and says when the file has errors.
if (import.meta.hot) followSaves(import.meta.hot, Reveal, () => fitSlides(contentSlides()));
