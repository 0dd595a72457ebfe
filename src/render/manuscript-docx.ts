import { AlignmentType, Document, DocumentGridType, Footer, LineRuleType, PageNumber, Paragraph, TextRun, type IRunOptions } from 'docx';
import { cueLabel, flowText, manuscriptOf, runsText, type Cue, type ManuscriptParagraph } from './manuscript-text.ts';
import { LARGE_GRID, NORMAL_GRID, TEXT_BLOCK, type Grid } from './manuscript.ts';
import type { Deck, Run } from '../core/model.ts';

/**
 * The speaking manuscript as a Word document, for offices that revise the text in Word or WPS: the same text and
 * cues as the PDF, with real styles (标题 Title, 标题 1/2 Heading 1/2, 正文 Normal) naming the official faces, the
 * grid's exact line spacing, A4 with the 版心's margins, and `— n —` page numbers, odd pages right, even pages left.
 * Pure: returns the document; the caller packs it.
 */

/** Official faces by the names a Chinese Windows gives them; Latin letters and digits in Times New Roman. */
export const DOCX_FONTS = { title: '方正小标宋简体', song: '仿宋', kai: '楷体', hei: '黑体', pageNumber: '宋体', latin: 'Times New Roman' } as const;

/** Ids of the styles the manuscript uses, besides Word's own Title, Heading1, Heading2 and Normal. */
export const DOCX_STYLES = { byline: 'Byline', sectionLead: 'SectionLead', pointLead: 'PointLead', cue: 'SlideCue' } as const;

/** Centred and footer lines take back the body's two-character first-line indent. */
const NO_INDENT = { firstLine: 0, firstLineChars: 0 };

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);

/** Font of a run: the Chinese face for East Asian text, Times New Roman for Latin. */
function fonts(eastAsia: string, latin: string = DOCX_FONTS.latin) {
  return { ascii: latin, hAnsi: latin, eastAsia, cs: latin };
}

export function manuscriptDocx(deck: Deck, options: { cues?: boolean; large?: boolean } = {}): Document {
  const cues = options.cues ?? true;
  const grid = options.large ? LARGE_GRID : NORMAL_GRID;
  const manuscript = manuscriptOf(deck);
  // Exact line spacing a hair under the grid's pitch: 28 pt at 3号 gives 22 lines on the 225 mm 版心.
  const line = Math.floor(((TEXT_BLOCK.height / grid.lines) * TWIPS_PER_MM) / 20) * 20;
  const size = grid.body * 2;
  const spacing = { line, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const indent = { firstLineChars: 200, firstLine: Math.round(grid.body * 40) };
  const children: Paragraph[] = [
    new Paragraph({ style: 'Title', children: runs(manuscript.title), spacing: { ...spacing, after: line } }),
    ...manuscript.byline.map(
      (text, i) =>
        new Paragraph({
          style: DOCX_STYLES.byline,
          children: [new TextRun(text)],
          spacing: { ...spacing, after: i === manuscript.byline.length - 1 ? line : 0 },
        }),
    ),
    ...manuscript.paragraphs.map((p) => paragraph(p, cues)),
  ];
  const pageNumber = (alignment: 'left' | 'right') =>
    new Footer({
      children: [
        new Paragraph({
          alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          // 空一字: one 4号 character in from the 版心's edge.
          indent: alignment === 'right' ? { right: 280, ...NO_INDENT } : { left: 280, ...NO_INDENT },
          children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fonts(DOCX_FONTS.pageNumber, DOCX_FONTS.pageNumber), size: 28 })],
        }),
      ],
    });
  return new Document({
    creator: 'speech-deck',
    title: `${deck.meta.title} · 讲稿`,
    ...(deck.meta.occasion ? { subject: deck.meta.occasion } : {}),
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        // docx's name for the document defaults, not the browser's `document`.
        document: { run: { font: fonts(DOCX_FONTS.song), size }, paragraph: { spacing, alignment: AlignmentType.JUSTIFIED } },
        title: {
          run: { font: fonts(DOCX_FONTS.title), size: grid.title * 2, bold: false, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing, keepNext: true },
        },
        heading1: {
          run: { font: fonts(DOCX_FONTS.hei), size, bold: false, color: '000000' },
          paragraph: { indent, spacing, keepNext: true, outlineLevel: 0 },
        },
        heading2: {
          run: { font: fonts(DOCX_FONTS.kai), size, bold: false, italics: false, color: '000000' },
          paragraph: { indent, spacing, keepNext: true, outlineLevel: 1 },
        },
      },
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: fonts(DOCX_FONTS.song), size },
          paragraph: { indent, spacing, alignment: AlignmentType.JUSTIFIED },
        },
        {
          id: DOCX_STYLES.byline,
          name: '署名 Byline',
          basedOn: 'Normal',
          quickFormat: true,
          run: { font: fonts(DOCX_FONTS.kai), size },
          paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, keepNext: true },
        },
      ],
      characterStyles: [
        { id: DOCX_STYLES.sectionLead, name: '一级标题（段首）Section lead', basedOn: 'DefaultParagraphFont', run: { font: fonts(DOCX_FONTS.hei) } },
        { id: DOCX_STYLES.pointLead, name: '二级标题（段首）Point lead', basedOn: 'DefaultParagraphFont', run: { font: fonts(DOCX_FONTS.kai) } },
        {
          id: DOCX_STYLES.cue,
          name: '换片提示 Slide cue',
          basedOn: 'DefaultParagraphFont',
          run: { font: fonts(DOCX_FONTS.hei, DOCX_FONTS.hei), size: grid.body >= 20 ? 20 : 16, color: 'C00000', superScript: true },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(210), height: twips(297) },
            margin: {
              top: twips(TEXT_BLOCK.top),
              right: twips(TEXT_BLOCK.right),
              bottom: twips(TEXT_BLOCK.bottom),
              left: twips(TEXT_BLOCK.left),
              header: twips(15),
              footer: twips(25),
            },
          },
          // The document grid of 28 characters × 22 lines (20 × 16 for --large), as official templates set it.
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: Math.floor((TEXT_BLOCK.height / grid.lines) * TWIPS_PER_MM), charSpace: charSpace(grid) },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children,
      },
    ],
  });
}

/** Extra pitch per character over the body size, in 1/4096 pt, so that exactly `grid.chars` fill the 156 mm line. */
function charSpace(grid: Grid): number {
  const pitch = ((TEXT_BLOCK.width / 25.4) * 72) / grid.chars;
  return Math.floor((pitch - grid.body) * 4096) - 2;
}

function paragraph(p: ManuscriptParagraph, cues: boolean): Paragraph {
  const style = p.kind === 'section' ? 'Heading1' : p.kind === 'point' ? 'Heading2' : undefined;
  const lead = p.lead ? runs(p.lead.runs, p.lead.face === 'hei' ? DOCX_STYLES.sectionLead : DOCX_STYLES.pointLead) : [];
  return new Paragraph({
    ...(style ? { style } : {}),
    // Word keeps a paragraph's first and last line off a page of their own only when asked.
    widowControl: true,
    children: [...(cues ? cueRun(p.cuesBefore) : []), ...lead, ...runs(p.runs), ...(cues ? cueRun(p.cuesAfter) : [])],
  });
}

function cueRun(cues: readonly Cue[]): TextRun[] {
  return cues.length ? [new TextRun({ text: cueLabel(cues), style: DOCX_STYLES.cue })] : [];
}

function runs(list: readonly Run[], style?: string): TextRun[] {
  return list
    .filter((run) => runsText([run]))
    .map((run) => {
      const options: IRunOptions = {
        text: flowText(run.text),
        ...(style ? { style } : {}),
        ...(run.bold ? { bold: true } : {}),
        ...(run.italic ? { italics: true } : {}),
        ...(run.strike ? { strike: true } : {}),
      };
      return new TextRun(options);
    });
}
