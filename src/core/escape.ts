/**
 * The project's one escape for markup: author text put into HTML or XML, in element text or a double-quoted
 * attribute value. It is markdown-it's (`&`, `<`, `>` and `"`), which the parser's own HTML already uses; HTML and
 * XML need nothing more there.
 */
import { md } from './markdown.ts';

/** Text escaped for HTML or XML element text and double-quoted attribute values. */
export const escapeMarkup: (text: string) => string = md.utils.escapeHtml;
