/** The part of a slide id made from a heading: its letters and digits joined by "-", at most `length` long. */
export function slugBase(text: string, length = 40): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, length)
    .replace(/-+$/, '');
}

/**
 * Makes slide ids from headings, so that `#/id` links survive edits elsewhere in the speech. With `within` (a
 * section's title), the id is the heading's within that section, for a heading several sections share.
 */
export function createSlugger(reserved: readonly string[] = []): (text: string, within?: string) => string {
  const taken = new Set<string>(reserved);
  return (text, within) => {
    let base = within ? [slugBase(within, 20), slugBase(text)].filter(Boolean).join('-') : slugBase(text);
    // reveal.js reads an all-digit hash as slide numbers, so such ids get a prefix.
    if (!base || /^[\d-]+$/.test(base)) base = `slide-${base}`.replace(/-+$/, '');
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
}
