/** What slide-layout.ts placed, drawn on a PowerPoint slide with pptxgenjs. */
import type PptxGenJS from 'pptxgenjs';
import type { Visible } from '../../core/model.ts';
import { inch, round, type Box } from './geometry.ts';
import type { Look } from './palette.ts';
import type { Placed } from './slide-layout.ts';
import { xmlSafe, type Line } from './text.ts';
import type { PhraseList, TextStyle } from './text-layout.ts';

/** The presentation being written, its look, and what was drawn of the deck's pictures. */
export interface Context extends Look {
  pres: PptxGenJS;
  /** Pictures embedded. */
  pictures: number;
  /** Pictures that could not be embedded. */
  skipped: Visible[];
}

export type Page = ReturnType<PptxGenJS['addSlide']>;

/** Draws each thing placed on a slide, in order. */
export function drawSlide(ctx: Context, page: Page, placed: readonly Placed[]): void {
  for (const p of placed) draw(ctx, page, p);
}

function draw(ctx: Context, page: Page, p: Placed): void {
  switch (p.kind) {
    case 'rect':
      page.addShape(ctx.pres.ShapeType.rect, { ...at(p.box), fill: { color: p.fill }, line: { type: 'none' } });
      break;
    case 'outline':
      page.addShape(ctx.pres.ShapeType.rect, { ...at(p.box), fill: { type: 'none' }, line: { color: p.line, width: p.width } });
      break;
    case 'text':
      if (p.paragraph.lines.length) page.addText(paragraphRuns(ctx, p.paragraph.lines, p.paragraph.style), textOptions(p.paragraph.style, p.box));
      break;
    case 'label':
      page.addText(xmlSafe(p.text), { ...textOptions(p.style, p.box), ...(p.fill ? { shape: ctx.pres.ShapeType.rect, fill: { color: p.fill } } : {}) });
      break;
    case 'phrases':
      drawPhrases(ctx, page, p.list, p.box);
      break;
    case 'picture':
      page.addImage({ data: p.picture.data, ...at(p.box), altText: xmlSafe(p.item.text) });
      ctx.pictures++;
      break;
    case 'missing-picture':
      ctx.skipped.push(p.item);
      page.addText(paragraphRuns(ctx, p.paragraph.lines, p.paragraph.style), {
        ...textOptions(p.paragraph.style, p.box),
        margin: 4,
        line: { color: p.line, width: 1, dashType: 'dash' },
      });
      break;
    default:
      unplaceable(p);
  }
}

/** A kind of placed thing without a case above: the type checker names it here. */
function unplaceable(p: never): never {
  throw new Error(`pptx: nothing draws a ${(p as Placed).kind}`);
}

/** A box in the inches pptxgenjs takes. */
const at = (b: Box) => ({ x: inch(b.x), y: inch(b.y), w: inch(b.w), h: inch(b.h) });

/** The pptxgenjs text of one paragraph: its lines joined by soft line breaks; strong text in the accent colour. */
function paragraphRuns(ctx: Context, lines: Line[], style: TextStyle, extra: PptxGenJS.TextPropsOptions = {}): PptxGenJS.TextProps[] {
  return lines.flatMap((line, i) =>
    line.map((run, j) => ({
      text: run.text,
      options: {
        ...(i === 0 && j === 0 ? extra : {}),
        bold: !!(style.bold || run.bold),
        italic: !!run.italic,
        ...(run.strike ? { strike: 'sngStrike' as const } : {}),
        color: run.bold && !style.bold ? ctx.colours.accent : style.colour,
        softBreakBefore: i > 0 && j === 0,
      },
    })),
  );
}

function textOptions(style: TextStyle, b: Box): PptxGenJS.TextPropsOptions {
  return {
    ...at(b),
    margin: 0,
    fit: 'none',
    wrap: true,
    fontFace: style.face,
    fontSize: style.size,
    lang: 'zh-CN',
    color: style.colour,
    lineSpacing: round(style.size * style.leading),
    align: style.align ?? 'left',
    valign: style.valign ?? 'top',
  };
}

/** The key phrases as one text box, a paragraph each behind a lozenge bullet. */
function drawPhrases(ctx: Context, page: Page, l: PhraseList, b: Box): void {
  if (!l.items.length) return;
  const text = l.items.flatMap(({ visible, paragraph, indent }, i) => {
    const runs = paragraphRuns(ctx, paragraph.lines, paragraph.style, {
      bullet: { characterCode: '25C6', indent: visible.depth ? indent / 2 : indent },
      ...(visible.depth ? { indentLevel: 1 } : {}),
      ...(i > 0 ? { paraSpaceBefore: l.gap } : {}),
    });
    for (const run of runs)
      run.options = { ...run.options, fontSize: paragraph.style.size, lineSpacing: round(paragraph.style.size * paragraph.style.leading) };
    runs.at(-1)!.options!.breakLine = i < l.items.length - 1;
    return runs;
  });
  const first = l.items[0]!.paragraph.style;
  page.addText(text, textOptions({ ...first, valign: l.overfull ? 'top' : 'middle' }, b));
}
