import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReport as cliReport, importSpeech, textParagraphs } from '../src/core/import/index.ts';
import { CAPACITY, STRUCTURE } from '../src/core/messages.ts';
import { parse } from '../src/core/parse.ts';
import { say } from '../src/core/say.ts';
import { studioWords } from '../src/studio/advice.ts';
import { importReport } from '../src/studio/report.ts';

const cut = new Intl.Segmenter('zh', { granularity: 'word' });
const segment = (text: string) => [...cut.segment(text)].map((s) => s.segment);

/** What the studio's report says of a text file, and what `speech-deck import` prints for it. */
function reports(file: string, name: string) {
  const result = importSpeech(textParagraphs(readFileSync(file, 'utf8')), { segment });
  const report = cliReport(result, { source: name, output: '讲话.md', unit: 'line' });
  const source = { markdown: result.markdown, name, report, problems: [], unit: 'line' as const };
  return { cli: report, studio: importReport(source, parse(result.markdown)), deck: parse(result.markdown) };
}

/** Markdown a clerk would have to write: heading marks, a --- line, a list marker, or a line of a .md file. */
const MARKDOWN = /“#|"#|###|“---”|"---"|\.md:\d|Markdown|“- ”/;

describe('the studio’s advice', () => {
  it('names the page’s buttons where the CLI names Markdown, for a speech without numbering', () => {
    const { cli, studio } = reports('test/fixtures/studio/flat.txt', 'flat.txt');
    expect(cli).toMatch(MARKDOWN);
    expect(studio).not.toMatch(MARKDOWN);
    expect(studio).toContain('在每部分开头的段落下点“设为部分”');
    // Remarks are placed by slide and paragraph, or by the original's line.
    expect(studio).toMatch(/^ {2}第 2 张“开场”：/m);
    expect(studio.split('\n')[0]).toBe('导入 · Imported: flat.txt');
  });

  it('says the parser’s and the capacity check’s advice in its words, its Markdown lines made slides', () => {
    const deck = parse(readFileSync('test/fixtures/speech.md', 'utf8'));
    const said = [
      say(STRUCTURE.noSections),
      say(CAPACITY.longSlide, { spoken: 900, minutes: 4.5 }),
      say(STRUCTURE.repeatedPoint, { heading: '用定位找准坐标点', line: deck.sections[0]!.points[0]!.line }),
    ].map((message) => studioWords(message, deck));
    for (const message of said) expect(message).not.toMatch(MARKDOWN);
    expect(said[0]).toContain('“设为部分”');
    expect(said[1]).toBe(
      '这一张要讲 900 个字（约 4.5 分钟），一张幻灯片讲这么久太长：请展开“讲稿原文”，在换话题的段落下点“从这里分张”或“设为小点” · this slide has 900 spoken characters (about 4.5 min), long for one slide: click “从这里分张” or “设为小点” under the paragraph where the subject changes',
    );
    expect(said[2]).toContain(`这一部分的第 ${deck.slides.indexOf(deck.sections[0]!.points[0]!) + 1} 张已经用过标题“用定位找准坐标点”`);
    // A message the studio has no words of its own for is left as it is.
    expect(studioWords(say(STRUCTURE.fencedCode), deck)).toBe(say(STRUCTURE.fencedCode));
  });
});
