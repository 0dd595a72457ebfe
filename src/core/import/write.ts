/**
 * Writes the structure found as a speech in the speech-deck Markdown convention, escaping the author's text so
 * that the parser reads back exactly what was imported, and noting on which line each slide starts.
 */
import { parse as parseYaml } from 'yaml';
import type { OutlineTree, PartParagraph, SlideRef } from './structure.ts';

/** Lines of the written Markdown (1-based) where each slide's heading and key phrases are. */
export interface SlideLines {
  ref: SlideRef;
  /** The heading line (`#`, `##`, `###`, or the `---` that starts the closing). */
  heading: number;
  /** The first key phrase, or the heading line when there are none. */
  phrases: number;
}

export interface Written {
  markdown: string;
  lines: SlideLines[];
  /** For each source line, the first Markdown line that holds its text. */
  sourceLines: Map<number, number>;
}

export interface WriteOptions {
  /** Key phrases for each slide that gets them, by the key `slideKey` makes. */
  phrases: ReadonlyMap<string, readonly string[]>;
  rate?: number;
}

/** A stable key for a slide, to look up its phrases and lines. */
export function slideKey(ref: SlideRef): string {
  if (ref.kind === 'section') return `section:${ref.section}`;
  if (ref.kind === 'point') return `point:${ref.section}:${ref.point}`;
  return ref.kind;
}

/** The speech as Markdown: front matter, `#` title, opening, `##` sections with `###` points, `---` closing. */
export function writeMarkdown(tree: OutlineTree, options: WriteOptions): Written {
  const out: string[] = [];
  const lines: SlideLines[] = [];
  const sourceLines = new Map<number, number>();
  const push = (...text: string[]) => out.push(...text);
  const pushParagraph = (paragraph: PartParagraph) => {
    if (!sourceLines.has(paragraph.line)) sourceLines.set(paragraph.line, out.length + 1);
    push(paragraphLine(paragraph), '');
  };
  const slide = (ref: SlideRef, headingLine: string, paragraphs: readonly PartParagraph[]) => {
    push(headingLine, '');
    const heading = out.length - 1;
    const phrases = options.phrases.get(slideKey(ref)) ?? [];
    lines.push({ ref, heading, phrases: phrases.length ? out.length + 1 : heading });
    if (phrases.length) push(...phrases.map((p) => `- ${escapeLine(p)}`), '');
    for (const paragraph of paragraphs) pushParagraph(paragraph);
  };

  push('---', ...frontMatter(tree, options.rate ?? 200), '---', '');
  push(`# ${escapeInline(tree.title.text)}`, '');
  lines.push({ ref: { kind: 'title' }, heading: out.length - 1, phrases: out.length - 1 });
  if (tree.opening) {
    // The opening has no heading line of its own: its phrases and text follow the title.
    const phrases = options.phrases.get('opening') ?? [];
    lines.push({ ref: { kind: 'opening' }, heading: out.length + 1, phrases: out.length + 1 });
    if (phrases.length) push(...phrases.map((p) => `- ${escapeLine(p)}`), '');
    for (const paragraph of tree.opening.paragraphs) pushParagraph(paragraph);
  }
  // Headings below the title are shown, not spoken; one that came out empty still needs some text to parse.
  const heading = (text: string) => escapeInline(text.trim()) || '…';
  tree.sections.forEach((section, s) => {
    slide({ kind: 'section', section: s }, `## ${heading(section.heading.text)}`, section.intro.paragraphs);
    section.points.forEach((point, p) => slide({ kind: 'point', section: s, point: p }, `### ${heading(point.heading.text)}`, point.paragraphs));
  });
  if (tree.closing) slide({ kind: 'closing' }, '---', tree.closing.paragraphs);
  return { markdown: out.join('\n').replace(/\n+$/, '\n'), lines, sourceLines };
}

function frontMatter(tree: OutlineTree, rate: number): string[] {
  const value = (key: 'speaker' | 'date' | 'occasion') =>
    tree.meta.find((m) => m.key === key)?.value ?? (key === 'occasion' ? tree.occasionFromTitle : undefined) ?? '';
  const line = (key: string, text: string) => (text ? `${key}: ${yamlText(text)}` : `${key}:`);
  return [line('speaker', value('speaker')), line('occasion', value('occasion')), line('date', value('date')), `rate: ${rate}`, 'theme: light'];
}

/** A YAML value: plain when it reads back as the same text, else double-quoted. */
function yamlText(text: string): string {
  let plain: unknown;
  try {
    plain = parseYaml(`v: ${text}`)?.v;
  } catch {
    plain = undefined;
  }
  return plain === text ? text : JSON.stringify(text);
}

function paragraphLine(paragraph: PartParagraph): string {
  if (paragraph.kind === 'image') {
    const src = paragraph.image.src.replace(/[ ()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    return `![${escapeInline(paragraph.image.alt)}](${src})`;
  }
  return escapeLine(paragraph.text);
}

/** Inline Markdown characters escaped, so that the text reads back as written (no emphasis, links, entities). */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>&~#!|]/g, '\\$&').replace(/\s*\n\s*/g, ' ');
}

/** Text for the start of a line: inline escapes, plus whatever would make it a list, quote, heading or rule. */
export function escapeLine(text: string): string {
  const escaped = escapeInline(text);
  const list = /^(\d{1,9})([.)])/.exec(escaped);
  if (list) return `${list[1]}\\${escaped.slice(list[1]!.length)}`;
  return /^[+\-=>]/.test(escaped) ? `\\${escaped}` : escaped;
}
