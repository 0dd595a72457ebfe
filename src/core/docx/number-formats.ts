/** Counts written as Word writes them in its number formats (w:numFmt): 一, 壹, 甲, ①, iv … */

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';

/** A count written in one of Word's number formats (w:numFmt). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographLegalTraditional':
      return chineseCounting(n, CN_DIGITS, format === 'ideographLegalTraditional' ? ['拾', '佰', '仟'] : ['十', '百', '千']);
    case 'chineseLegalSimplified':
      return chineseCounting(n, CN_LEGAL, ['拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => CN_DIGITS[Number(d)]).join('');
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10]!;
    case 'ideographZodiac':
      return DIZHI[(n - 1) % 12]!;
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'upperLetter':
    case 'lowerLetter': {
      const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter : letter.toLowerCase();
    }
    case 'upperRoman':
    case 'lowerRoman': {
      const roman = toRoman(n);
      return format === 'upperRoman' ? roman : roman.toLowerCase();
    }
    default:
      return String(n);
  }
}

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五, as Word's Chinese counting writes them. */
function chineseCounting(n: number, digits: string, units: readonly [string, string, string]): string {
  if (n <= 0 || n >= 10000) return String(n);
  const [ten, hundred, thousand] = units;
  const places: Array<[number, string]> = [
    [1000, thousand],
    [100, hundred],
    [10, ten],
    [1, ''],
  ];
  let out = '';
  let zero = false;
  for (const [value, unit] of places) {
    const d = Math.floor(n / value) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    // Counting says 零 for a gap (一百零五); digit-by-digit writing keeps 〇.
    if (zero) out += '零';
    zero = false;
    // 十二, not 一十二, when ten is the highest place.
    out += (value === 10 && !out && d === 1 ? '' : digits[d]) + unit;
  }
  return out;
}

function toRoman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, letters] of table) for (; n >= value; n -= value) out += letters;
  return out;
}
