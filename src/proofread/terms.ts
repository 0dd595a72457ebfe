import type { Severity } from '../core/model.ts';
import type { Message } from '../core/say.ts';
import { hit, type Passage, type Hit, type Rule } from './finding.ts';
import { ADVICE, FINDINGS } from './messages.ts';
import dictionary from './terms.json' with { type: 'json' };

/** A fixed official term, with the wrong forms to report; see `terms.json` for how to add one. */
export interface Term {
  term: string;
  variants?: string[];
  fuzzy?: boolean;
  severity?: string;
  /** Why this form is the official one, in both languages. */
  why: Message;
}

// Below this length a one-character change is as likely another word as a slip.
const FUZZY_MIN_LENGTH = 8;
const TERMS: readonly Term[] = dictionary.terms;
const CANONICAL = new Set(TERMS.map((t) => t.term));

interface Span {
  start: number;
  end: number;
  found: string;
  term: Term;
}

/** Non-canonical forms of fixed official terms, from the dictionary in `terms.json`. */
export const terms: Rule = { name: 'terms', check };

function check(passage: Passage): Hit[] {
  const spans = TERMS.flatMap((term) => [...variants(passage.text, term), ...nearMisses(passage.text, term)]);
  // Where a longer term and a shorter one both match, the longer says more.
  spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Span[] = [];
  for (const span of spans) if (!kept.some((k) => span.start < k.end && k.start < span.end)) kept.push(span);
  return kept.sort((a, b) => a.start - b.start).map(toHit);
}

function variants(text: string, term: Term): Span[] {
  return (term.variants ?? []).flatMap((variant) => occurrences(text, variant).map((start) => ({ start, end: start + variant.length, found: variant, term })));
}

function nearMisses(text: string, term: Term): Span[] {
  const t = term.term;
  if (!term.fuzzy || t.length < FUZZY_MIN_LENGTH) return [];
  const exact = occurrences(text, t).map((s) => [s, s + t.length] as const);
  const spans: Span[] = [];
  for (const start of occurrences(text, t[0]!)) {
    for (const length of [t.length - 1, t.length, t.length + 1]) {
      const found = text.slice(start, start + length);
      if (found.length !== length || found.at(-1) !== t.at(-1) || CANONICAL.has(found)) continue;
      if (exact.some(([s, e]) => start < e && s < start + length)) continue;
      if (editDistance(found, t) === 1) spans.push({ start, end: start + length, found, term });
    }
  }
  return spans;
}

function occurrences(text: string, part: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) found.push(at);
  return found;
}

/** Levenshtein distance: insertions, deletions and substitutions of one character. */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length]!;
}

function toHit(span: Span): Hit {
  const severity: Severity = span.term.severity === 'warning' ? 'warning' : 'error';
  return hit(span.start, severity, FINDINGS.notOfficial, ADVICE.write, { found: span.found, why: span.term.why, term: span.term.term });
}
