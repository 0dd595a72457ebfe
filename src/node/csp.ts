import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseAst } from 'vite';

/** A CSP source expression for an inline script's exact text. */
export function scriptHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/** The text of every inline <script> (one without src) in a page. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs]) => !/\ssrc\s*=/i.test(attrs!)).map(([, , code]) => code!);
}

/**
 * The inline script of reveal's speaker view. The notes plugin writes that page into an about:blank
 * window, which inherits the deck's policy, so the script must be allowed by its hash too.
 */
export function speakerViewScripts(): string[] {
  const path = createRequire(import.meta.url).resolve('reveal.js/plugin/notes');
  const source = readFileSync(path.replace(/\.js$/, '.mjs'), 'utf8');
  const pages: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const { type, value } = node as { type?: string; value?: unknown };
    if (type === 'Literal' && typeof value === 'string' && value.includes('speaker-controls')) pages.push(value);
    for (const child of Object.values(node)) visit(child);
  };
  visit(parseAst(source));
  const scripts = pages.flatMap(inlineScripts);
  if (!scripts.length) throw new Error('the speaker view page was not found in reveal.js/plugin/notes');
  return scripts;
}

/** The deck's policy: nothing but itself, inline code only by hash, no connections out. */
export function contentSecurityPolicy(scripts: readonly string[]): string {
  const hashes = [...new Set(scripts.map(scriptHash))];
  return [
    "default-src 'none'",
    `script-src ${hashes.join(' ')}`,
    // Styles cannot run code; reveal sets inline styles for layout and the print view adds @page at run time.
    "style-src 'unsafe-inline'",
    'font-src data:',
    'img-src data:',
    // The speaker view shows the deck itself in frames: over http that is 'self', from a USB stick a file: URL.
    "frame-src 'self' file:",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Adds the policy right after the charset, before any script, computed from the page's final inline scripts. */
export function withContentSecurityPolicy(html: string): string {
  const policy = contentSecurityPolicy([...inlineScripts(html), ...speakerViewScripts()]);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const anchor = /<meta charset="utf-8"\s*\/?>/i;
  if (!anchor.test(html)) throw new Error('the page has no <meta charset="utf-8"> to put the Content-Security-Policy after');
  return html.replace(anchor, (charset) => `${charset}\n    ${meta}`);
}
