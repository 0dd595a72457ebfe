/**
 * Where everything on a PowerPoint slide goes, by kind of slide: the text measured and fitted at the largest
 * scale that fits (text-layout.ts), the rules and bars, the pictures, each placed in a box. Drawing them is
 * draw.ts's; the ground, bands and foot rule every slide of a kind shares are in its master (masters.ts).
 */
import { SLIDE_LABELS } from '../../core/labels.ts';
import { unhandledSlideKind, type Deck, type Run, type Section, type Slide, type Visible } from '../../core/model.ts';
import { FRAME, FRAME_WIDTH, round, RULED, sized, type Box } from './geometry.ts';
import type { Look } from './palette.ts';
import type { Picture } from './picture.ts';
import { MIN_PICTURE, PICTURE_GAP, pictureSizes, picturesHeight } from './picture-size.ts';
import { plain, textWidth, WIDTH_MARGIN } from './text.ts';
import { fit, heading, lay, phraseList, runningHead, type LaidParagraph, type PhraseList, type TextStyle } from './text-layout.ts';

/** One thing drawn on a slide, in its box. */
export type Placed =
  /** A filled rectangle without an outline: bands, rules, bars. */
  | { kind: 'rect'; box: Box; fill: string }
  /** A rectangle's outline only. */
  | { kind: 'outline'; box: Box; line: string; width: number }
  /** A paragraph of the speech's text, as laid out. */
  | { kind: 'text'; paragraph: LaidParagraph; box: Box }
  /** A short text on one line, centred in its box, on a filled square when `fill` is given: a section's numeral. */
  | { kind: 'label'; text: string; style: TextStyle; box: Box; fill?: string }
  /** The key phrases as one bulleted list. */
  | { kind: 'phrases'; list: PhraseList; box: Box }
  | { kind: 'picture'; item: Visible; picture: Picture; box: Box }
  /** A picture that cannot be embedded: its alt text in a dashed frame. */
  | { kind: 'missing-picture'; item: Visible; paragraph: LaidParagraph; box: Box; line: string };

const box = (x: number, y: number, w: number, h: number): Box => ({ x, y, w, h });
const text = (paragraph: LaidParagraph, x: number, y: number, w: number, h = paragraph.height): Placed => ({ kind: 'text', paragraph, box: box(x, y, w, h) });
const rect = (x: number, y: number, w: number, h: number, fill: string): Placed => ({ kind: 'rect', box: box(x, y, w, h), fill });

/** Everything on one slide, in the order it is drawn. */
export function layoutSlide(look: Look, deck: Deck, slide: Slide): Placed[] {
  switch (slide.kind) {
    case 'title':
      return titleSlide(look, deck, slide);
    case 'agenda':
      return agendaSlide(look, deck, slide);
    case 'section':
      return openerSlide(look, slide, deck.sections[slide.section!]!);
    case 'point':
      return contentSlide(look, slide, deck.sections[slide.section!]!.opener.heading.runs, slide.heading.runs);
    case 'opening':
    case 'closing':
      return contentSlide(look, slide, plain(deck.meta.title), plain(SLIDE_LABELS[slide.kind]));
    default:
      return unhandledSlideKind(slide.kind);
  }
}

/** Title slide: the title centred between the red band and a gold rule, the speaker, occasion and date beneath. */
function titleSlide(look: Look, deck: Deck, slide: Slide): Placed[] {
  const { colours, faces } = look;
  const area = { left: 80, width: 800, top: 88, bottom: 470 };
  const { speaker, occasion, date } = deck.meta;
  const layout = (scale: number, strict: boolean) => {
    const title = lay(
      slide.heading.runs,
      area.width,
      { face: faces.heading, size: sized(50, 22, scale), colour: colours.accent, bold: true, leading: 1.35, align: 'center' },
      strict,
    );
    const small = { face: faces.text, colour: colours.ink, align: 'center' as const, leading: 1.5 };
    const who = speaker ? lay(plain(speaker), area.width, { ...small, size: sized(25, 14, scale) }) : undefined;
    // Occasion and date on one line, 1.5 em apart as in the deck, or on two when they do not fit one.
    const whenStyle = { ...small, colour: colours.muted, size: sized(20, 14, scale) };
    const parts = [occasion, date].filter(Boolean);
    const oneLine = textWidth(parts.join('　　')) * whenStyle.size <= area.width * WIDTH_MARGIN;
    const when = parts.map((part) => lay(plain(oneLine ? parts.join('　　') : part), area.width, whenStyle)).slice(0, oneLine ? 1 : parts.length);
    const height = title.height + 28 + 2 + 30 + (who ? who.height + 12 : 0) + when.reduce((sum, p) => sum + p.height, 0);
    return { title, who, when, height, fits: [title, ...(who ? [who] : []), ...when].every((p) => p.fits) };
  };
  const room = area.bottom - area.top;
  const { title, who, when, height } = fit(room, layout);
  const placed: Placed[] = [];
  let y = area.top + Math.max(0, (room - height) / 2);
  placed.push(text(title, area.left, y, area.width));
  y += title.height + 28;
  const ruleWidth = Math.min(area.width, Math.max(240, title.width / WIDTH_MARGIN));
  placed.push(rect(area.left + (area.width - ruleWidth) / 2, y, ruleWidth, 2, colours.gold));
  y += 2 + 30;
  if (who) {
    placed.push(text(who, area.left, y, area.width));
    y += who.height + 12;
  }
  for (const p of when) {
    placed.push(text(p, area.left, y, area.width));
    y += p.height;
  }
  return placed;
}

/** A sub-point, the opening and the closing: running head, heading, key phrases and pictures. */
function contentSlide(look: Look, slide: Slide, head: readonly Run[], headingRuns: readonly Run[]): Placed[] {
  const points = slide.visible.filter((v) => v.kind === 'point');
  const pictures = slide.visible.filter((v) => v.kind === 'image');
  const layout = (scale: number, strict: boolean) => {
    const top = head.length ? runningHead(look, head, scale) : undefined;
    const title = heading(look, headingRuns, FRAME_WIDTH, scale, strict);
    const phrases = phraseList(look, points, FRAME_WIDTH, scale, strict, 32);
    const above = (top ? top.height + 14 : 0) + title.height + RULED;
    const height = above + phrases.height + 12 + (pictures.length ? MIN_PICTURE + (points.length ? PICTURE_GAP : 0) : 0);
    return { top, title, phrases, above, height, fits: title.fits && phrases.fits };
  };
  const room = FRAME.bottom - FRAME.top;
  const { top, title, phrases, above, height } = fit(room, layout);
  const placed: Placed[] = [];
  let y = FRAME.top;
  if (top) {
    placed.push(rect(FRAME.left, y, 4, top.height, look.colours.gold), text(top, FRAME.left + 16, y, FRAME_WIDTH - 16));
    y += top.height + 14;
  }
  placed.push(text(title, FRAME.left, y, FRAME_WIDTH));
  y += title.height + 14;
  placed.push(rect(FRAME.left, y, FRAME_WIDTH, 2, look.colours.gold));
  y = FRAME.top + above;
  // Too much even at the smallest size (the check warns of it): the phrases run on from the top, over the foot.
  if (height > room) phrases.overfull = true;
  return [...placed, ...phrasesAndPictures(look, phrases, pictures, box(FRAME.left, y, FRAME_WIDTH, FRAME.bottom - 12 - y))];
}

/** The phrases and, under them, the pictures, centred together in the room. */
function phrasesAndPictures(look: Look, phrases: PhraseList, pictures: Visible[], room: Box): Placed[] {
  const { x, y, w, h } = room;
  if (!pictures.length) return [{ kind: 'phrases', list: phrases, box: room }];
  const gap = phrases.items.length ? PICTURE_GAP : 0;
  const row = picturesHeight(pictures, w, h - phrases.height - gap);
  const top = y + Math.max(0, (h - phrases.height - gap - row) / 2);
  return [{ kind: 'phrases', list: phrases, box: box(x, top, w, phrases.height) }, ...pictureRow(look, pictures, box(x, top + phrases.height + gap, w, row))];
}

/** The pictures of a slide side by side in a row, centred, each kept to its proportions. */
function pictureRow(look: Look, items: Visible[], row: Box): Placed[] {
  const { x, y, w, h } = row;
  const sizes = pictureSizes(items, w, h);
  const total = sizes.reduce((sum, s) => sum + s.w, 0) + PICTURE_GAP * (items.length - 1);
  let left = x + (w - total) / 2;
  return sizes.map((size) => {
    const at = box(left, y + (h - size.h) / 2, size.w, size.h);
    left += size.w + PICTURE_GAP;
    return size.picture ? { kind: 'picture', item: size.item, picture: size.picture, box: at } : missingPicture(look, size.item, at);
  });
}

/** A picture that cannot be embedded shows its alt text in a dashed frame, so that nothing disappears unseen. */
function missingPicture(look: Look, item: Visible, at: Box): Placed {
  const style: TextStyle = { face: look.faces.text, size: 14, colour: look.colours.muted, leading: 1.4, align: 'center', valign: 'middle' };
  const paragraph = lay(item.runs.length ? item.runs : plain('图片'), at.w - 16, style);
  return { kind: 'missing-picture', item, paragraph, box: at, line: look.colours.rule };
}

/**
 * Agenda: each section on a line of its own, its numeral in a red square (theme.css `ol.agenda`); more than six in two
 * columns, read down the first and then the second, rows level across both, with smaller squares (`ol.agenda.columns`).
 */
function agendaSlide(look: Look, deck: Deck, slide: Slide): Placed[] {
  const { colours, faces } = look;
  const listed = slide.agenda ? slide.agenda.sections.map((i) => deck.sections[i]!) : deck.sections;
  const columns = slide.agenda?.columns ?? 1;
  const rows = Math.ceil(listed.length / columns);
  const [square, spacing, columnGap] = columns === 2 ? [46, 12, 40] : [56, 20, 0];
  const width = (FRAME_WIDTH - columnGap * (columns - 1)) / columns;
  const layout = (scale: number, strict: boolean) => {
    const title = heading(look, slide.heading.runs, FRAME_WIDTH, scale, strict);
    const size = sized(columns === 2 ? 28 : 30, 14, scale);
    const items = listed.map((s) => {
      const indent = s.numeral ? square + spacing : 0;
      const paragraph = lay(s.title.runs, width - indent, { face: faces.text, size, colour: colours.ink, bold: true, leading: 1.4 }, strict);
      return { section: s, paragraph, indent, height: Math.max(s.numeral ? square : 0, paragraph.height) };
    });
    // A row is as high as the higher of its two entries.
    const rowHeights = Array.from({ length: rows }, (_, r) => Math.max(items[r]!.height, columns === 2 ? (items[r + rows]?.height ?? 0) : 0));
    const gap = round((columns === 2 ? 18 : 28) * scale);
    const listHeight = rowHeights.reduce((sum, h) => sum + h, 0) + gap * Math.max(0, rows - 1);
    const height = title.height + RULED + listHeight + 12;
    return { title, items, rowHeights, gap, listHeight, height, fits: title.fits && items.every((i) => i.paragraph.fits) };
  };
  const room = FRAME.bottom - FRAME.top;
  const { title, items, rowHeights, gap, listHeight } = fit(room, layout);
  const placed: Placed[] = [text(title, FRAME.left, FRAME.top, FRAME_WIDTH), rect(FRAME.left, FRAME.top + title.height + 14, FRAME_WIDTH, 2, colours.gold)];
  const top = FRAME.top + title.height + RULED;
  const rowTops: number[] = [];
  let y = top + Math.max(0, (FRAME.bottom - 12 - top - listHeight) / 2);
  for (const h of rowHeights) {
    rowTops.push(y);
    y += h + gap;
  }
  items.forEach((item, i) => {
    const [row, column] = [i % rows, Math.floor(i / rows)];
    const [x, h, at] = [FRAME.left + column * (width + columnGap), rowHeights[row]!, rowTops[row]!];
    if (item.section.numeral) placed.push(numeralSquare(look, item.section, box(x, at + (h - square) / 2, square, square), item.paragraph.style.size));
    placed.push(text(item.paragraph, x + item.indent, at + (h - item.paragraph.height) / 2, width - item.indent));
  });
  return placed;
}

/** A section's numeral in a red square, as on the agenda, no larger than the text beside it. */
function numeralSquare(look: Look, s: Section, square: Box, size: number): Placed {
  const { colours, faces } = look;
  const fitted = Math.min(size, round((square.w * 0.8) / Math.max(1, textWidth(s.numeral))));
  const style: TextStyle = { face: faces.heading, size: fitted, colour: colours.accentInk, bold: true, leading: 1.2, align: 'center', valign: 'middle' };
  return { kind: 'label', text: s.numeral, style, box: square, fill: colours.accent };
}

/** Section opener: the numeral in a large red seal on a panel, beside the section title and its key phrases. */
function openerSlide(look: Look, slide: Slide, s: Section): Placed[] {
  const { colours } = look;
  const middle = (7 + 48 + FRAME.bottom) / 2;
  const body = { left: s.numeral ? 298 : FRAME.left, right: FRAME.right };
  const placed: Placed[] = s.numeral ? seal(look, s.numeral, box(55, middle - 85, 170, 170)) : [];
  const width = body.right - body.left;
  const points = slide.visible.filter((v) => v.kind === 'point');
  const pictures = slide.visible.filter((v) => v.kind === 'image');
  const layout = (scale: number, strict: boolean) => {
    const title = heading(look, s.title.runs, width, scale, strict);
    const phrases = phraseList(look, points, width, scale, strict, 27);
    const height = title.height + RULED + phrases.height + (pictures.length ? MIN_PICTURE + (points.length ? PICTURE_GAP : 0) : 0);
    return { title, phrases, height, fits: title.fits && phrases.fits };
  };
  const room = FRAME.bottom - 48;
  const { title, phrases } = fit(room, layout);
  const words = title.height + RULED + phrases.height;
  const gap = pictures.length && points.length ? PICTURE_GAP : 0;
  const used = words + gap + picturesHeight(pictures, width, room - words - gap);
  let y = Math.max(48, middle - used / 2);
  placed.push(text(title, body.left, y, width));
  y += title.height + 14;
  placed.push(rect(body.left, y, width, 2, colours.gold));
  y += 2 + 26;
  return [...placed, ...phrasesAndPictures(look, phrases, pictures, box(body.left, y, width, used - title.height - RULED))];
}

/** The section seal: a red square with a gold line inside its edge and the numeral in white (theme.css `.numeral`). */
function seal(look: Look, numeral: string, square: Box): Placed[] {
  const { colours, faces } = look;
  const { x, y, w: side } = square;
  const size = Math.min(115, round((side * 0.75) / Math.max(1, textWidth(numeral))));
  const style: TextStyle = { face: faces.heading, size, colour: colours.accentInk, bold: true, leading: 1.1, align: 'center', valign: 'middle' };
  return [
    rect(x, y, side, side, colours.accent),
    { kind: 'outline', box: box(x + 8, y + 8, side - 16, side - 16), line: colours.gold, width: 2 },
    { kind: 'label', text: numeral, style, box: square },
  ];
}
