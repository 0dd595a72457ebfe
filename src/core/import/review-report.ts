/** The report's lines on what a Word file held besides its spoken text: hidden text, comments, tracked changes, text boxes, notes, fields. */
import { both } from '../say.ts';
import { REVIEW } from './messages.ts';
import type { WordReview } from './source.ts';
import type { Notice } from './structure.ts';

/** Words shown of a passage in the report: enough to find it in Word. */
const opening = (text: string, max = 20) => {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return [...flat].length > max ? `${[...flat].slice(0, max).join('')}……` : flat;
};

/** One remark for each thing of the review, at the paragraph it is in. */
export function reviewItems(review: WordReview): Notice[] {
  const items: Notice[] = [];
  const add = (line: number, message: { zh: string; en: string }) => items.push({ line, ...message });
  if (review.hidden.length) {
    const list = review.hidden.map((h) => both(REVIEW.hiddenItem, { line: h.line, text: opening(h.text) }));
    add(
      review.hidden[0]!.line,
      both(REVIEW.hidden, { count: review.hidden.length, list: { zh: list.map((l) => l.zh).join('，'), en: list.map((l) => l.en).join(', ') } }),
    );
  }
  for (const c of review.comments) {
    const author = c.author ? { zh: c.author, en: c.author } : REVIEW.someone;
    const values = { line: c.line, author, text: opening(c.text, 60), on: opening(c.on) };
    add(c.line, both(c.on ? REVIEW.comment : REVIEW.commentNoRange, values));
  }
  const { insertions, deletions } = review.revisions;
  if (insertions + deletions) add(review.revisions.line || 1, both(REVIEW.revisions, { count: insertions + deletions, insertions, deletions }));
  for (const box of review.textBoxes) add(box.line, both(box.taken ? REVIEW.boxTaken : REVIEW.boxLeft, { line: box.line, text: opening(box.text, 40) }));
  for (const n of review.notes) {
    const kind = REVIEW[n.kind];
    add(n.line, both(REVIEW.note, { line: n.line, kind, text: opening(n.text, 40) }));
  }
  for (const f of review.fields) add(f.line, both(f.kind === 'toc' ? REVIEW.toc : REVIEW.page, { line: f.line }));
  if (review.objects.length) {
    const lines = [...new Set(review.objects.map((o) => o.line))];
    add(lines[0]!, both(REVIEW.objects, { lines: lines.join('、') }));
  }
  return items;
}
