import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capacityProblems } from '../src/core/capacity.ts';
import { parse } from '../src/core/parse.ts';
import { fixture } from './helpers/speech.ts';

describe('capacityProblems', () => {
  it('warns, with its line, about a slide that cannot fit even at 28 px', () => {
    const text = fixture('crowded.md');
    const line = text.split('\n').indexOf('### 放不下的一张') + 1;
    expect(capacityProblems(parse(text))).toEqual([expect.objectContaining({ line, severity: 'warning' })]);
  });

  it('leaves slides that fit alone, the real speech among them', () => {
    expect(capacityProblems(parse(readFileSync('test/fixtures/speech.md', 'utf8')))).toEqual([]);
  });
});
