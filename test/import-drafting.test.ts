import { readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importSpeech, textParagraphs, type Imported } from '../src/core/import/index.ts';
import { importFile } from '../src/node/speech/import-file.ts';
import { draftDocx } from './helpers/draft-docx.ts';
import { expectFaithful, segment } from './helpers/import.ts';
import { fixture } from './helpers/speech.ts';

/** Key phrases as a slide should show them: whole series without their markers, no courtesies, nothing left hanging. */
const imported = (text: string): Imported => importSpeech(textParagraphs(text), { segment });
const phrasesOf = (result: Imported, key: string) => result.phrases.get(key) ?? [];

const TITLE = '在全县安全生产工作会议上的讲话';
const OPENING = '同志们：今天召开全县安全生产工作会议，我代表县委、县政府，向大家表示衷心的感谢！下面，我讲几点意见。';

describe('a series counted off in a paragraph', () => {
  const families: Array<[string, string, string[]]> = [
    [
      '一是、二是、三是',
      '当前安全生产形势依然严峻。一是部分企业主体责任落实不到位，安全投入不足；二是道路交通、自建房、燃气等领域隐患仍然较多，整治难度大；三是基层监管力量不足，专业人员缺乏。',
      ['部分企业主体责任落实不到位', '道路交通、自建房、燃气等领域隐患仍然较多', '基层监管力量不足'],
    ],
    [
      '一要、二要、三要',
      '抓落实要有硬措施。一要加强组织领导，层层压实责任；二要强化督查检查，发现问题立即整改；三要严格考核问责，确保各项措施落地见效。',
      ['加强组织领导', '强化督查检查', '严格考核问责'],
    ],
    [
      '首先、其次、再次、最后',
      '做好今年工作，关键在于落实。首先，要提高政治站位，深刻认识安全生产的重要性。其次，要完善工作机制，建立长效管理制度。再次，要加强宣传教育，营造良好社会氛围。最后，要夯实基层基础，提升应急处置能力。',
      ['提高政治站位', '完善工作机制', '加强宣传教育', '夯实基层基础'],
    ],
    [
      '第一，第二，第三，',
      '我们要在三个方面下功夫。第一，抓好源头治理，严把准入关口。第二，抓好隐患排查，做到全覆盖无死角。第三，抓好应急演练，提高实战能力。',
      ['抓好源头治理', '抓好隐患排查', '抓好应急演练'],
    ],
  ];

  for (const [family, paragraph, expected] of families) {
    it(`${family}: one phrase a point, each without its marker`, () => {
      // The series inside a sub-point found by its （一）, as offices write them.
      const speech = [
        TITLE,
        OPENING,
        '一、认清形势',
        '（一）清醒认识风险',
        paragraph,
        '（二）坚决守住底线',
        '要把各项工作抓紧抓实抓细，确保取得实效。',
        '同志们，让我们共同努力。',
      ].join('\n');
      const result = imported(speech);
      expect(result.tree.sections[0]!.points.map((p) => p.heading.text)).toEqual(['（一）清醒认识风险', '（二）坚决守住底线']);
      expect(phrasesOf(result, 'point:0:0')).toEqual(expected);
      expectFaithful(result, speech);
    });
  }

  it('shows all of a series or none of it: a point too long for a slide leaves out the others too', () => {
    const long = '二是要进一步加大对道路交通、自建房、燃气、危险化学品、消防、建筑施工等重点行业领域的隐患排查整治力度';
    const paragraph = `当前安全生产形势依然严峻。一是部分企业主体责任落实不到位；${long}；三是基层监管力量不足。全县上下要清醒认识风险挑战。`;
    const result = imported(
      [TITLE, OPENING, '一、认清形势', '（一）清醒认识风险', paragraph, '（二）坚决守住底线', '要把各项工作抓紧抓实抓细。', '同志们，让我们共同努力。'].join(
        '\n',
      ),
    );
    const phrases = phrasesOf(result, 'point:0:0');
    expect(phrases.length).toBeGreaterThan(0);
    for (const phrase of phrases) {
      expect(phrase).not.toMatch(/^[一二三]是|部分企业主体责任落实不到位|基层监管力量不足/);
    }
  });
});

/** Words that need what follows them, as the last word of a phrase. */
const DANGLING = ['的', '是', '和', '与', '在', '把', '对', '为', '从', '向', '关于', '以及'];
const MARKER = /^(?:[一二三四五六七八九十]+[是要、]|第[一二三四五六七八九十]+[，、]|首先|其次|再次|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、])/u;
const COURTESY = /感谢|谢谢|问候|致以|祝贺|欢迎|祝愿|拜年/u;

/** Every drafted phrase of an import, with what is wrong with it, if anything. */
function badPhrases(result: Imported): string[] {
  return [...result.phrases.values()].flat().flatMap((phrase) => {
    const words = segment(phrase).filter((w) => w.trim());
    if (DANGLING.includes(words.at(-1)!)) return [`${phrase} (ends on ${words.at(-1)})`];
    if (MARKER.test(phrase)) return [`${phrase} (starts with a marker)`];
    if (COURTESY.test(phrase)) return [`${phrase} (a courtesy)`];
    return [];
  });
}

describe('phrases a slide can show', () => {
  it('never drafts a courtesy: thanks and greetings are said, not shown', () => {
    const result = imported(
      [
        TITLE,
        OPENING,
        '今天的会议很重要，要认真贯彻落实会议精神，推动各项工作取得新成效。',
        '一、认清形势',
        '当前安全生产形势依然严峻，任务十分艰巨。',
        '同志们，让我们共同努力。',
      ].join('\n'),
    );
    expect([...result.phrases.values()].flat().join('|')).not.toContain('感谢');
    expect(badPhrases(result)).toEqual([]);
  });

  it('never stops a phrase on a word that needs what follows it', () => {
    const result = imported(
      [
        TITLE,
        '中国共产党第二十次全国代表大会的主题是高举中国特色社会主义伟大旗帜，全面贯彻新时代中国特色社会主义思想，弘扬伟大建党精神。',
        '一、认清形势',
        '要坚持把人民群众的生命安全放在首位，把安全生产的各项要求落实到每一个环节。',
        '同志们，让我们共同努力。',
      ].join('\n'),
    );
    expect([...result.phrases.values()].flat()).not.toContain('中国共产党第二十次全国代表大会的主题是');
    expect(badPhrases(result)).toEqual([]);
  });

  it('drafts no marker, courtesy or dangling phrase from any import fixture, this speech or the reviewed draft', async () => {
    const texts = [
      ...readdirSync('test/fixtures/import')
        .filter((f) => /^[a-z-]+\.txt$/.test(f))
        .map((f) => `import/${f}`),
      'speech.txt',
    ];
    for (const name of texts) expect(badPhrases(imported(fixture(name))), name).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'speech-deck-drafting-'));
    try {
      writeFileSync(join(dir, 'draft.docx'), await draftDocx());
      expect(badPhrases((await importFile({ input: join(dir, 'draft.docx'), output: join(dir, 'draft.md') })).imported)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
