import { say } from '../../core/say.ts';
import { BUILD } from '../messages.ts';

/** What the bytes of a one-file deck are spent on. */
export interface SizeBreakdown {
  total: number;
  /** The embedded fonts: @font-face rules with their data: URIs. */
  fonts: number;
  /** Inline scripts: reveal.js, its plugins and the deck's own code. */
  scripts: number;
  /** Inline styles other than the fonts: reveal.js and the theme. */
  styles: number;
  /** The pictures of the speech, embedded as data: URIs in the slides. */
  pictures: number;
  /** Everything else: the slides, the notes and the page around them. */
  content: number;
}

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
const sum = (parts: Iterable<RegExpMatchArray>): number => [...parts].reduce((n, m) => n + bytes(m[0]), 0);

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script>/g;
const STYLE = /<style\b[^>]*>[\s\S]*?<\/style>/g;

/** Splits a built page's size into fonts, scripts, styles, pictures and content. Pure. */
export function sizeBreakdown(html: string): SizeBreakdown {
  const total = bytes(html);
  const scripts = sum(html.matchAll(SCRIPT));
  // Scripts can hold page templates with <style> in them (reveal's speaker view): count those as script.
  const styleTags = [...html.replace(SCRIPT, '').matchAll(STYLE)];
  const fonts = styleTags.reduce((n, [tag]) => n + sum(tag.matchAll(/@font-face\s*\{[^}]*\}/g)), 0);
  const styles = sum(styleTags) - fonts;
  const pictures = sum(
    html
      .replace(SCRIPT, '')
      .replace(STYLE, '')
      .matchAll(/data:image\/[^"'\s)]+/g),
  );
  return { total, fonts, scripts, styles, pictures, content: total - fonts - scripts - styles - pictures };
}

/** `123 KB` with the kilobyte as 1,024 bytes. */
export function kb(n: number): string {
  return `${Math.round(n / 1024)} KB`;
}

/** One line for the terminal: the total and where it goes. */
export function describeSize(size: SizeBreakdown): string {
  const parts = { total: kb(size.total), fonts: kb(size.fonts), scripts: kb(size.scripts), styles: kb(size.styles), content: kb(size.content) };
  return size.pictures ? say(BUILD.sizeWithPictures, { ...parts, pictures: kb(size.pictures) }) : say(BUILD.size, parts);
}
