/**
 * The deck's Content-Security-Policy, as pure text rules shared by the CLI (which hashes with Node's crypto) and
 * the studio (which hashes in the browser with crypto.subtle), so that both write the same policy for the same page.
 */

/** The text of every inline <script> (one without src) in a page. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs]) => !/\ssrc\s*=/i.test(attrs!)).map(([, , code]) => code!);
}

/** A CSP source expression from the base64 SHA-256 digest of a script's UTF-8 text. */
export function hashSource(base64Digest: string): string {
  return `'sha256-${base64Digest}'`;
}

/** The deck's policy for its scripts' hash sources: nothing but itself, inline code only by hash, no connections out. */
export function deckPolicy(hashSources: readonly string[]): string {
  return [
    // Frames too: the speaker view copies the slides' DOM rather than loading the deck again in frames.
    "default-src 'none'",
    `script-src ${[...new Set(hashSources)].join(' ')}`,
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

const CHARSET = /<meta charset="utf-8"\s*\/?>/i;

/** Puts a policy in a page right after its charset, before any script. */
export function insertPolicy(html: string, policy: string): string {
  if (!CHARSET.test(html)) throw new Error('the page has no <meta charset="utf-8"> to put the Content-Security-Policy after');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  return html.replace(CHARSET, (charset) => `${charset}\n    ${meta}`);
}

/** The policy meta `insertPolicy` wrote, with the line break before it, for taking it out again. */
export const POLICY_META = /\n {4}<meta http-equiv="Content-Security-Policy" content="[^"]*">/;
