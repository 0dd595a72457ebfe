import type { Deck, Run, Slide } from '../core/model.ts';

/**
 * What the speaking manuscript (讲稿) says, before any layout: shared by the print (HTML → PDF) and Word renderers,
 * so both carry the same text, the same headings and the same slide cues. Pure.
 */

/** The faces the manuscript sets text in, as in official documents: 小标宋 title, 仿宋 body, 楷体 and 黑体. */
export type ManuscriptFace = 'title' | 'song' | 'kai' | 'hei';

/** A mark where the speaker changes the slide: its number (1-based, as the deck counts) and, for a section, its time. */
export interface Cue {
  slide: number;
  /** `约2分10秒` at a section's start: the planned time of the section opener and its sub-points. */
  time?: string;
}

export interface ManuscriptParagraph {
  /**
   * `body`: spoken text. `section`/`point`: a heading shown on its own line because the speech does not say it
   * (a section opener with no text of its own, or text that does not begin with the heading).
   */
  kind: 'body' | 'section' | 'point';
  /** A run-in heading: the paragraph's first sentence when it is the section's (黑体) or sub-point's (楷体) heading. */
  lead?: { face: 'hei' | 'kai'; runs: Run[] };
  runs: Run[];
  /** Slide changes just before the paragraph's first word. */
  cuesBefore: Cue[];
  /** Slide changes after its last word: slides with nothing to say (the agenda) come up at the end of what precedes them. */
  cuesAfter: Cue[];
}

export interface Manuscript {
  /** The speech's title: the title slide's text, set once, as the document's title. */
  title: Run[];
  /** Speaker and date lines under the title (楷体); not part of the speech. */
  byline: string[];
  paragraphs: ManuscriptParagraph[];
}

/** Punctuation that closes a heading sentence at the start of a paragraph (`一、…学习。`). */
const HEADING_END = /^[。：:；;！!？?，,．.]/u;

/** The manuscript of a deck: every slide's spoken text in order, walking `deck.slides`. */
export function manuscriptOf(deck: Deck): Manuscript {
  const paragraphs: ManuscriptParagraph[] = [];
  let title: Run[] = deck.title.heading.runs;
  let pending: Cue[] = [];
  for (const [index, slide] of deck.slides.entries()) {
    const cue: Cue = { slide: index + 1 };
    if (slide.kind === 'section') cue.time = `约${spokenTime(sectionSeconds(deck, slide))}`;
    let notes = slide.notes.map((n) => n.runs);
    if (slide.kind === 'title') {
      // The title slide's text is the title itself: it is the document's title, not a paragraph.
      title = notes[0] ?? title;
      notes = notes.slice(1);
    }
    const own = slideParagraphs(slide, notes);
    if (index === 0) {
      paragraphs.push(...own);
      continue;
    }
    if (!own.length) {
      // Nothing to say with this slide: it comes up once what precedes it has been said.
      const last = paragraphs.at(-1);
      if (last) last.cuesAfter.push(cue);
      else pending.push(cue);
      continue;
    }
    own[0]!.cuesBefore.push(...pending, cue);
    pending = [];
    paragraphs.push(...own);
  }
  // Silent slides with no text anywhere before them open the first paragraph, if there is one.
  if (pending.length) paragraphs[0]?.cuesBefore.unshift(...pending);
  return { title, byline: byline(deck), paragraphs };
}

/**
 * A slide's paragraphs with its heading: run in when the text opens with the heading as a sentence (`用定位找准坐标点。…`),
 * left alone when the heading merely begins the first sentence (it is said, and would otherwise be printed twice),
 * and set on a line of its own when the text does not say it at all.
 */
function slideParagraphs(slide: Slide, notes: Run[][]): ManuscriptParagraph[] {
  const paragraphs: ManuscriptParagraph[] = notes.map((runs) => ({ kind: 'body', runs, cuesBefore: [], cuesAfter: [] }));
  if (slide.kind !== 'section' && slide.kind !== 'point') return paragraphs;
  const heading = slide.heading.text.trim();
  const face = slide.kind === 'section' ? 'hei' : 'kai';
  const first = paragraphs[0];
  const text = first ? first.runs.map((r) => r.text).join('') : '';
  if (first && heading && text.startsWith(heading)) {
    const rest = text.slice(heading.length);
    if (rest && !HEADING_END.test(rest)) return paragraphs;
    const [lead, body] = splitRuns(first.runs, heading.length + (rest ? 1 : 0));
    first.lead = { face, runs: lead };
    first.runs = body;
    return paragraphs;
  }
  if (!heading) return paragraphs;
  return [{ kind: slide.kind, runs: slide.heading.runs, cuesBefore: [], cuesAfter: [] }, ...paragraphs];
}

/** Runs cut after `length` UTF-16 units of their joined text, marks kept on both sides. */
export function splitRuns(runs: readonly Run[], length: number): [Run[], Run[]] {
  const before: Run[] = [];
  const after: Run[] = [];
  let left = length;
  for (const run of runs) {
    const cut = Math.max(0, Math.min(left, run.text.length));
    left -= cut;
    if (cut > 0) before.push({ ...run, text: run.text.slice(0, cut) });
    if (cut < run.text.length) after.push({ ...run, text: run.text.slice(cut) });
  }
  return [before, after];
}

function sectionSeconds(deck: Deck, opener: Slide): number {
  return deck.slides.filter((s) => s.section === opener.section && (s.kind === 'section' || s.kind === 'point')).reduce((sum, s) => sum + s.seconds, 0);
}

/** `2分10秒` for a planned time, to the nearest ten seconds (a plan, not a stopwatch). */
export function spokenTime(seconds: number): string {
  const rounded = Math.max(10, Math.round(seconds / 10) * 10);
  const m = Math.floor(rounded / 60);
  const s = rounded % 60;
  return m ? `${m}分${s ? `${s}秒` : '钟'}` : `${s}秒`;
}

/** The speaker on one line and the date in brackets below, as official speeches print them. */
function byline(deck: Deck): string[] {
  const { speaker, date } = deck.meta;
  return [speaker.trim(), date.trim() ? `（${date.trim()}）` : ''].filter(Boolean);
}

/** The mark printed for a cue: `▶5`, with the section's time after it. */
export function cueLabel(cues: readonly Cue[]): string {
  return cues.map((c) => `▶${c.slide}${c.time ? ` ${c.time}` : ''}`).join(' ');
}

/** Plain text of runs. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** The text each face must draw in a manuscript, so that the embedded fonts can be subset to it. */
export function manuscriptFaceText(manuscript: Manuscript, options: { cues: boolean }): Record<ManuscriptFace, string> {
  const text: Record<ManuscriptFace, string[]> = { title: [runsText(manuscript.title)], song: [PAGE_NUMBER_CHARACTERS], kai: [...manuscript.byline], hei: [] };
  for (const p of manuscript.paragraphs) {
    if (p.lead) text[p.lead.face].push(runsText(p.lead.runs));
    text[p.kind === 'section' ? 'hei' : p.kind === 'point' ? 'kai' : 'song'].push(runsText(p.runs));
    // Emphasis is set in 黑体, as official documents do, rather than in a bold the faces do not have.
    text.hei.push(runsText(p.runs.filter((r) => r.bold)), runsText((p.lead?.runs ?? []).filter((r) => r.bold)));
    if (options.cues) text.hei.push(cueLabel([...p.cuesBefore, ...p.cuesAfter]));
  }
  return { title: text.title.join(''), song: text.song.join(''), kai: text.kai.join(''), hei: text.hei.join('') };
}

/** Page numbers are `— 1 —`: half-width digits between one-em dashes. */
export const PAGE_NUMBER_CHARACTERS = '— 0123456789';

const WIDE = '\\u2E80-\\uA4CF\\uAC00-\\uD7A3\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF\\u2018-\\u201D\\u2014\\u2026';
const BREAK_BY_WIDE = new RegExp(`(?<=[${WIDE}])\\n+|\\n+(?=[${WIDE}])`, 'gu');

/**
 * Text as it flows in print: a line end the author typed inside a Chinese paragraph joins the characters
 * (a space there would show as a gap), elsewhere it is a space between words.
 */
export function flowText(text: string): string {
  return text.replace(BREAK_BY_WIDE, '').replace(/\n+/g, ' ');
}
