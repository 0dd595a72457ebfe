import type { Deck, Slide } from './model.ts';

/** Seconds given to a slide with nothing to say (title, agenda), so the pacing timer still moves on. */
export const SILENT_SLIDE_SECONDS = 10;

const SPOKEN = /[\p{L}\p{N}]/gu;

/** Characters that are read aloud: letters and digits of any script, not punctuation or spaces. */
export function spokenCharacters(text: string): number {
  return text.match(SPOKEN)?.length ?? 0;
}

/** Seconds a slide's notes take at `rate` characters a minute, for reveal's `data-timing`. */
export function slideSeconds(slide: Slide, rate: number): number {
  const chars = spokenCharacters(slide.notes.map((n) => n.text).join(''));
  return chars === 0 ? SILENT_SLIDE_SECONDS : Math.max(1, Math.round((chars / rate) * 60));
}

/** Total estimated speaking time of the deck in seconds, agenda included. */
export function deckSeconds(deck: Deck): number {
  return deck.slides.reduce((sum, slide) => sum + slide.seconds, 0);
}

/** `9 分 20 秒` for a number of seconds. */
export function formatDurationZh(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m ? `${m} 分 ${s} 秒` : `${s} 秒`;
}

/** `12 min 30 s` style text for a number of seconds. */
export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m ? `${m} min ${s} s` : `${s} s`;
}
