import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spokenSlides } from '../src/core/model.ts';
import { importFile, type ImportResult } from '../src/node/speech/import-file.ts';
import { DRAFT, DRAFT_SPOKEN, DRAFT_UNSPOKEN, draftDocx } from './helpers/draft-docx.ts';
import { allNotes } from './helpers/import.ts';
import { squash } from './helpers/speech.ts';

/**
 * A draft after review, as Word saves it (.docx made here with the `docx` package) and as Word 97–2003 saves it
 * (test/fixtures/word/draft.doc, the same draft converted by LibreOffice): only what Word shows is spoken, and
 * the report tells the clerk of everything else.
 */
const dir = mkdtempSync(join(tmpdir(), 'speech-deck-review-'));
const results: Record<'docx' | 'doc', ImportResult> = {} as never;

beforeAll(async () => {
  writeFileSync(join(dir, 'draft.docx'), await draftDocx());
  results.docx = await importFile({ input: join(dir, 'draft.docx'), output: join(dir, 'docx.md') });
  results.doc = await importFile({ input: 'test/fixtures/word/draft.doc', output: join(dir, 'doc.md') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every text the deck shows or says: notes, headings, key phrases. */
const everything = (result: ImportResult) => result.imported.markdown;

describe.each(['docx', 'doc'] as const)('a reviewed draft as .%s', (format) => {
  const result = () => results[format];

  it('speaks exactly what Word shows: inserted text in, deleted, hidden, comment, footnote and field codes out, the text box after its paragraph', () => {
    expect(squash(allNotes(result().imported.deck))).toBe(squash(DRAFT_SPOKEN.join('')));
    for (const word of DRAFT_UNSPOKEN) expect(everything(result()), word).not.toContain(word);
    // The text box's words come right after the paragraph it is anchored in.
    const notes = spokenSlides(result().imported.deck).flatMap((s) => s.notes.map((n) => n.text));
    expect(notes[notes.indexOf(DRAFT.boxAnchor) + 1]).toBe(DRAFT.box);
  });

  it('leaves no empty paragraph where a wholly hidden one was, and drafts nothing from hidden text', () => {
    const section = result().imported.deck.sections[0]!;
    expect(section.opener.notes.map((n) => n.text)).toEqual([
      DRAFT.s1,
      DRAFT.s1a.join(''),
      DRAFT.unhidden,
      `${DRAFT.s1b[0]}${DRAFT.inserted}${DRAFT.s1b[1]}`,
      DRAFT.footnoted,
    ]);
    expect(result().imported.markdown).not.toMatch(/\n\n\n\n/);
  });

  it('reports the hidden passages with their paragraphs and opening words, Chinese first', () => {
    const line = result()
      .report.split('\n')
      .find((l) => l.includes('隐藏文字'))!;
    expect(line).toMatch(
      /3 处隐藏文字（字体设为“隐藏”）没有念，也不显示：第 7 段“（此处请核实数据）”，第 8 段“【内部：数据待应急局确认】”，第 9 段“（起草说明：/,
    );
    expect(line).toMatch(/ · 3 passage\(s\) of hidden text .*paragraph 7 "（此处请核实数据）"/);
  });

  it('reports the comment with its author, its paragraph and the words it is on', () => {
    expect(result().report).toContain(`第 5 段有 ${DRAFT.author}的批注：“${DRAFT.comment}”（批在“${DRAFT.commentOn}”上）`);
    expect(result().report).toContain(`paragraph 5 has a comment by ${DRAFT.author}: "${DRAFT.comment}" (on "${DRAFT.commentOn}")`);
  });

  it('reports the unaccepted revisions, read as accepted', () => {
    expect(result().report).toMatch(
      /文件里有 2 处没有接受或拒绝的修订（插入 1 处，删除 1 处），已按“全部接受”读入.* · the file has 2 tracked change\(s\).*read as if all were accepted/,
    );
  });

  it('reports the text box taken in, the footnote, the table of contents and the page number left out', () => {
    const { report } = result();
    expect(report).toMatch(new RegExp(`的文字来自文本框，已读进讲稿、放在它所在的段落之后：“${DRAFT.box}”`));
    expect(report).toContain(`第 11 段的脚注不念，也不进讲稿：“${DRAFT.footnote}”`);
    expect(report.match(/目录没有读入/g)).toHaveLength(1);
    expect(report).toContain('第 2 段起的目录没有读入（目录不念） · the table of contents from paragraph 2 on was left out');
    expect(report).toMatch(/第 1[67] 段的页码域没有读入 · the page number field/);
  });

  it('finds the structure under the review marks', () => {
    const { tree } = result().imported;
    expect(tree.title.text).toBe(DRAFT.title);
    expect(tree.sections.map((s) => [s.heading.text, s.points.map((p) => p.heading.text)])).toEqual([
      [DRAFT.s1, []],
      [DRAFT.s2, [DRAFT.p21, DRAFT.p22]],
    ]);
    expect(tree.closing?.cue).toBe('同志们');
  });
});

describe('hidden text through styles', () => {
  it('hides through a paragraph style too, un-hides with w:val="0", and a wholly hidden numbered paragraph takes no number', async () => {
    const doc = new Document({
      styles: { paragraphStyles: [{ id: 'DraftNote', name: '起草说明', basedOn: 'Normal', run: { vanish: true } }] },
      numbering: {
        config: [{ reference: 'parts', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.START }] }],
      },
      sections: [
        {
          children: [
            new Paragraph('在全县工作会议上的讲话'),
            new Paragraph({ text: '加强学习', numbering: { reference: 'parts', level: 0 } }),
            new Paragraph({ style: 'DraftNote', children: [new TextRun('这一段整段隐藏。'), new TextRun({ text: '只有这句显示。', vanish: false })] }),
            new Paragraph({ style: 'DraftNote', numbering: { reference: 'parts', level: 0 }, children: [new TextRun('隐藏的编号段落')] }),
            new Paragraph({ text: '改进作风', numbering: { reference: 'parts', level: 0 } }),
            new Paragraph('要把学习成果转化为工作成效。'),
          ],
        },
      ],
    });
    writeFileSync(join(dir, 'styles.docx'), await Packer.toBuffer(doc));
    const { imported, report } = await importFile({ input: join(dir, 'styles.docx'), output: join(dir, 'styles.md') });
    expect(squash(allNotes(imported.deck))).toBe(squash('在全县工作会议上的讲话一、加强学习只有这句显示。二、改进作风要把学习成果转化为工作成效。'));
    expect(imported.tree.sections.map((s) => s.heading.text)).toEqual(['一、加强学习', '二、改进作风']);
    expect(report).toMatch(/2 处隐藏文字.*第 3 段“这一段整段隐藏。”，第 4 段“隐藏的编号段落”/);
  });
});

describe('text boxes', () => {
  it('takes in a text box written only as DrawingML (no VML copy), after its paragraph', async () => {
    const zip = await JSZip.loadAsync(await draftDocx());
    const shape =
      '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">' +
      '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>' +
      '<wp:extent cx="1828800" cy="457200"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="9" name="文本框 9"/>' +
      '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">' +
      '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent><w:p><w:r><w:t>值班电话：12119</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>' +
      '</a:graphicData></a:graphic></wp:anchor></w:drawing>';
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pict>[\s\S]*?<\/w:pict>/);
    zip.file('word/document.xml', xml.replace(/<w:pict>[\s\S]*?<\/w:pict>/, shape));
    writeFileSync(join(dir, 'drawing.docx'), await zip.generateAsync({ type: 'nodebuffer' }));
    const { imported, report } = await importFile({ input: join(dir, 'drawing.docx'), output: join(dir, 'drawing.md') });
    const notes = spokenSlides(imported.deck).flatMap((s) => s.notes.map((n) => n.text));
    expect(notes[notes.indexOf(DRAFT.boxAnchor) + 1]).toBe('值班电话：12119');
    expect(report).toContain('的文字来自文本框，已读进讲稿、放在它所在的段落之后：“值班电话：12119”');
  });
});
