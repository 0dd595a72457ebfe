/**
 * A scan of the tags of machine-written XML, as WordprocessingML is: tag by tag with the names of the open
 * elements (so that numbering in a tracked change or a nested text box is told apart), and attribute values with
 * their entities decoded. Enough for the parts of a .docx that mammoth does not read; no XML library is needed.
 */

/** A start, end or empty-element tag, and where it stands in the text. */
export interface Tag {
  close: boolean;
  name: string;
  attrs: string;
  selfClosing: boolean;
  index: number;
  end: number;
}

const TAG =
  /<(\/?)([A-Za-z_][\w.-]*(?::[\w.-]+)?)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;

function* tags(xml: string): Generator<Tag> {
  for (const m of xml.matchAll(TAG)) {
    if (!m[2]) continue;
    yield { close: m[1] === '/', name: m[2], attrs: m[3] ?? '', selfClosing: m[4] === '/', index: m.index, end: m.index + m[0].length };
  }
}

/** An attribute's value from a tag's attributes, entities decoded. */
export function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : undefined;
}

/** Text with its XML entities decoded. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!;
  });
}

/** Walks the tags with the names of the open elements, innermost last. */
export function walk(xml: string, visit: (tag: Tag, stack: readonly string[]) => void): void {
  const stack: string[] = [];
  for (const tag of tags(xml)) {
    if (tag.close) {
      const at = stack.lastIndexOf(tag.name);
      if (at >= 0) stack.length = at;
      visit(tag, stack);
      continue;
    }
    visit(tag, stack);
    if (!tag.selfClosing) stack.push(tag.name);
  }
}

/** Whether the innermost open elements are these, outermost first. */
export const endsWith = (stack: readonly string[], ...names: string[]) => names.every((n, i) => stack[stack.length - names.length + i] === n);
