/**
 * Which styles of a .docx hide their text (字体 → 隐藏, w:vanish), read from styles.xml with the styles they are
 * based on, the default paragraph style, and the document's default run properties.
 */
import { attr, endsWith, walk } from './xml-scan.ts';

interface Style {
  type: string;
  basedOn?: string;
  /** The style's own w:vanish: true, false (w:val="0"/"false"), or unset. */
  vanish?: boolean;
}

export interface HidingStyles {
  /** Whether a paragraph style (or the default one, when undefined) hides its text. */
  paragraph(id: string | undefined): boolean;
  /** Whether a character style hides its text. */
  character(id: string | undefined): boolean;
  /** The document's default: hidden everywhere unless un-hidden. */
  base: boolean;
}

/** An on/off property's value from its tag's attributes: on unless w:val is 0, false or off. */
export const onOff = (attrs: string) => !/^(?:0|false|off)$/i.test(attr(attrs, 'w:val') ?? 'true');

/** Reads styles.xml for the styles that hide text. */
export function readHidingStyles(xml: string | undefined): HidingStyles {
  const styles = new Map<string, Style>();
  let defaultParagraph: string | undefined;
  let base = false;
  let current: Style | undefined;
  if (xml) {
    walk(xml, (tag, stack) => {
      if (tag.close) {
        if (tag.name === 'w:style') current = undefined;
        return;
      }
      if (tag.name === 'w:style') {
        const id = attr(tag.attrs, 'w:styleId') ?? '';
        const type = attr(tag.attrs, 'w:type') ?? 'paragraph';
        styles.set(id, (current = { type }));
        if (type === 'paragraph' && /^(?:1|true|on)$/i.test(attr(tag.attrs, 'w:default') ?? '')) defaultParagraph = id;
      } else if (current && tag.name === 'w:basedOn') current.basedOn = attr(tag.attrs, 'w:val') ?? '';
      else if (current && tag.name === 'w:vanish' && endsWith(stack, 'w:style', 'w:rPr')) current.vanish = onOff(tag.attrs);
      else if (tag.name === 'w:vanish' && endsWith(stack, 'w:rPrDefault', 'w:rPr')) base = onOff(tag.attrs);
    });
  }
  // Along the chain of styles a style is based on, the nearest setting holds.
  const chain = (id: string | undefined) => {
    const seen = new Set<string>();
    for (let s = id; s && !seen.has(s); s = styles.get(s)?.basedOn) {
      seen.add(s);
      const vanish = styles.get(s)?.vanish;
      if (vanish !== undefined) return vanish;
    }
    return false;
  };
  return { paragraph: (id) => chain(id ?? defaultParagraph), character: chain, base };
}
