/**
 * The speech's messages in the studio's words. The parser, the capacity check and the importer tell a Markdown
 * author to write "##", "###" or "---" and point at lines of the Markdown; the studio's clerk never sees it. Each
 * such message is found in what they said (by its wording in both languages, its values taken back out) and said
 * again from the studio's table (messages.ts: ADVICE), which names the page's buttons instead, with its Markdown
 * lines turned into slides. The CLI keeps its own words.
 */
import { REPORT } from '../core/import/messages.ts';
import { CAPACITY, STRUCTURE } from '../core/messages.ts';
import type { Deck } from '../core/model.ts';
import { both, type Message, marks, say, type Values } from '../core/say.ts';
import { ACTIONS, ADVICE, PLACE } from './messages.ts';

/** The buttons' names, which the advice quotes as the page shows them (in Chinese in both languages). */
const BUTTONS: Values = Object.fromEntries((['section', 'point', 'split', 'closing', 'merge'] as const).map((a) => [a, ACTIONS[a].zh]));

/** A slide named by its number, from a line of the Markdown (the slide it is on). */
function slideAt(deck: Deck, line: number): Message {
  const index = deck.slides.findLastIndex((s) => s.kind !== 'agenda' && s.line <= line);
  return both(PLACE.slide, { n: index + 1 });
}

/** Each message the studio words its own way, with what turns the values it held into the studio's. */
const PAIRS: Array<[Message, Message, ((values: Record<string, Message>, deck: Deck) => Values)?]> = [
  [STRUCTURE.noSections, ADVICE.noSections],
  [STRUCTURE.emptySlide, ADVICE.emptySlide],
  [STRUCTURE.silentSlide, ADVICE.silentSlide],
  [STRUCTURE.repeatedSection, ADVICE.repeatedSection, (v, deck) => ({ heading: v.heading!, slide: slideAt(deck, Number(v.line!.zh)) })],
  [STRUCTURE.repeatedPoint, ADVICE.repeatedPoint, (v, deck) => ({ heading: v.heading!, slide: slideAt(deck, Number(v.line!.zh)) })],
  [CAPACITY.agendaTooFull, ADVICE.agendaTooFull],
  [CAPACITY.sectionTooFull, ADVICE.sectionTooFull],
  [CAPACITY.pointTooFull, ADVICE.pointTooFull],
  [CAPACITY.longSlide, ADVICE.longSlide],
  [REPORT.longSlide, ADVICE.importLongSlide],
  [REPORT.phrasesDrafted, ADVICE.phrasesDrafted],
  [
    REPORT.fewPhrases,
    ADVICE.fewPhrases,
    (v, deck) => {
      const slides = v.where!.zh.split(/,\s*/).map((line) => slideAt(deck, Number(line)));
      return { count: v.count!, where: { zh: slides.map((s) => s.zh).join('、'), en: slides.map((s) => s.en).join(', ') } };
    },
  ],
  [REPORT.noPoints, ADVICE.noPoints],
  [REPORT.noClosing, ADVICE.noClosing],
  [REPORT.noSections, ADVICE.importNoSections],
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for a message as `say` writes it, capturing each value in each language; and the names, in order. */
function pattern(message: Message): { source: string; names: Array<{ name: string; language: 'zh' | 'en' }> } {
  const names: Array<{ name: string; language: 'zh' | 'en' }> = [];
  const part = (text: string, language: 'zh' | 'en') =>
    text
      .split(/(\{\w+\})/)
      .map((piece) => {
        const mark = /^\{(\w+)\}$/.exec(piece);
        if (!mark) return escapeRegExp(piece);
        names.push({ name: mark[1]!, language });
        return '([^\\n]+?)';
      })
      .join('');
  const zh = part(message.zh, 'zh');
  const en = part(message.en, 'en');
  return { source: `${zh} · ${en}`, names };
}

const MATCHERS = PAIRS.map(([core, studio, convert]) => {
  const { source, names } = pattern(core);
  // The English ends the message: anchored at the line's end, so that the lazy values take all they hold.
  return { re: new RegExp(`${source}(?=$|\\n)`, 'g'), names, studio, convert };
});

/** `text` (a problem's message, or the import report) with each message the studio words its own way said in its words. */
export function studioWords(text: string, deck: Deck): string {
  let out = text;
  for (const { re, names, studio, convert } of MATCHERS) {
    out = out.replace(re, (...match: unknown[]) => {
      const values: Record<string, Message> = {};
      names.forEach(({ name, language }, i) => {
        values[name] ??= { zh: '', en: '' };
        values[name][language] = String(match[i + 1]);
      });
      const filled: Values = { ...BUTTONS, ...(convert ? convert(values, deck) : values) };
      for (const mark of marks(studio.zh)) if (!(mark in filled)) throw new Error(`no value for {${mark}}`);
      return say(studio, filled);
    });
  }
  return out;
}
