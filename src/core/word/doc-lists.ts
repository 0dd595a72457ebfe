/**
 * Automatic numbering in a Word 97–2003 document: the lists (PlfLst) with their nine levels, and the list
 * instances paragraphs point to (PlfLfo). As for .docx (docx/numbering.ts), the numbers Word displays are counted
 * paragraph by paragraph and written in Word's formats.
 */
import { formatNumber } from '../docx/number-formats.ts';
import type { Bytes } from './bytes.ts';

interface Level {
  start: number;
  /** The number format, as .docx names it. */
  format: string;
  legal: boolean;
  /** The number text, with the characters 0–8 standing for the count of that level. */
  text: string;
}

interface Instance {
  levels: Level[];
  id: number;
  /** Levels this instance starts again at a number of its own, where it is first used. */
  starts: Map<number, number>;
}

/** Word's number format codes (MSONFC) as .docx names them; the ones not here are written as decimals. */
const FORMATS: Record<number, string> = {
  0: 'decimal',
  1: 'upperRoman',
  2: 'lowerRoman',
  3: 'upperLetter',
  4: 'lowerLetter',
  10: 'ideographDigital',
  11: 'japaneseCounting',
  14: 'decimalFullWidth',
  18: 'decimalEnclosedCircle',
  19: 'decimalFullWidth2',
  22: 'decimalZero',
  23: 'bullet',
  26: 'decimalEnclosedFullstop',
  27: 'decimalEnclosedParen',
  28: 'decimalEnclosedCircleChinese',
  30: 'ideographTraditional',
  31: 'ideographZodiac',
  33: 'taiwaneseCounting',
  34: 'ideographLegalTraditional',
  35: 'taiwaneseCountingThousand',
  36: 'taiwaneseDigital',
  37: 'chineseCounting',
  38: 'chineseLegalSimplified',
  39: 'chineseCountingThousand',
  255: 'none',
};

/** Reads one level (LVL) at `at`; returns it with where the next one starts. */
function readLevel(table: Bytes, at: number): { level: Level; next: number } {
  const cbChpx = table.u8(at + 24);
  const cbPapx = table.u8(at + 25);
  const xst = at + 28 + cbPapx + cbChpx;
  const length = table.u16(xst);
  const level: Level = {
    start: table.i32(at),
    format: FORMATS[table.u8(at + 4)] ?? 'decimal',
    legal: (table.u8(at + 5) & 0x04) !== 0,
    text: table.utf16(xst + 2, length),
  };
  return { level, next: xst + 2 + length * 2 };
}

/** The list instances by their 1-based number (ilfo), as paragraphs refer to them. */
export function readLists(table: Bytes, lists: { at: number; length: number }, overrides: { at: number; length: number }): Map<number, Instance> {
  const instances = new Map<number, Instance>();
  if (!lists.length || !overrides.length) return instances;
  const byId = new Map<number, Level[]>();
  const count = table.i16(lists.at);
  let p = lists.at + 2 + count * 28;
  for (let i = 0; i < count; i++) {
    const lstf = lists.at + 2 + i * 28;
    const levels: Level[] = [];
    const simple = (table.u8(lstf + 26) & 0x01) !== 0;
    for (let l = 0; l < (simple ? 1 : 9); l++) {
      const { level, next } = readLevel(table, p);
      levels.push(level);
      p = next;
    }
    byId.set(table.i32(lstf), levels);
  }
  const lfoCount = table.u32(overrides.at);
  let data = overrides.at + 4 + lfoCount * 16;
  for (let i = 0; i < lfoCount && i < 2000; i++) {
    const lfo = overrides.at + 4 + i * 16;
    const id = table.i32(lfo);
    const levelCount = table.u8(lfo + 12);
    const starts = new Map<number, number>();
    data += 4;
    for (let k = 0; k < levelCount; k++) {
      const start = table.i32(data);
      const flags = table.u32(data + 4);
      data += 8;
      if (flags & 0x10) starts.set(flags & 0x0f, start);
      if (flags & 0x20) data = readLevel(table, data).next;
    }
    const levels = byId.get(id);
    if (levels) instances.set(i + 1, { levels, id, starts });
  }
  return instances;
}

/** Counts numbered paragraphs in document order, as Word does, and gives the number each one displays. */
export class ListCounter {
  private readonly counts = new Map<number, Array<number | undefined>>();
  private readonly used = new Set<number>();

  constructor(private readonly instances: Map<number, Instance>) {}

  /** The number shown in front of a paragraph of list instance `ilfo` at level `ilvl`, if any. */
  next(ilfo: number, ilvl: number): string | undefined {
    const instance = this.instances.get(ilfo);
    const level = instance?.levels[ilvl];
    if (!instance || !level) return undefined;
    // Instances of one list share its count, as in Word, unless an instance starts a level again.
    const count = this.counts.get(instance.id) ?? [];
    this.counts.set(instance.id, count);
    if (!this.used.has(ilfo)) {
      this.used.add(ilfo);
      for (const [l, start] of instance.starts) count[l] = start - 1;
    }
    count[ilvl] = (count[ilvl] ?? level.start - 1) + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) count[deeper] = undefined;
    if (level.format === 'bullet' || level.format === 'none') return undefined;
    let text = '';
    for (const ch of level.text) {
      const l = ch.charCodeAt(0);
      if (l > 8) {
        text += ch;
        continue;
      }
      const lv = instance.levels[l];
      text += formatNumber(count[l] ?? lv?.start ?? 1, level.legal && l < ilvl ? 'decimal' : (lv?.format ?? 'decimal'));
    }
    return text || undefined;
  }
}
