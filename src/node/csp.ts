import { createHash } from 'node:crypto';

/** A CSP source expression for an inline script's exact text. */
export function scriptHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/** The text of every inline <script> (one without src) in a page. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs]) => !/\ssrc\s*=/i.test(attrs!)).map(([, , code]) => code!);
}

/** The deck's policy: nothing but itself, inline code only by hash, no connections out. */
export function contentSecurityPolicy(scripts: readonly string[]): string {
  const hashes = [...new Set(scripts.map(scriptHash))];
  return [
    // Frames too: the speaker view copies the slides' DOM rather than loading the deck again in frames.
    "default-src 'none'",
    `script-src ${hashes.join(' ')}`,
    // Styles cannot run code; reveal sets inline styles for layout, the print view adds @page at run time,
    // and the speaker view's window (about:blank, under this same policy) gets the deck's styles as <style>.
    "style-src 'unsafe-inline'",
    'font-src data:',
    'img-src data:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Adds the policy right after the charset, before any script, computed from the page's final inline scripts. */
export function withContentSecurityPolicy(html: string): string {
  const policy = contentSecurityPolicy(inlineScripts(html));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const anchor = /<meta charset="utf-8"\s*\/?>/i;
  if (!anchor.test(html)) throw new Error('the page has no <meta charset="utf-8"> to put the Content-Security-Policy after');
  return html.replace(anchor, (charset) => `${charset}\n    ${meta}`);
}
