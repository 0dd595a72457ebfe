import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseAst } from 'vite';
import { deckPolicy, hashSource, inlineScripts, insertPolicy } from '../render/csp.ts';

export { inlineScripts };

/** A CSP source expression for an inline script's exact text. */
export function scriptHash(code: string): string {
  return hashSource(createHash('sha256').update(code, 'utf8').digest('base64'));
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
  return deckPolicy(scripts.map(scriptHash));
}

/** Adds the policy right after the charset, before any script, computed from the page's final inline scripts. */
export function withContentSecurityPolicy(html: string): string {
  return insertPolicy(html, contentSecurityPolicy([...inlineScripts(html), ...speakerViewScripts()]));
}
