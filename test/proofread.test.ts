import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// Node's dictionary and jieba, which the rules ask through lexicon.ts.
import '../src/proofread/segmenter.ts';
import { proofread, type Finding } from '../src/proofread/index.ts';
import { editDistance } from '../src/proofread/terms.ts';
import { corrections, fixture } from './helpers/speech.ts';

/** `line:column rule` for each finding, the compact form the tests compare. */
function where(findings: Finding[]): string[] {
  return findings.map((f) => `${f.line}:${f.column} ${f.rule}`);
}

/** The character offset in `text` of a 1-based line and column. */
function offsetOf(text: string, { line, column }: Finding): number {
  return (
    text
      .split('\n')
      .slice(0, line - 1)
      .reduce((n, l) => n + l.length + 1, 0) +
    column -
    1
  );
}

/** The finding that points inside the one occurrence of `part` in `text`. */
function findingIn(text: string, findings: Finding[], part: string): Finding | undefined {
  const start = text.indexOf(part);
  expect(start, part).toBeGreaterThanOrEqual(0);
  return findings.find((f) => offsetOf(text, f) >= start && offsetOf(text, f) < start + part.length);
}

describe('proofread, rule by rule (test/fixtures/proofread.md)', () => {
  const findings = proofread(fixture('proofread.md'));
  const of = (rule: string) => findings.filter((f) => f.rule === rule);

  it('finds non-canonical forms of fixed official terms, as errors with the official form', () => {
    expect(where(of('terms'))).toEqual(['5:5 terms', '5:26 terms', '7:25 terms']);
    expect(of('terms')[0]).toMatchObject({
      severity: 'error',
      suggestion: '请写作“习近平新时代中国特色社会主义思想” · write “习近平新时代中国特色社会主义思想”',
    });
    expect(of('terms')[1]!.suggestion).toBe('请写作“以习近平同志为核心的党中央” · write “以习近平同志为核心的党中央”');
    expect(of('terms')[2]!.suggestion).toBe('请写作“两个维护” · write “两个维护”');
    // The reason comes from terms.json in Chinese first, and the advice follows what seems wrong.
    expect(of('terms')[1]!.message).toMatch(
      /^“以习近平总书记为核心的党中央”不是这个用语的规范写法：固定表述用“同志”；请写作“以习近平同志为核心的党中央” · .* the fixed form uses 同志; write/,
    );
  });

  it('finds a fixed series named out of order', () => {
    expect(where(of('series'))).toEqual(['7:3 series']);
    expect(of('series')[0]!.suggestion).toBe(
      '请按“政治意识、大局意识、核心意识、看齐意识”的顺序写 · write them in the order 政治意识、大局意识、核心意识、看齐意识',
    );
    expect(of('series')[0]!.message).toMatch(/^“四个意识”的各项没有按固定顺序排列；/);
  });

  it('finds paired punctuation that does not balance', () => {
    expect(where(of('pairs'))).toEqual(['11:4 pairs']);
    expect(of('pairs')[0]).toMatchObject({
      severity: 'error',
      message:
        '这一段里的““”没有配对的结束符号；请在引文结束处加“””，或删去这个““” · ““” is never closed in this paragraph; add “”” where the quoted text ends, or delete this ““”',
    });
  });

  it('finds half-width punctuation inside Chinese sentences, with the full-width form', () => {
    expect(of('halfwidth').map((f) => [f.column, f.suggestion])).toEqual([
      [5, '请改成“，” · write “，”'],
      [10, '请改成“。” · write “。”'],
      [13, '请改成“（” · write “（”'],
      [16, '请改成“）” · write “）”'],
    ]);
  });

  it('finds stray spaces between Chinese characters and doubled words', () => {
    expect(where(of('spaces'))).toEqual(['17:3 spaces']);
    expect(where(of('doubled'))).toEqual(['17:8 doubled', '17:14 doubled']);
  });

  it('finds characters left stranded, lists closed by 等 with nothing in them, and 了 in a demand', () => {
    expect(where(of('stranded'))).toEqual(['21:13 stranded']);
    expect(of('stranded')[0]!.suggestion).toContain('“政府”');
    expect(where(of('missing-object'))).toEqual(['23:4 missing-object']);
    expect(where(of('done-in-demand'))).toEqual(['25:12 done-in-demand']);
  });

  it('leaves terse parallel phrases, reduplication, code and link addresses alone', () => {
    expect(findings.filter((f) => f.line >= 27)).toEqual([]);
  });

  it('gives every finding a message and a suggestion', () => {
    for (const f of findings) {
      expect(f.message.length).toBeGreaterThan(5);
      expect(f.suggestion.length).toBeGreaterThan(3);
    }
  });
});

describe('proofread, on the real speech', () => {
  const speech = readFileSync('test/fixtures/speech.md', 'utf8');
  const original = readFileSync('test/fixtures/speech.txt', 'utf8');

  it('finds every doubtful place left as written in test/fixtures/speech.md, and nothing else', () => {
    const findings = proofread(speech);
    const places = corrections.leftAsWritten.map(({ text }) => text);
    expect(places).toEqual(['自切实做到令行禁止', '坚持以身作则，坚不断完善', '敢于向等工作中遇到的棘手问题', '进一步增强了政治意识']);
    for (const place of places) expect(findingIn(speech, findings, place), place).toBeDefined();
    expect(where(findings)).toEqual(['31:104 done-in-demand', '79:18 missing-object', '87:51 stranded', '95:21 stranded']);
  });

  it('finds every slip corrected in test/fixtures/speech.md in the original speech, with the correction as suggestion', () => {
    const findings = proofread(original);
    expect(corrections.corrections.map((c) => c.original)).toEqual(['习近平新时期中国特色社会主义思想', '干涉府采购']);
    const termSlip = findingIn(original, findings, '习近平新时期中国特色社会主义思想');
    expect(termSlip).toMatchObject({
      rule: 'terms',
      severity: 'error',
      suggestion: '请写作“习近平新时代中国特色社会主义思想” · write “习近平新时代中国特色社会主义思想”',
    });
    const lostCharacter = findingIn(original, findings, '干涉府采购');
    expect(lostCharacter).toMatchObject({ rule: 'stranded', severity: 'warning' });
    expect(lostCharacter!.suggestion).toContain('“政府”');
    for (const { text } of corrections.leftAsWritten) expect(findingIn(original, findings, text), text).toBeDefined();
    expect(findings).toHaveLength(corrections.corrections.length + corrections.leftAsWritten.length);
  });
});

describe('edit distance', () => {
  it('counts one substitution, insertion or deletion as one', () => {
    expect(editDistance('新时代', '新时期')).toBe(1);
    expect(editDistance('中国特色社会主义', '中国特色的社会主义')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'ab')).toBe(2);
  });
});
