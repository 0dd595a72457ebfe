import { SPEAKER_LAYOUTS, SPEAKER_VIEW_LABELS } from '../core/labels.ts';

/** The window name reveal's notes plugin gives the speaker view. */
const SPEAKER_WINDOW = 'reveal.js - Notes';

// Larger, airier notes: the speaker reads the full text from them at arm's length.
const SPEAKER_STYLE = `
body { font-family: 'Noto Sans SC', sans-serif; }
.speaker-controls-notes .value { font-size: 1.45em; line-height: 1.75; }
.speaker-controls-notes .value p { margin: 0 0 0.8em; }
.nobr { white-space: nowrap; }
`;

/**
 * Gives reveal's speaker view the deck's embedded fonts and Chinese labels. The notes plugin writes
 * that page into a new window of its own, which sees none of the deck's styles, so without this its
 * Chinese text would depend on the fonts of the PC it runs on.
 */
export function dressSpeakerView(): void {
  const open = window.open.bind(window);
  window.open = (...args: Parameters<typeof window.open>) => {
    if (args[1] === SPEAKER_WINDOW) preferTallLayout();
    const popup = open(...args);
    // The plugin writes the page right after opening; dress it once that has run.
    if (popup && args[1] === SPEAKER_WINDOW) queueMicrotask(() => dress(popup.document));
    return popup;
  };
}

const LAYOUT_KEY = 'reveal-speaker-layout';
const NOTES_MAX_PX = 34;
const NOTES_MIN_PX = 16;

/** The tall layout gives the notes the window's full height; a layout the speaker chose is kept. */
function preferTallLayout(): void {
  try {
    if (!localStorage.getItem(LAYOUT_KEY)) localStorage.setItem(LAYOUT_KEY, 'tall');
  } catch {
    // Without storage the speaker view falls back to its default layout.
  }
}

/** Sizes the notes so that the current slide's whole text shows without scrolling, as large as that allows. */
function fitNotes(doc: Document): void {
  const panel = doc.querySelector<HTMLElement>('#speaker-controls');
  const notes = doc.querySelector<HTMLElement>('.speaker-controls-notes .value');
  if (!panel || !notes) return;
  const fit = () => {
    let size = NOTES_MAX_PX;
    notes.style.fontSize = `${size}px`;
    while (panel.scrollHeight > panel.clientHeight + 1 && size > NOTES_MIN_PX) notes.style.fontSize = `${--size}px`;
  };
  new MutationObserver(fit).observe(notes, { childList: true, characterData: true, subtree: true });
  doc.defaultView?.addEventListener('resize', fit);
  fit();
}

function dress(doc: Document): void {
  const style = doc.createElement('style');
  style.textContent = `${fontFaceRules().join('\n')}\n${SPEAKER_STYLE}`;
  doc.head.append(style);
  for (const [selector, text] of SPEAKER_VIEW_LABELS) {
    const label = doc.querySelector(selector);
    const words = label && [...label.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.nodeValue?.trim());
    if (words) words.nodeValue = `${text} `;
  }
  translateLayouts(doc);
  fitNotes(doc);
  keepClock24(doc);
}

/**
 * The clock on the 24-hour dial offices use (14:05, not 02:05 PM). reveal's speaker view writes it in US
 * style every second, so each time it does, the time is written again; nothing else of the view changes.
 */
function keepClock24(doc: Document): void {
  const clock = doc.querySelector('.clock-value');
  if (!clock) return;
  const update = () => {
    if (!/[AP]M/i.test(clock.textContent ?? '')) return;
    const now = new Date();
    clock.textContent = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
  };
  new MutationObserver(update).observe(clock, { childList: true, characterData: true, subtree: true });
  update();
}

/** The layout menu in Chinese; reveal rewrites its label on every change, so it is watched. */
function translateLayouts(doc: Document): void {
  const translate = (text: string) =>
    text.replace(/Layout: ?/, `${SPEAKER_LAYOUTS.Layout}：`).replace(/Notes only|Default|Wide|Tall/g, (word) => SPEAKER_LAYOUTS[word] ?? word);
  for (const option of doc.querySelectorAll('.speaker-layout-dropdown option')) option.textContent = translate(option.textContent ?? '');
  const label = doc.querySelector('.speaker-layout-label');
  if (!label) return;
  const update = () => {
    const text = translate(label.textContent ?? '');
    if (text !== label.textContent) label.textContent = text;
  };
  new MutationObserver(update).observe(label, { childList: true, characterData: true, subtree: true });
  update();
}

/** The deck's @font-face rules, which carry the embedded fonts as data: URIs. */
function fontFaceRules(): string[] {
  return [...document.styleSheets].flatMap((sheet) =>
    [...sheet.cssRules].filter((rule) => rule instanceof CSSFontFaceRule).map((rule) => rule.cssText),
  );
}
