/**
 * Text boxes as mammoth can read them. Word writes a text box twice, as a DrawingML shape (mc:Choice) and as a
 * VML one (mc:Fallback); mammoth reads the VML one and places its paragraphs after the paragraph it is anchored
 * in. A box written only as DrawingML would be lost, so a VML copy of its text is added beside it.
 */
import { walk } from './xml-scan.ts';

const vml = (content: string) => `<w:pict><v:shape><v:textbox>${content}</v:textbox></v:shape></w:pict>`;

/** document.xml with a VML copy of every text box that has only a DrawingML one. */
export function copyTextBoxes(xml: string): string {
  const inserts: Array<{ at: number; text: string }> = [];
  const open: number[] = [];
  /** Boxes waiting for the end of their drawing or alternate content; whether that has a VML box already. */
  const alternates: Array<{ boxes: string[]; hasVml: boolean }> = [];
  const drawings: string[][] = [];
  walk(xml, (tag, stack) => {
    if (tag.selfClosing) return;
    if (!tag.close) {
      if (tag.name === 'mc:AlternateContent') alternates.push({ boxes: [], hasVml: false });
      if (tag.name === 'w:drawing') drawings.push([]);
      if (tag.name === 'w:txbxContent') open.push(tag.index);
      return;
    }
    if (tag.name === 'w:txbxContent') {
      const start = open.pop();
      // A box inside a box goes with its outer box.
      if (start === undefined || stack.includes('w:txbxContent')) return;
      const content = xml.slice(start, tag.end);
      if (stack.includes('mc:Fallback') || stack.includes('v:textbox')) {
        const alternate = alternates.at(-1);
        if (alternate && stack.includes('mc:AlternateContent')) alternate.hasVml = true;
      } else if (stack.includes('mc:Choice')) alternates.at(-1)?.boxes.push(content);
      else drawings.at(-1)?.push(content);
      return;
    }
    if (tag.name === 'w:drawing') {
      const boxes = drawings.pop() ?? [];
      if (boxes.length && !stack.includes('mc:Choice')) inserts.push({ at: tag.end, text: boxes.map(vml).join('') });
      else if (boxes.length) alternates.at(-1)?.boxes.push(...boxes);
    }
    if (tag.name === 'mc:AlternateContent') {
      const alternate = alternates.pop();
      if (alternate && !alternate.hasVml && alternate.boxes.length) inserts.push({ at: tag.end, text: alternate.boxes.map(vml).join('') });
    }
  });
  let out = xml;
  for (const { at, text } of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + text + out.slice(at);
  return out;
}
