import type { ReadMarkdown } from '../core/read.ts';
import { prosePassages } from './passages.ts';
import { type Passage, type Finding, type Hit, type Rule, hit as found, withAdvice } from './finding.ts';
import { ADVICE, FINDINGS } from './messages.ts';
import { say } from '../core/say.ts';
import { doneInDemand } from './done-in-demand.ts';
import { doubled } from './doubled.ts';
import { halfwidth } from './halfwidth.ts';
import { missingObject } from './missing-object.ts';
import { pairs } from './pairs.ts';
import { series } from './series.ts';
import { spaces } from './spaces.ts';
import { stranded } from './stranded.ts';
import { terms } from './terms.ts';

export type { Finding } from './finding.ts';

/** The proofreading rules, in the order their findings are listed for one place. */
export const RULES: readonly Rule[] = [terms, series, pairs, halfwidth, spaces, doubled, stranded, missingObject, doneInDemand];

// Past this many findings of one kind in one paragraph, the rest are summed up rather than listed.
const MAX_PER_PASSAGE = 10;

/** Proofreads the prose of a speech (its text or its Markdown as already read) for slips that matter in official Chinese text. Pure: no I/O. */
export function proofread(source: string | ReadMarkdown, rules: readonly Rule[] = RULES): Finding[] {
  const steps = proofreading(source, rules);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `proofread` a passage at a time, for a caller that shows progress or lets other work in between (the studio's
 * worker): yields after each passage how many are done of how many, and returns the same findings.
 */
export function* proofreading(source: string | ReadMarkdown, rules: readonly Rule[] = RULES): Generator<{ done: number; total: number }, Finding[]> {
  const passages = prosePassages(source);
  const speech = passages.map((p) => p.text).join('\n');
  const found: Finding[] = [];
  for (const [i, passage] of passages.entries()) {
    for (const rule of rules) found.push(...findings(rule, passage, speech));
    yield { done: i + 1, total: passages.length };
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

function findings(rule: Rule, passage: Passage, speech: string): Finding[] {
  const hits: Hit[] = [];
  for (const hit of rule.check(passage, speech)) {
    if (hits.length === MAX_PER_PASSAGE) {
      hits.push(found(hit.at, hit.severity, FINDINGS.more, ADVICE.fixAbove));
      break;
    }
    hits.push(hit);
  }
  const lineStarts = [0, ...[...passage.text.matchAll(/\n/g)].map((m) => m.index + 1)];
  return hits.map((hit) => {
    const index = lineStarts.findLastIndex((start) => start <= hit.at);
    const where = { rule: rule.name, line: passage.line + index, column: hit.at - lineStarts[index]! + 1 };
    return { ...where, severity: hit.severity, message: withAdvice(hit), suggestion: say(hit.suggestion) };
  });
}
