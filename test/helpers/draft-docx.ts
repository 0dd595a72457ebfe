import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  PageNumber,
  Paragraph,
  TableOfContents,
  Textbox,
  TextRun,
} from 'docx';

/**
 * A speech as the office passes it round after review, made with the `docx` package: hidden text on a run
 * and through a character style (with a run inside it un-hidden by w:val="0"), a wholly hidden paragraph,
 * a comment, an insertion and a deletion, a footnote, a table of contents, a page number field and a text box.
 * Each paragraph lists what Word shows of it; `spoken` is the speech as it must be read.
 */
export const DRAFT = {
  title: '在全县森林防灭火工作会议上的讲话',
  opening: '今天召开全县森林防灭火工作会议，主要任务是总结去年工作，安排部署今年任务。',
  commentOn: '安排部署今年任务',
  comment: '这句话请领导确认',
  author: '县政府办 李明',
  s1: '一、认清形势，增强责任感和紧迫感',
  hiddenRun: '（此处请核实数据）',
  s1a: ['去年，全县未发生森林火灾，', '形势总体平稳。'],
  styled: '【内部：数据待应急局确认】',
  unhidden: '全年共组织巡山护林一万二千余人次。',
  hiddenParagraph: '（起草说明：本段以下数据会前再核，定稿时删除。）',
  inserted: '切实',
  deleted: '认真',
  s1b: ['各乡镇要', '落实防火责任，决不能麻痹大意。'],
  footnoted: '今年春季气象干旱风险偏高。',
  footnote: '据县气象局三月会商意见。',
  s2: '二、突出重点，抓好火源管控',
  p21: '（一）严管野外用火',
  p21body: '清明、春节等重点时段，要在林区路口设卡检查，严禁带火上山。',
  boxAnchor: '发现火情，要第一时间报告。',
  box: '火情报告电话：12119',
  p22: '（二）强化应急处置',
  p22body: '各级扑火队伍要做到拉得出、冲得上、打得赢，确保人员安全。',
  page: '（本页完）',
  closing: '同志们，森林防灭火责任重于泰山。让我们坚定信心，扎实工作，确保全县森林资源安全。',
};

/** What the draft says aloud, paragraph by paragraph: what Word shows of its text, the text box taken in after its paragraph. */
export const DRAFT_SPOKEN = [
  DRAFT.title,
  DRAFT.opening,
  DRAFT.s1,
  DRAFT.s1a.join(''),
  DRAFT.unhidden,
  `${DRAFT.s1b[0]}${DRAFT.inserted}${DRAFT.s1b[1]}`,
  DRAFT.footnoted,
  DRAFT.s2,
  `${DRAFT.p21}。${DRAFT.p21body}`,
  DRAFT.boxAnchor,
  DRAFT.box,
  `${DRAFT.p22}。${DRAFT.p22body}`,
  DRAFT.page,
  DRAFT.closing,
];

/** Words that must never be spoken or shown: hidden, deleted, the comment, the footnote, field codes. */
export const DRAFT_UNSPOKEN = [DRAFT.hiddenRun, DRAFT.styled, DRAFT.hiddenParagraph, DRAFT.deleted, DRAFT.comment, DRAFT.footnote, 'TOC', 'PAGE', '目录'];

const revision = { author: DRAFT.author, date: '2024-03-01T09:00:00Z' };

/** The draft as a .docx. */
export async function draftDocx(): Promise<Buffer> {
  const doc = new Document({
    styles: { characterStyles: [{ id: 'InternalNote', name: '内部备注', run: { vanish: true, color: '888888' } }] },
    comments: { children: [{ id: 0, author: DRAFT.author, initials: 'LM', date: new Date('2024-03-01'), children: [new Paragraph(DRAFT.comment)] }] },
    footnotes: { 1: { children: [new Paragraph(DRAFT.footnote)] } },
    features: { trackRevisions: true },
    sections: [
      {
        children: [
          new Paragraph({ text: DRAFT.title, heading: HeadingLevel.TITLE }),
          new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-2' }),
          new Paragraph({
            children: [
              new TextRun(DRAFT.opening.slice(0, DRAFT.opening.indexOf(DRAFT.commentOn))),
              new CommentRangeStart(0),
              new TextRun(DRAFT.commentOn),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
              new TextRun('。'),
            ],
          }),
          new Paragraph({ text: DRAFT.s1, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun(DRAFT.s1a[0]!), new TextRun({ text: DRAFT.hiddenRun, vanish: true }), new TextRun(DRAFT.s1a[1]!)] }),
          new Paragraph({
            children: [new TextRun({ text: DRAFT.styled, style: 'InternalNote' }), new TextRun({ text: DRAFT.unhidden, style: 'InternalNote', vanish: false })],
          }),
          new Paragraph({ children: [new TextRun({ text: DRAFT.hiddenParagraph, vanish: true })] }),
          new Paragraph({
            children: [
              new TextRun(DRAFT.s1b[0]!),
              new DeletedTextRun({ id: 1, text: DRAFT.deleted, ...revision }),
              new InsertedTextRun({ id: 2, text: DRAFT.inserted, ...revision }),
              new TextRun(DRAFT.s1b[1]!),
            ],
          }),
          new Paragraph({ children: [new TextRun(DRAFT.footnoted), new FootnoteReferenceRun(1)] }),
          new Paragraph({ text: DRAFT.s2, heading: HeadingLevel.HEADING_1 }),
          new Paragraph(`${DRAFT.p21}。${DRAFT.p21body}`),
          new Paragraph({
            children: [new TextRun(DRAFT.boxAnchor), new Textbox({ children: [new Paragraph(DRAFT.box)], style: { width: '2in', height: '0.5in' } })],
          }),
          new Paragraph(`${DRAFT.p22}。${DRAFT.p22body}`),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(DRAFT.page), new TextRun({ children: [PageNumber.CURRENT] })] }),
          new Paragraph(DRAFT.closing),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
