import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decode } from '../src/core/decode.ts';
import { importSpeech, textParagraphs, type Imported } from '../src/core/import/index.ts';
import { parse } from '../src/core/parse.ts';
import { buildDeck } from '../src/node/commands/build.ts';
import { DEFAULT_INPUT, main } from '../src/node/cli.ts';
import { CLIError } from '../src/node/errors.ts';
import { importFile } from '../src/node/speech/import-file.ts';
import { deckShape, expectFaithful, segment, treeShape, type TreeShape } from './helpers/import.ts';
import { squash } from './helpers/speech.ts';

const original = readFileSync('test/fixtures/speech.txt', 'utf8');
const handMade = parse(readFileSync('test/fixtures/speech.md', 'utf8'));

const importText = (text: string): Imported => importSpeech(textParagraphs(text), { segment });
const fixture = (name: string) => decode(readFileSync(`test/fixtures/import/${name}`)).text;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'speech-deck-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('importing the original speech, test/fixtures/speech.txt', () => {
  const imported = importText(original);

  it('finds the title, the opening, 3 sections, the 9 sub-points of speech.md by their headings, and the closing', () => {
    expect(imported.tree.title).toMatchObject({ text: '在县政府党组学习研讨会上的发言', line: 1 });
    expect(imported.tree.opening?.line).toBe(3);
    expect(deckShape(imported.deck)).toEqual(deckShape(handMade));
    expect(imported.deck.sections.flatMap((s) => s.points)).toHaveLength(9);
    expect(imported.tree.closing).toMatchObject({ cue: '新的一年', line: 7 });
    // Sections and sub-points are found where they are run into the paragraphs, by their rules.
    expect(imported.tree.sections.map((s) => [s.heading.line, s.heading.found])).toEqual([
      [4, 'numbered'],
      [5, 'numbered'],
      [6, 'numbered'],
    ]);
    expect(new Set(imported.tree.sections.flatMap((s) => s.points.map((p) => p.heading.found)))).toEqual(new Set(['parallel']));
  });

  it('keeps the original text verbatim in the notes, slips included: nothing is corrected on import', () => {
    expectFaithful(imported, original);
    expect(imported.markdown).toContain('习近平新时期中国特色社会主义思想');
    expect(imported.markdown).toContain('干涉府采购');
  });

  it('splits each section paragraph where speech.md splits it, so each slide says what the hand-made one says', () => {
    const said = (deck: typeof handMade) =>
      deck.sections.flatMap((s) => [s.opener, ...s.points]).map((slide) => squash(slide.notes.map((n) => n.text).join('')));
    const corrected = (text: string) => text.replace('习近平新时期', '习近平新时代').replace('干涉府采购', '干涉政府采购');
    expect(said(imported.deck).map(corrected)).toEqual(said(handMade));
  });

  it('drafts 2 to 4 key phrases for every slide that has more to say than its heading', () => {
    for (const slide of [imported.deck.opening!, ...imported.deck.sections.flatMap((s) => [s.opener, ...s.points]), imported.deck.closing!]) {
      expect(slide.visible.length, slide.heading.text).toBeGreaterThanOrEqual(2);
      expect(slide.visible.length, slide.heading.text).toBeLessThanOrEqual(4);
    }
  });

  it('drafts phrases like the hand-chosen ones of speech.md: at least a third share most of their characters with one', () => {
    const shared = (a: string, b: string) => {
      const left = [...b];
      return [...a].filter((c) => {
        if (!left.includes(c)) return false;
        left.splice(left.indexOf(c), 1);
        return true;
      }).length;
    };
    const slides = (deck: typeof handMade) => [deck.opening!, ...deck.sections.flatMap((s) => [s.opener, ...s.points]), deck.closing!];
    const hand = slides(handMade);
    const drafted = slides(imported.deck).flatMap((slide, i) => slide.visible.map((v) => ({ text: v.text, hand: hand[i]!.visible.map((h) => h.text) })));
    const alike = drafted.filter((d) => d.hand.some((h) => shared(d.text, h) >= Math.max([...d.text].length, [...h].length) / 2));
    expect(alike.length).toBeGreaterThanOrEqual(drafted.length / 3);
  });

  it('builds with no edits into a 16-slide deck whose notes are the original text', async () => {
    const md = join(dir, 'speech.md');
    writeFileSync(md, imported.markdown);
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const html = readFileSync(await buildDeck(md, join(dir, 'dist')), 'utf8');
    vi.restoreAllMocks();
    expect(html.match(/<section\b[^>]*\bdata-timing=/g)).toHaveLength(16);
    const notes = [...html.matchAll(/<aside class="notes">(.*?)<\/aside>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, '')).join('');
    expect(squash(notes.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!))).toBe(
      squash(original),
    );
  });
});

/** The text fixtures: one per rule, with the tree each must give. */
const TEXT_FIXTURES: Array<{ file: string; meta?: string[]; tree: TreeShape }> = [
  {
    file: 'paren.txt',
    meta: ['县长　张三', '（2024年3月1日）'],
    tree: {
      title: '在全县安全生产工作会议上的讲话',
      meta: { speaker: '县长 张三', date: '2024年3月1日' },
      opening: true,
      sections: [
        { heading: '一、提高思想认识，切实增强做好安全生产工作的责任感', points: ['（一）牢固树立安全发展理念', '（二）清醒认识当前严峻形势'] },
        { heading: '二、突出工作重点，全力防范化解重大安全风险', points: ['（一）抓好道路交通安全', '（二）抓好建筑施工安全', '（三）抓好消防安全'] },
        { heading: '三、强化责任落实，确保各项措施落地见效', points: ['（一）压实属地管理责任', '（二）压实部门监管责任'] },
      ],
      closing: '最后',
    },
  },
  {
    file: 'arabic.txt',
    tree: {
      title: '关于做好2024年春季农业生产工作的讲话',
      opening: true,
      sections: [
        { heading: '第一部分　认清形势，增强抓好春耕生产的紧迫感', points: ['1.稳住粮食播种面积', '2.抓好农资供应保障'] },
        { heading: '第二部分　强化措施，确保春耕生产顺利推进', points: ['1.加强农技指导服务', '2.做好防灾减灾准备', '3.加大金融支持力度'] },
      ],
      closing: '总之',
    },
  },
  {
    file: 'ordinal.txt',
    tree: {
      title: '在全市优化营商环境推进会上的发言',
      opening: true,
      sections: [
        { heading: '一、主要做法', points: ['简化审批流程', '降低企业成本', '强化要素保障'] },
        { heading: '二、存在问题', points: ['政务服务数字化水平不高，部分事项仍需多头跑', '涉企检查还不够规范，存在重复检查现象'] },
        { heading: '三、下步打算', points: ['深化“放管服”改革，推动更多事项“一网通办”', '开展涉企执法专项整治，坚决杜绝随意检查', '健全政企沟通机制'] },
      ],
      closing: '让我们',
    },
  },
  {
    file: 'parallel.txt',
    tree: {
      title: '在全县防汛工作会议上的讲话',
      opening: true,
      sections: [
        { heading: '一、立足防大汛，做好各项准备', points: ['突出一个“早”字', '突出一个“实”字', '突出一个“快”字'] },
        { heading: '二、坚持以人为本，确保群众安全', points: ['要抓好转移安置', '要抓好值班值守'] },
      ],
      closing: '同志们',
    },
  },
  {
    file: 'no-sections.txt',
    tree: { title: '在退休老干部座谈会上的讲话', opening: true, sections: [] },
  },
  {
    file: 'no-points.txt',
    meta: ['（2024年9月10日）'],
    tree: {
      title: '在全县教育工作会议上的讲话',
      meta: { date: '2024年9月10日' },
      opening: true,
      sections: [
        { heading: '一、充分肯定过去一年教育工作取得的成绩', points: [] },
        { heading: '二、准确把握教育改革发展面临的形势', points: ['（一）推进城乡教育一体化', '（二）加强教师队伍建设'] },
        { heading: '三、凝心聚力推动教育高质量发展', points: [] },
      ],
      closing: '总之',
    },
  },
];

describe('importing the text fixtures', () => {
  for (const { file, meta, tree } of TEXT_FIXTURES) {
    it(`${file}: finds the expected tree, and the Markdown written says the same`, () => {
      const imported = importText(fixture(file));
      expect(treeShape(imported)).toEqual(tree);
      const { closing, meta: _, ...rest } = tree;
      expect(deckShape(imported.deck)).toEqual({ ...rest, closing: closing !== undefined });
    });

    it(`${file}: notes equal the source text, every phrase is from its own slide`, () => {
      expectFaithful(importText(fixture(file)), fixture(file), meta);
    });
  }

  it('says what deserves a look: no sections, a section without sub-points, the lines moved to the front matter', () => {
    const none = importText(fixture('no-sections.txt'));
    expect(none.tree.notices.map((n) => n.en)).toEqual([expect.stringMatching(/^no sections found/)]);
    const noPoints = importText(fixture('no-points.txt'));
    expect(noPoints.tree.notices.map((n) => [n.line, n.en.slice(0, 22)])).toEqual([
      [6, 'no sub-points found in'],
      [12, 'no sub-points found in'],
    ]);
    expect(noPoints.markdown).toMatch(/^---\nspeaker:\noccasion: 全县教育工作会议\ndate: 2024年9月10日\nrate: 200\ntheme: light\n---\n/);
  });

  it('reads GBK and UTF-16 text into the same speech as the UTF-8 original', () => {
    // paren.gbk.txt and ordinal.utf16.txt hold the same text as paren.txt and ordinal.txt, with CRLF line ends,
    // encoded once with Python: text.replace('\n', '\r\n').encode('gbk') and b'\xff\xfe' + ….encode('utf-16-le').
    for (const [encoded, plain, encoding] of [
      ['paren.gbk.txt', 'paren.txt', 'gb18030'],
      ['ordinal.utf16.txt', 'ordinal.txt', 'utf-16le'],
    ] as const) {
      const decoded = decode(readFileSync(`test/fixtures/import/${encoded}`));
      expect(decoded.encoding).toBe(encoding);
      const imported = importText(decoded.text);
      expect(imported.markdown).toBe(importText(fixture(plain)).markdown);
    }
  });
});

/** Runs `speech-deck import` in this process, from `cwd`, returning its exit code and output. */
async function runImport(cwd: string, ...args: string[]): Promise<{ code: number; out: string }> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const here = process.cwd();
  process.chdir(cwd);
  try {
    const code = await main(['import', ...args]);
    return { code, out: log.mock.calls.map((a) => String(a[0])).join('\n') };
  } catch (error) {
    if (error instanceof CLIError) return { code: error.exitCode, out: error.message };
    throw error;
  } finally {
    process.chdir(here);
    log.mockRestore();
  }
}

describe('speech-deck import', () => {
  const speechTxt = resolve('test/fixtures/speech.txt');

  it('writes slides/<name>.md under the working directory and prints the tree, the time and the drafted phrases', async () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const { code, out } = await runImport(cwd, speechTxt);
    expect(code).toBe(0);
    const written = readFileSync(join(cwd, DEFAULT_INPUT), 'utf8');
    expect(written).toBe(importText(original).markdown);
    expect(readdirSync(join(cwd, dirname(DEFAULT_INPUT)))).toEqual(['speech.md']);
    expect(out).toContain('找到的结构');
    expect(out).toMatch(/部分 · section +4 +一、以加强党性锤炼成果为动能，开展政治学习/);
    expect(out).toMatch(/小点 · point +6 +要有所畏惧，不要无所畏惧 +〔并列短句 · parallel short sentences〕/);
    expect(out).toContain('16 张幻灯片，预计讲话约 9 分 20 秒（每分钟 200 字） · 16 slides, about 9 min 20 s of speaking');
    expect(out).toMatch(/slides\/speech\.md:11: 共 \d+ 条要点.*drafted/);
    expect(out).toContain(`npm start -- ${DEFAULT_INPUT}`);
  });

  it('never overwrites an existing file without --force, and replaces it with --force', async () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const target = join(cwd, 'mine.md');
    writeFileSync(target, '# my own edits\n');
    const refused = await runImport(cwd, speechTxt, '-o', 'mine.md');
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/^mine\.md: 已经存在，没有改动；要覆盖请加 --force.*already exists, left as it is; add --force/);
    expect(readFileSync(target, 'utf8')).toBe('# my own edits\n');
    const forced = await runImport(cwd, speechTxt, '-o', 'mine.md', '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(importText(original).markdown);
    // Only the file reported is there: no temporary files are left behind.
    expect(readdirSync(cwd)).toEqual(['mine.md']);
  });

  it("says plainly when a file stands where the output's folder should be, and writes nothing", async () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    writeFileSync(join(cwd, 'afile.txt'), 'not a folder');
    const refused = await runImport(cwd, speechTxt, '-o', 'afile.txt/讲话.md');
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/^无法写出“afile\.txt”：此处是文件，不是文件夹 · cannot write afile\.txt: a file stands where a folder should be$/);
    expect(readdirSync(cwd)).toEqual(['afile.txt']);
  });

  it('refuses the writeNew race too: a file that appears after the check is not replaced', async () => {
    const { writeNew } = await import('../src/node/files/write-new.ts');
    const target = join(mkdtempSync(join(dir, 'race-')), 'x.md');
    writeFileSync(target, 'first');
    expect(() => writeNew(target, 'second', false)).toThrow(CLIError);
    expect(readFileSync(target, 'utf8')).toBe('first');
    writeNew(target, 'second', true);
    expect(readFileSync(target, 'utf8')).toBe('second');
  });

  it('tells the user to save a damaged Word file or a PDF as .docx, in both languages, with exit code 1', async () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    // A Word 97–2003 file cut short: the OLE signature, whatever its name says, and nothing readable after it.
    writeFileSync(join(cwd, '讲话.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    writeFileSync(join(cwd, '讲话.wps'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    writeFileSync(join(cwd, 'renamed.txt'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    writeFileSync(join(cwd, 'speech.pdf'), '%PDF-1.4');
    for (const name of ['讲话.doc', '讲话.wps', 'renamed.txt', 'speech.pdf']) {
      const { code, out } = await runImport(cwd, name);
      expect(code, name).toBe(1);
      expect(out, name).toMatch(new RegExp(`^${name.replace('.', '\\.')}: .*另存为.* · .*(Save As|save it as .docx)`, 's'));
    }
    expect(existsSync(join(cwd, dirname(DEFAULT_INPUT)))).toBe(false);
  });

  it('says plainly when the file is missing or no file is given', async () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    expect(await runImport(cwd, 'nothing.docx')).toEqual({ code: 1, out: 'nothing.docx: 没有这个文件 · no such file' });
    const none = await runImport(cwd);
    expect(none.code).toBe(1);
    expect(none.out).toMatch(/^import 需要给出要读的 Word 或文本文件.* · import needs the Word or text file to read/);
  });

  it('runs as `npm run import -- <file>` does: a child process, the report on stdout, exit code 0', async () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const { stdout } = await promisify(execFile)('node', [resolve('bin/speech-deck.js'), 'import', speechTxt, '-o', 'out/讲话.md'], { cwd });
    expect(stdout).toContain('已写入：out/讲话.md · Wrote: out/讲话.md');
    expect(existsSync(join(cwd, 'out/讲话.md'))).toBe(true);
    const again = await promisify(execFile)('node', [resolve('bin/speech-deck.js'), 'import', speechTxt, '-o', 'out/讲话.md'], { cwd }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('out/讲话.md: 已经存在') });
  });

  it('imports a GBK file through the command, naming its encoding among what deserves a look', async () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const { code, out } = await runImport(cwd, resolve('test/fixtures/import/paren.gbk.txt'));
    expect(code).toBe(0);
    expect(out).toMatch(/paren\.gbk\.txt:1: 提醒 warning: 文件不是 UTF-8，已按 GBK\/GB18030.* · the file is not UTF-8; it was read as GBK/);
    expect(readFileSync(join(cwd, 'slides/paren.gbk.md'), 'utf8')).toBe(importText(fixture('paren.txt')).markdown);
    const result = await importFile({ input: resolve('test/fixtures/import/ordinal.utf16.txt'), output: join(cwd, 'o.md') });
    expect(result.report).toMatch(/ordinal\.utf16\.txt:1: 提醒 warning: 文件是 UTF-16LE.* · the file is UTF-16LE/);
  });
});
