/** Makes slide ids from headings, so that `#/id` links survive edits elsewhere in the speech. */
export function createSlugger(reserved: readonly string[] = []): (text: string) => string {
  const taken = new Set<string>(reserved);
  return (text) => {
    let base = text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '');
    // reveal.js reads an all-digit hash as slide numbers, so such ids get a prefix.
    if (!base || /^[\d-]+$/.test(base)) base = `slide-${base}`.replace(/-+$/, '');
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
}
