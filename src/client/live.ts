/**
 * `npm start` only: the open deck follows the speech file. A good save replaces the slides in place and keeps
 * the slide being shown (by its id, as long as it still exists); a save with errors, or a missing file, leaves
 * the deck as it was and shows what is wrong over it until the next good save.
 */
import type Reveal from 'reveal.js';
import { HELLO_EVENT, STATUS_EVENT, UPDATE_EVENT, type LiveStatus, type LiveUpdate } from '../core/live.ts';
import { say } from '../core/say.ts';
import { LIVE } from './messages.ts';

type RevealApi = typeof Reveal;

const OVERLAY_ID = 'speech-deck-problems';

/** Starts following the dev server's updates; `refit` fits freshly inserted slides before reveal sees them. */
export function followSaves(hot: NonNullable<ImportMeta['hot']>, deck: RevealApi, refit: () => Promise<unknown>): void {
  // The slide the presenter chose. An update that removes it moves the deck elsewhere, but a later update that
  // brings it back returns to it, so fixing a mistake never loses one's place. Reveal reports the moves an update
  // makes (some of them later, through the address bar); only a move to another slide is the presenter's choice.
  let chosen = deck.getCurrentSlide()?.id;
  let landed: string | undefined;
  deck.on('slidechanged', () => {
    const id = deck.getCurrentSlide()?.id;
    if (id === landed) return;
    chosen = id;
    landed = undefined;
  });

  hot.on(UPDATE_EVENT, async ({ slides }: LiveUpdate) => {
    const { h, v } = deck.getIndices();
    document.querySelector('.reveal .slides')!.innerHTML = slides;
    await refit();
    const same = chosen ? document.getElementById(chosen) : null;
    landed = same ? chosen : (deck.getSlide(h, v) ?? deck.getSlides().at(-1))?.id;
    deck.sync();
    const target = same ? deck.getIndices(same) : { h, v };
    deck.slide(target.h, target.v);
    landed = deck.getCurrentSlide()?.id;
  });
  hot.on(STATUS_EVENT, showStatus);
  // The status may have been sent before this page was listening, and a reloaded page has missed it.
  hot.send(HELLO_EVENT, {});
}

/** Shows what is wrong with the speech file over the deck, or removes the notice when all is well. */
export function showStatus(status: LiveStatus): void {
  document.getElementById(OVERLAY_ID)?.remove();
  if (!status.missing && !status.problems.length) return;
  const box = document.createElement('div');
  box.id = OVERLAY_ID;
  box.setAttribute('role', 'alert');
  Object.assign(box.style, {
    position: 'fixed',
    left: '2vw',
    right: '2vw',
    bottom: '2vh',
    maxHeight: '60vh',
    overflow: 'auto',
    zIndex: '1000',
    padding: '16px 20px',
    borderRadius: '8px',
    background: 'rgba(120, 16, 16, 0.94)',
    color: '#fff',
    font: '18px/1.5 system-ui, "Noto Sans SC", sans-serif',
    boxShadow: '0 4px 24px rgba(0, 0, 0, 0.4)',
  } satisfies Partial<CSSStyleDeclaration>);
  const title = document.createElement('strong');
  title.textContent = status.missing ? say(LIVE.missing, { file: status.file }) : say(LIVE.hasErrors);
  box.append(title);
  if (status.problems.length) {
    const list = document.createElement('pre');
    Object.assign(list.style, { margin: '8px 0 0', whiteSpace: 'pre-wrap', font: 'inherit' });
    // Text only: a message may quote the author's words, which must never become markup.
    list.textContent = status.problems.join('\n');
    box.append(list);
  }
  document.body.append(box);
}
