import { describe, expect, it } from 'vitest';
import { capacityProblems, LONG_SPEECH, LONG_TITLE, pictureBox, slidesThatDoNotFit, titleFitsAsRendered } from '../src/core/capacity.ts';
import { titleFaceText } from '../src/core/charset.ts';
import { parse } from '../src/core/parse.ts';
import { loadSpeech } from '../src/node/speech/load.ts';
import { fixture } from './helpers/speech.ts';

describe('capacityProblems', () => {
  it('warns, with its line, about a slide that cannot fit even at 28 px, saying what to do', () => {
    const text = fixture('crowded.md');
    const line = text.split('\n').indexOf('### 放不下的一张') + 1;
    expect(capacityProblems(parse(text))).toEqual([
      expect.objectContaining({
        line,
        severity: 'warning',
        message: expect.stringMatching(/放不下.*shorten its key phrases or move some to a new "###" slide/),
      }),
    ]);
  });

  it('leaves slides that fit alone, the real speech among them', () => {
    expect(capacityProblems(loadSpeech('test/fixtures/speech.md').deck)).toEqual([]);
  });

  it('finds a 1,000-character key phrase too full, and the shrinkable slides (an agenda of twelve sections among them) not', () => {
    expect(slidesThatDoNotFit(loadSpeech('test/fixtures/dense.md').deck).map((s) => s.id)).toEqual([]);
    expect(slidesThatDoNotFit(loadSpeech('test/fixtures/long-phrases.md').deck).map((s) => s.id)).toEqual(['一千个字的要点']);
  });

  it('warns about spoken text too long for one slide, suggesting a split, in Chinese and English', () => {
    const sentence = '我们要坚持把深化理论武装作为终身课题来践行。';
    const long = sentence.repeat(Math.ceil((LONG_SPEECH + 1) / 20));
    const deck = parse(`# 题目\n\n## 一、部分\n\n- 要点\n\n${long}\n\n### 小点\n\n- 要点\n\n${sentence.repeat(10)}\n`);
    const problems = capacityProblems(deck);
    expect(problems).toEqual([
      expect.objectContaining({ line: 3, severity: 'warning', message: expect.stringMatching(/这一张要讲 \d+ 个字.*split it with "###" sub-points/) }),
    ]);
  });

  it(`warns about a title of more than ${LONG_TITLE} characters`, () => {
    expect(capacityProblems(parse(`# ${'学'.repeat(LONG_TITLE)}\n\n话。\n`))).toEqual([]);
    expect(capacityProblems(parse(`# ${'学'.repeat(LONG_TITLE + 1)}\n\n话。\n`))).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining(`the title has ${LONG_TITLE + 1} characters`) }),
    ]);
  });
});

describe('titleFitsAsRendered', () => {
  const deck = (title: string, speaker = '中共某某县委副书记、县人民政府县长') =>
    parse(`---\nspeaker: ${speaker}\noccasion: 县委经济工作会议\ndate: 2026年3月1日\n---\n\n# ${title}\n\n话。\n`);

  it("takes the real speech's title, and any of up to 15 full-width characters, as fitted already", () => {
    expect(titleFitsAsRendered(loadSpeech('test/fixtures/speech.md').deck)).toBe(true);
    expect(titleFitsAsRendered(deck('学'.repeat(15)))).toBe(true);
    expect(titleFitsAsRendered(deck('Work Report'))).toBe(true);
  });

  it('leaves a title that may need two lines to the browser: one character too many, or a long real one', () => {
    expect(titleFitsAsRendered(deck('学'.repeat(16)))).toBe(false);
    expect(titleFitsAsRendered(loadSpeech('test/fixtures/long-title.md').deck)).toBe(false);
    expect(titleFitsAsRendered(deck('Annual Report on the Work of the County Government'))).toBe(false);
  });

  it('leaves to the browser a title with a character whose width it cannot vouch for', () => {
    for (const odd of ['Ω', 'é', '→', '😀', '\u0301']) expect(titleFitsAsRendered(deck(`工作报告${odd}`)), odd).toBe(false);
  });

  it("names what the title slide's own small faces draw, with the space, only when the page shows that slide as built", () => {
    expect(titleFaceText(deck('工作报告'))).toEqual({
      heading: ' 工作报告',
      body: ' 中共某某县委副书记、县人民政府县长县委经济工作会议2026年3月1日',
      strong: '',
    });
    expect(titleFaceText(parse('# 工作报告\n\n话。\n'))).toEqual({ heading: ' 工作报告', body: '', strong: '' });
    expect(titleFaceText(deck('学'.repeat(16)))).toBeUndefined();
  });

  it('leaves to the browser a title slide whose speaker line would push it past its frame', () => {
    expect(titleFitsAsRendered(deck('工作报告', '县委副书记、县长'.repeat(20)))).toBe(false);
  });
});

describe('pictureBox', () => {
  it('gives a picture beside key phrases about two fifths of the slide, alone the whole width, shared in a row', () => {
    const deck = parse(
      '# 题\n\n## 一、部\n\n- 要点\n\n![甲](a.png)\n\n话。\n\n### 只有图\n\n![乙](b.png)\n\n![丙](c.png)\n\n话。\n\n### 一张图\n\n![丁](d.png)\n\n话。\n',
    );
    const [opener, two, one] = deck.slides.slice(2);
    const beside = pictureBox(opener!, deck);
    const shared = pictureBox(two!, deck);
    const alone = pictureBox(one!, deck);
    expect(alone.width).toBe(1620);
    expect(shared.width).toBe((1620 - 32) / 2);
    expect(beside.width).toBeLessThan(alone.width / 2);
    expect(alone.height).toBeGreaterThan(500);
    expect(alone.height).toBeLessThan(850);
  });
});
