/**
 * The studio page: a Word or text file (or pasted text) in; the import report, the slides to check and a live
 * preview; the deck, the .pptx and the Markdown out. Everything runs here, offline: the same core and renderers
 * as the CLI, with fonts subset in a worker.
 *
 * Each concern of the page is one controller (loading, the report, editing, the preview, saving), made with the
 * shared state (state.ts) and what it uses, then bound once. A new version of the Markdown goes to the making
 * (making.ts); every controller hears of it, and of its deck once made, from the state alone.
 */
import '../../assets/studio.css';
import './look.ts';
import type { Deck } from '../core/model.ts';
import { say } from '../core/say.ts';
import { $ } from './dom.ts';
import { STATUS } from './messages.ts';
import { Editing } from './editing.ts';
import { Findings } from './findings.ts';
import { FontMaker, useCarriedFaceForPage } from './fonts.ts';
import { Loading } from './loading.ts';
import { Making } from './making.ts';
import { Preview } from './preview.ts';
import { Report } from './report.ts';
import { Saving } from './saving.ts';
import { StudioState, type Controller } from './state.ts';
import { Status } from './status.ts';

declare global {
  interface Window {
    /** The studio's state, for tests and the benchmark. */
    studio?: { state: () => string; markdown: () => string; deck: () => Deck | undefined };
  }
}

/** What the page needs of the browser; Chrome and Edge 109 have all of it. */
const NEEDS: Array<[string, () => boolean]> = [
  ['WebAssembly', () => typeof WebAssembly === 'object'],
  ['Worker', () => typeof Worker === 'function'],
  ['DecompressionStream', () => typeof DecompressionStream === 'function'],
  ['CompressionStream', () => typeof CompressionStream === 'function'],
  ['crypto.subtle', () => typeof crypto === 'object' && typeof crypto.subtle?.digest === 'function'],
  ['Intl.Segmenter', () => typeof Intl === 'object' && 'Segmenter' in Intl],
];

const lacking = NEEDS.filter(([, has]) => !has()).map(([name]) => name);
if (lacking.length) {
  $('#unsupported-detail').textContent = say(STATUS.lacking, { names: lacking.join(', ') });
} else {
  start();
}

function start(): void {
  $('#unsupported').hidden = true;
  $('#loading').hidden = true;
  $('#studio').hidden = false;

  useCarriedFaceForPage();
  const fonts = new FontMaker();
  const state = new StudioState();
  const status = new Status();
  const making = new Making(state, status, fonts);
  const controllers: Controller[] = [
    new Loading(state, status, making),
    new Report(state),
    new Findings(state),
    new Editing(state, making, status),
    new Preview(state),
    new Saving(state, status, fonts),
  ];
  for (const controller of controllers) controller.bind();
  window.studio = { state: () => status.phase, markdown: () => state.markdown, deck: () => state.deck };
}
