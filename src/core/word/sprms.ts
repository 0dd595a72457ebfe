/**
 * Property modifiers (sprms) of Word 97–2003: each a two-byte code whose top three bits give the size of its
 * operand. The reader walks lists of them to find the few properties it uses.
 */
import type { Bytes } from './bytes.ts';

/** The sprms this reader looks at. */
export const SPRM = {
  deleted: 0x0800,
  inserted: 0x0801,
  special: 0x0855,
  bold: 0x0835,
  hidden: 0x083c,
  charStyle: 0x4a30,
  listLevel: 0x260a,
  list: 0x460b,
  inTable: 0x2416,
  rowEnd: 0x2417,
  innerRowEnd: 0x244c,
} as const;

const DEF_TABLE = 0xd608;
const CHANGE_TABS = 0xc615;

/** Each sprm of a list with where its operand starts. */
export function* sprms(list: Bytes): Generator<{ code: number; at: number }> {
  let p = 0;
  while (p + 2 <= list.length) {
    const code = list.u16(p);
    const spra = code >> 13;
    let size: number;
    if (spra === 0 || spra === 1) size = 1;
    else if (spra === 2 || spra === 4 || spra === 5) size = 2;
    else if (spra === 3) size = 4;
    else if (spra === 7) size = 3;
    else if (code === DEF_TABLE) size = list.u16(p + 2) + 1;
    else if (code === CHANGE_TABS) size = list.u8(p + 2) + 1;
    else size = list.u8(p + 2) + 1;
    yield { code, at: p + 2 };
    p += 2 + size;
  }
}

/** The operand of the last sprm of a code in a list (the last one wins), as an unsigned number of its size. */
export function sprmValue(list: Bytes | undefined, code: number): number | undefined {
  if (!list) return undefined;
  let value: number | undefined;
  const spra = code >> 13;
  for (const s of sprms(list)) {
    if (s.code !== code) continue;
    value = spra === 0 || spra === 1 ? list.u8(s.at) : spra === 3 ? list.u32(s.at) : list.u16(s.at);
  }
  return value;
}
