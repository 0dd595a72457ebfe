import type { Page } from 'playwright-core';
import { wordBoundaries } from '../../src/node/speech/words.ts';

/** A rendered line of an element's text: where it starts in the element's text, and its box in the window. */
export interface TextLine {
  start: number;
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Shows the slide with this id (reveal's own navigation) and waits for the next frame. */
export async function showSlide(page: Page, id: string): Promise<void> {
  await page.evaluate((slideId) => {
    const { h, v } = window.deck!.getIndices(document.getElementById(slideId)!);
    window.deck!.slide(h, v);
    return new Promise((resolve) => requestAnimationFrame(resolve));
  }, id);
}

/** The lines an element's text is set in, measured character by character from the rendered boxes. */
export function textLines(page: Page, selector: string): Promise<TextLine[]> {
  return page.evaluate((sel) => {
    const element = document.querySelector(sel);
    if (!element) throw new Error(`no ${sel} on the page`);
    const lines: TextLine[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue ?? '';
      for (let i = 0; i < text.length; i++, offset++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getClientRects()[0];
        if (!r?.width) continue;
        const last = lines.at(-1);
        if (!last || r.top > last.top + r.height / 2) {
          lines.push({ start: offset, text: text[i]!, left: r.left, right: r.right, top: r.top, bottom: r.bottom });
        } else {
          last.text += text[i];
          last.left = Math.min(last.left, r.left);
          last.right = Math.max(last.right, r.right);
          last.bottom = Math.max(last.bottom, r.bottom);
        }
      }
    }
    return lines;
  }, selector);
}

/**
 * What on the current slide lies outside its box: any element outside the frame's content box (inside
 * its padding), any element whose content overflows it, any text under 28 px on the 1920×1080 slide.
 */
export function boxProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const slide = window.deck!.getCurrentSlide();
    const frame = slide.querySelector<HTMLElement>(':scope > .frame')!;
    const outer = frame.getBoundingClientRect();
    const scale = outer.width / frame.offsetWidth;
    const style = getComputedStyle(frame);
    const px = (v: string) => parseFloat(v) || 0;
    const box = {
      left: outer.left + (px(style.borderLeftWidth) + px(style.paddingLeft)) * scale,
      right: outer.right - (px(style.borderRightWidth) + px(style.paddingRight)) * scale,
      top: outer.top + (px(style.borderTopWidth) + px(style.paddingTop)) * scale,
      bottom: outer.bottom - (px(style.borderBottomWidth) + px(style.paddingBottom)) * scale,
    };
    const label = (el: Element) =>
      `${slide.id} <${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/\s+/g, '.')}` : ''}> "${(el.textContent ?? '').slice(0, 16)}"`;
    if (outer.left < -1 || outer.top < -1 || outer.right > innerWidth + 1 || outer.bottom > innerHeight + 1)
      problems.push(`${slide.id}: slide outside the window`);
    if (frame.scrollHeight > frame.clientHeight + 1 || frame.scrollWidth > frame.clientWidth + 1) problems.push(`${slide.id}: content overflows the slide`);
    for (const el of frame.querySelectorAll<HTMLElement>('*')) {
      const r = el.getBoundingClientRect();
      // A line break draws nothing; Chromium 109 gives one at a line's end a box just past the line.
      if ((r.width || r.height) && el.tagName !== 'BR' && el.tagName !== 'WBR') {
        const tolerance = scale;
        if (r.left < box.left - tolerance || r.right > box.right + tolerance || r.top < box.top - tolerance || r.bottom > box.bottom + tolerance) {
          problems.push(`${label(el)} lies outside the frame's content box`);
        }
      }
      if (el.clientWidth && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)) problems.push(`${label(el)} overflows its box`);
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.nodeValue!.trim());
      if (hasText && parseFloat(getComputedStyle(el).fontSize) < 28) problems.push(`${label(el)} is smaller than 28 px`);
    }
    return problems;
  });
}

/** What is wrong with the lines of one heading: outside its box or the frame, split inside a word, unbalanced. */
export async function lineProblems(page: Page, selector: string): Promise<string[]> {
  const lines = await textLines(page, selector);
  const text = lines.map((l) => l.text).join('');
  const boxes = await page.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel)!;
    const frame = el.closest('section')!.querySelector<HTMLElement>(':scope > .frame')!;
    const scale = frame.getBoundingClientRect().width / frame.offsetWidth;
    const style = getComputedStyle(frame);
    const f = frame.getBoundingClientRect();
    return {
      element: el.getBoundingClientRect().toJSON() as DOMRect,
      frame: { left: f.left + parseFloat(style.paddingLeft) * scale, right: f.right - parseFloat(style.paddingRight) * scale },
      scale,
      lineHeight: parseFloat(getComputedStyle(el).lineHeight) * scale,
    };
  }, selector);
  // A line's text box is the font's full height (ascent and descent, about 1.44 em for Noto), which may be taller than
  // the line itself at a tight line height: that half-leading reaches past the heading's box without drawing there.
  const leading = Math.max(0, ...lines.map((l) => (l.bottom - l.top - boxes.lineHeight) / 2));
  const element = { ...boxes.element, top: boxes.element.top - leading, bottom: boxes.element.bottom + leading };
  const problems: string[] = [];
  const inside = (line: TextLine, box: { left: number; right: number; top?: number; bottom?: number }) =>
    line.left >= box.left - boxes.scale &&
    line.right <= box.right + boxes.scale &&
    (box.top === undefined || line.top >= box.top - boxes.scale) &&
    (box.bottom === undefined || line.bottom <= box.bottom + boxes.scale);
  const words = new Set(wordBoundaries(text));
  for (const line of lines) {
    if (!inside(line, element)) problems.push(`"${line.text}" lies outside its heading's box`);
    if (!inside(line, boxes.frame)) problems.push(`"${line.text}" lies outside the frame`);
    if (line.start > 0 && !words.has(line.start)) problems.push(`"${text.slice(0, line.start)} / ${text.slice(line.start)}" breaks inside a word`);
  }
  const widths = lines.map((l) => l.right - l.left);
  if (Math.min(...widths) < Math.max(...widths) / 2) problems.push(`unbalanced lines: ${lines.map((l) => l.text).join(' / ')}`);
  return problems;
}

/** Ids of the slides the page's fit marked as not fitting even at the smallest size. */
export function crowdedSlides(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.slides section[data-overflow]')].map((s) => s.id));
}
