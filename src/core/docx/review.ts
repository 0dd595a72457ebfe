/**
 * What Word does not show, or shows apart from the text, marked in document.xml before mammoth reads it: mammoth
 * keeps hidden text (w:vanish) and the results of every field, and says nothing of comments' ranges, tracked
 * changes or which paragraphs came from a text box. Runs to leave out are given a style of their own, and
 * empty runs with a marking style are put where a comment's range starts and ends, where a tracked change is and
 * at the start of each text box paragraph; the reader (reader.ts) finds them in mammoth's model by style.
 */
import { onOff, readHidingStyles } from './styles.ts';
import { attr, decodeEntities, endsWith, walk } from './xml-scan.ts';

/** The marking styles; a comment's and a text box's carry their number after a dash. */
export const MARK = {
  hidden: 'SpeechDeckHidden',
  toc: 'SpeechDeckToc',
  page: 'SpeechDeckPage',
  revision: 'SpeechDeckRevision',
  commentFrom: 'SpeechDeckCommentFrom',
  commentTo: 'SpeechDeckCommentTo',
  box: 'SpeechDeckBox',
} as const;

export interface Marked {
  xml: string;
  insertions: number;
  deletions: number;
}

/** Fields whose result is not part of the speech: a table of contents, page numbers. */
const DROPPED_FIELDS: Record<string, 'toc' | 'page'> = { TOC: 'toc', PAGE: 'page', NUMPAGES: 'page', SECTIONPAGES: 'page' };
const fieldKind = (instruction: string) => DROPPED_FIELDS[/^\s*([A-Za-z]+)/.exec(instruction)?.[1]?.toUpperCase() ?? ''];

const markRun = (style: string) => `<w:r><w:rPr><w:rStyle w:val="${style}"/></w:rPr></w:r>`;
const REVISIONS = new Set(['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo']);
/** Elements whose children are runs, where a marking run can stand. */
const RUN_PARENTS = new Set(['w:p', 'w:hyperlink', 'w:ins', 'w:moveTo', 'w:smartTag', 'w:customXml', 'w:sdtContent', 'w:fldSimple']);

interface Run {
  start: number;
  rPr?: { openEnd: number; selfClosing?: [number, number] };
  rStyle?: { range: [number, number]; value: string };
  vanish?: boolean;
  text: boolean;
  deleted: boolean;
  drop?: 'toc' | 'page';
}

interface Paragraph {
  startEnd: number;
  style?: string;
  pPr?: { openEnd: number; selfClosing?: [number, number] };
  numPr?: [number, number];
  numPrStart?: number;
  hidden: number;
  shown: number;
}

/** Marks document.xml for the reader; styles.xml says which styles hide their text. */
export function markDocument(xml: string, stylesXml: string | undefined): Marked {
  const hiding = readHidingStyles(stylesXml);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const replace = (start: number, end: number, text: string) => edits.push({ start, end, text });
  const paragraphs: Paragraph[] = [];
  const fields: Array<{ instruction: string; result: boolean; kind?: 'toc' | 'page' }> = [];
  const simpleFields: Array<'toc' | 'page' | undefined> = [];
  const tocs: boolean[] = [];
  let run: Run | undefined;
  let textStart = -1;
  let boxes = 0;
  let insertions = 0;
  let deletions = 0;

  const dropping = () => (tocs.includes(true) ? 'toc' : (simpleFields.find(Boolean) ?? fields.find((f) => f.result && f.kind)?.kind ?? undefined));

  const restyle = (r: Run, style: string) => {
    const tag = `<w:rStyle w:val="${style}"/>`;
    if (r.rStyle) replace(r.rStyle.range[0], r.rStyle.range[1], tag);
    else if (r.rPr?.selfClosing) replace(r.rPr.selfClosing[0], r.rPr.selfClosing[1], `<w:rPr>${tag}</w:rPr>`);
    else if (r.rPr) replace(r.rPr.openEnd, r.rPr.openEnd, tag);
    else replace(r.start, r.start, `<w:rPr>${tag}</w:rPr>`);
  };

  const endRun = (r: Run) => {
    const paragraph = paragraphs.at(-1);
    if (r.deleted) return;
    if (r.drop) {
      restyle(r, r.drop === 'toc' ? MARK.toc : MARK.page);
      return;
    }
    // Direct formatting decides; otherwise each level of style turns hiding over (w:vanish is a toggle property).
    const hidden = r.vanish ?? (hiding.base !== hiding.paragraph(paragraph?.style)) !== hiding.character(r.rStyle?.value);
    if (hidden) restyle(r, MARK.hidden);
    if (paragraph && r.text) {
      if (hidden) paragraph.hidden++;
      else paragraph.shown++;
    }
  };

  /** A wholly hidden paragraph shows no number either. */
  const endParagraph = (p: Paragraph) => {
    if (!p.hidden || p.shown) return;
    const off = '<w:numPr><w:numId w:val="0"/></w:numPr>';
    if (p.numPr) replace(p.numPr[0], p.numPr[1], off);
    else if (p.pPr?.selfClosing) replace(p.pPr.selfClosing[0], p.pPr.selfClosing[1], `<w:pPr>${off}</w:pPr>`);
    else if (p.pPr) replace(p.pPr.openEnd, p.pPr.openEnd, off);
    else replace(p.startEnd, p.startEnd, `<w:pPr>${off}</w:pPr>`);
  };

  walk(xml, (tag, stack) => {
    // mammoth reads an alternate content's fallback only; the DrawingML choice is skipped here as there.
    if (stack.includes('mc:Choice')) return;
    const name = tag.name;
    if (tag.close) {
      if (name === 'w:r' && run) {
        endRun(run);
        run = undefined;
      } else if (name === 'w:p') {
        const p = paragraphs.pop();
        if (p) endParagraph(p);
      } else if ((name === 'w:t' || name === 'w:instrText') && textStart >= 0) {
        const text = decodeEntities(xml.slice(textStart, tag.index));
        if (name === 'w:t' && run && text) run.text = true;
        if (name === 'w:instrText' && fields.length && !fields.at(-1)!.result) fields.at(-1)!.instruction += text;
        textStart = -1;
      } else if (name === 'w:numPr' && paragraphs.at(-1)?.numPrStart !== undefined && endsWith(stack, 'w:p', 'w:pPr')) {
        const p = paragraphs.at(-1)!;
        p.numPr = [p.numPrStart!, tag.end];
      } else if (name === 'w:fldSimple') {
        simpleFields.pop();
        replace(tag.index, tag.end, '');
      } else if (name === 'w:sdt') tocs.pop();
      return;
    }
    switch (name) {
      case 'w:p':
        if (tag.selfClosing) return;
        if (endsWith(stack, 'w:txbxContent')) replace(tag.end, tag.end, markRun(`${MARK.box}-${boxes}`));
        paragraphs.push({ startEnd: tag.end, hidden: 0, shown: 0 });
        return;
      case 'w:txbxContent':
        boxes++;
        return;
      case 'w:pPr':
        if (endsWith(stack, 'w:p')) paragraphs.at(-1)!.pPr = tag.selfClosing ? { openEnd: tag.index, selfClosing: [tag.index, tag.end] } : { openEnd: tag.end };
        return;
      case 'w:pStyle':
        if (endsWith(stack, 'w:p', 'w:pPr')) paragraphs.at(-1)!.style = attr(tag.attrs, 'w:val') ?? '';
        return;
      case 'w:numPr':
        if (endsWith(stack, 'w:p', 'w:pPr')) {
          if (tag.selfClosing) paragraphs.at(-1)!.numPr = [tag.index, tag.end];
          else paragraphs.at(-1)!.numPrStart = tag.index;
        }
        return;
      case 'w:r':
        if (tag.selfClosing) return;
        run = { start: tag.end, text: false, deleted: stack.includes('w:del') || stack.includes('w:moveFrom') };
        {
          const drop = dropping();
          if (drop) run.drop = drop;
        }
        return;
      case 'w:rPr':
        if (run && endsWith(stack, 'w:r')) run.rPr = tag.selfClosing ? { openEnd: tag.index, selfClosing: [tag.index, tag.end] } : { openEnd: tag.end };
        return;
      case 'w:rStyle':
        if (run && endsWith(stack, 'w:r', 'w:rPr')) run.rStyle = { range: [tag.index, tag.end], value: attr(tag.attrs, 'w:val') ?? '' };
        return;
      case 'w:vanish':
        if (run && endsWith(stack, 'w:r', 'w:rPr')) run.vanish = onOff(tag.attrs);
        return;
      case 'w:t':
      case 'w:instrText':
        if (!tag.selfClosing) textStart = tag.end;
        return;
      case 'w:fldChar': {
        const type = attr(tag.attrs, 'w:fldCharType');
        if (type === 'begin') fields.push({ instruction: '', result: false });
        else if (type === 'separate' && fields.length) {
          const field = fields.at(-1)!;
          field.result = true;
          const kind = fieldKind(field.instruction);
          if (kind) field.kind = kind;
        } else if (type === 'end') fields.pop();
        return;
      }
      case 'w:fldSimple':
        // mammoth skips a simple field whole; unwrapped, its result is read as the text Word shows, unless it is left out.
        if (tag.selfClosing) {
          replace(tag.index, tag.end, '');
          return;
        }
        simpleFields.push(fieldKind(attr(tag.attrs, 'w:instr') ?? ''));
        replace(tag.index, tag.end, '');
        return;
      case 'w:sdt':
        if (!tag.selfClosing) tocs.push(false);
        return;
      case 'w:docPartGallery':
        if (stack.includes('w:sdtPr') && /table of contents/i.test(attr(tag.attrs, 'w:val') ?? '') && tocs.length) tocs[tocs.length - 1] = true;
        return;
      case 'w:commentRangeStart':
      case 'w:commentRangeEnd':
        if (RUN_PARENTS.has(stack.at(-1) ?? '') && stack.includes('w:p')) {
          const mark = name === 'w:commentRangeStart' ? MARK.commentFrom : MARK.commentTo;
          replace(tag.index, tag.index, markRun(`${mark}-${attr(tag.attrs, 'w:id') ?? ''}`));
        }
        return;
    }
    if (REVISIONS.has(name) && RUN_PARENTS.has(stack.at(-1) ?? '') && stack.includes('w:p')) {
      if (name === 'w:ins' || name === 'w:moveTo') insertions++;
      else deletions++;
      replace(tag.index, tag.index, markRun(MARK.revision));
    }
  });

  let out = xml;
  // From the end, so that earlier offsets hold; at one place, the edit made first ends up first.
  const ordered = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.i - a.i);
  for (const e of ordered) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { xml: out, insertions, deletions };
}

/** The text of each comment, footnote or endnote of a part (comments.xml, footnotes.xml, endnotes.xml) by id, with a comment's author. */
export function readNotesPart(xml: string | undefined, element: 'w:comment' | 'w:footnote' | 'w:endnote'): Map<string, { author: string; text: string }> {
  const found = new Map<string, { author: string; text: string }>();
  if (!xml) return found;
  let current: { author: string; text: string } | undefined;
  let textStart = -1;
  walk(xml, (tag) => {
    if (tag.name === element && !tag.close && !tag.selfClosing) {
      current = undefined;
      // Separators between the text and its notes are no notes.
      if (/separator|continuation/i.test(attr(tag.attrs, 'w:type') ?? '')) return;
      current = { author: attr(tag.attrs, 'w:author') ?? '', text: '' };
      found.set(attr(tag.attrs, 'w:id') ?? '', current);
    } else if (tag.name === element && tag.close) current = undefined;
    else if (current && tag.name === 'w:t' && !tag.close && !tag.selfClosing) textStart = tag.end;
    else if (current && tag.name === 'w:t' && tag.close && textStart >= 0) {
      current.text += decodeEntities(xml.slice(textStart, tag.index));
      textStart = -1;
    } else if (current && tag.name === 'w:p' && tag.close) current.text += ' ';
  });
  for (const note of found.values()) note.text = note.text.replace(/\s+/gu, ' ').trim();
  return found;
}
