import { escapeMarkup } from '../core/escape.ts';

/** Builds ` name="value"` pairs, escaping every value and skipping undefined ones. */
export function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeMarkup(String(v))}"`)
    .join('');
}
