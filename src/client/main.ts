import Reveal from 'reveal.js';
import 'reveal.js/reset.css';
import 'reveal.js/reveal.css';
import 'virtual:speech-deck/fonts.css';
import '../../assets/theme.css';
import { Backgrounds } from './backgrounds.ts';
import { Find } from './find.ts';
import { PrintView } from './print-view.ts';
import { Zoom } from './zoom.ts';
import { SpeakerView } from './speaker/index.ts';
import { contentSlides, Fit, fitSlides } from './fit.ts';
import { followSaves } from './live.ts';
import { showOpeningSlide, STAGE } from './opening.ts';

declare global {
  interface Window {
    /** The running deck, for the PDF exporter and tests. */
    deck?: typeof Reveal;
  }
}

// The opening slide is on screen, fitted, before reveal starts; reveal then takes it over where it is.
void showOpeningSlide().then(() => {
  Reveal.initialize({
    hash: true,
    slideNumber: 'c/t',
    progress: true,
    ...STAGE,
    center: false,
    // A clicker may send arrow keys or PageUp/PageDown: both walk every slide in speech order.
    navigationMode: 'linear',
    transition: 'slide',
    pdfSeparateFragments: false,
    // Never the scroll view, even in a narrow window, and no help overlay (in English; README lists the keys):
    // their styles are cut from the file (src/node/page/trim-reveal-css.ts).
    scrollActivationWidth: 0,
    help: false,
    // Every feature of the page is a plugin, set up in this order before reveal lays the deck out: the slides'
    // background colour (which spares reveal a style recalculation per slide), fitting (no slide is ever shown or
    // printed unfitted), finding (Ctrl+Shift+F), zooming (Alt+click), the print view (E) and the speaker view (S).
    // Finding, zooming and the speaker view are our own, smaller than reveal's search, zoom and notes plugins.
    plugins: [Backgrounds(), Fit(), Find(), Zoom(), PrintView(), SpeakerView()],
  });
  window.deck = Reveal;
  // reveal has laid the deck out: the opening slide's placement before it (theme.css, `deck-opening`) has done its work.
  Reveal.on('ready', () => document.documentElement.classList.remove('deck-opening', 'deck-at-title'));
});

// `npm start` sends freshly rendered slides when the speech is saved, and says when the file has errors.
if (import.meta.hot) followSaves(import.meta.hot, Reveal, () => fitSlides(contentSlides()));
