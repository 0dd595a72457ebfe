import { md } from '../core/markdown.ts';

/** Escapes author text for HTML text and attribute values; the one place this is done by hand. */
export const escapeHtml: (text: string) => string = md.utils.escapeHtml;

/** Builds ` name="value"` pairs, escaping every value and skipping undefined ones. */
export function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
    .join('');
}
