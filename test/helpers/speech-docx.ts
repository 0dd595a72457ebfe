import { readFileSync } from 'node:fs';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph } from 'docx';

/**
 * This speech (test/fixtures/speech.txt) as the office would have it in Word: the title in Word's Title style,
 * the three sections numbered by Word's automatic Chinese numbering (一、 is in numbering.xml, not in the text),
 * the sub-points run into each section's paragraph. What Word shows is exactly speech.txt.
 */
export async function speechDocx(): Promise<Buffer> {
  const lines = readFileSync('test/fixtures/speech.txt', 'utf8')
    .split('\n')
    .filter((line) => line.trim());
  const numeral = /^[一二三四五六七八九十]+、/;
  const doc = new Document({
    numbering: {
      config: [{ reference: 'sections', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.START }] }],
    },
    sections: [
      {
        children: lines.map((line, i) =>
          i === 0
            ? new Paragraph({ text: line, heading: HeadingLevel.TITLE })
            : numeral.test(line)
              ? new Paragraph({ text: line.replace(numeral, ''), numbering: { reference: 'sections', level: 0 } })
              : new Paragraph({ text: line }),
        ),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
