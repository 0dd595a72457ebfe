/**
 * The saved deck, put together in the page exactly as the CLI's build puts it together: the deck's page as the
 * CLI builds it (carried as `shell`, with reveal.js, the theme and the deck's own code), filled by the same pure
 * `fillShell` (render/page.ts), and the policy by the same rules (render/csp.ts), hashing with the browser's
 * crypto.subtle instead of Node's crypto.
 */
import type { Deck } from '../core/model.ts';
import { deckPolicy, hashSource, inlineScripts, insertPolicy } from '../render/csp.ts';
import { fillShell, type DeckShell } from '../render/page.ts';
import { toBase64 } from './base64.ts';
import { withPreviewShim } from './preview-shim.ts';

export type { DeckShell };

const hashes = new Map<string, Promise<string>>();

/** The CSP source for a script's text, remembered: the deck's own scripts are the same for every speech. */
function sha256Source(code: string): Promise<string> {
  let hash = hashes.get(code);
  if (!hash) {
    hash = crypto.subtle.digest('SHA-256', new TextEncoder().encode(code)).then((digest) => hashSource(toBase64(new Uint8Array(digest))));
    hashes.set(code, hash);
  }
  return hash;
}

/**
 * The one-file deck for a speech (its Markdown and the deck parsed from it), with its fonts' @font-face rules;
 * `preview` adds the preview's shim. The stamp records the speech as the CLI's does: the SHA-256 of its text.
 */
export async function deckPage(markdown: string, deck: Deck, fontCss: string, parts: DeckShell, options: { preview?: boolean } = {}): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(markdown)));
  const speech = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  const filled = fillShell(parts, deck, fontCss, speech);
  const html = options.preview ? withPreviewShim(filled) : filled;
  const sources = await Promise.all(inlineScripts(html).map(sha256Source));
  return insertPolicy(html, deckPolicy(sources));
}
