import { createHash } from 'node:crypto';
import { deckPolicy, hashSource, inlineScripts, insertPolicy } from '../../render/csp.ts';

export { inlineScripts };

/** A CSP source expression for an inline script's exact text. */
export function scriptHash(code: string): string {
  return hashSource(createHash('sha256').update(code, 'utf8').digest('base64'));
}

/** The deck's policy: nothing but itself, inline code only by hash, no connections out. */
export function contentSecurityPolicy(scripts: readonly string[]): string {
  return deckPolicy(scripts.map(scriptHash));
}

/** Adds the policy right after the charset, before any script, computed from the page's final inline scripts. */
export function withContentSecurityPolicy(html: string): string {
  return insertPolicy(html, contentSecurityPolicy(inlineScripts(html)));
}
