import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';

/** The guide's chapters the README must lead to. */
const CHAPTERS = ['writing', 'presenting', 'import', 'studio', 'pdf', 'manuscript', 'pptx', 'check', 'look'].map((name) => `docs/guide/${name}.md`);

const md = new MarkdownIt();

const read = (file: string) => readFileSync(file, 'utf8');

/** README.md and every Markdown file under docs/. */
function markdownFiles(): string[] {
  const docs = readdirSync('docs', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
  return ['README.md', ...docs.map((f) => join('docs', f))];
}

/** Every link and picture target in a Markdown file, as markdown-it reads them (so nothing inside code counts). */
function targets(file: string): string[] {
  const walk = (tokens: Token[]): string[] =>
    tokens.flatMap((token) => {
      const own = token.type === 'link_open' ? token.attrGet('href') : token.type === 'image' ? token.attrGet('src') : null;
      return [...(own === null ? [] : [String(own)]), ...walk(token.children ?? [])];
    });
  return walk(md.parse(read(file), {}));
}

/** Links that leave the repository: the web and mail. */
const isExternal = (target: string) => /^(https?:|mailto:)/i.test(target);

/** The file a relative link points at, from the folder of the file it is in. */
function resolveTarget(from: string, target: string): { path: string; fragment: string } {
  const [path = '', fragment = ''] = decodeURIComponent(target).split('#');
  return { path: path ? normalize(join(dirname(from), path)) : from, fragment };
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. */
function anchor(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a Markdown file's headings, repeated ones numbered as GitHub numbers them. */
function anchors(file: string): Set<string> {
  const tokens = md.parse(read(file), {});
  const seen = new Map<string, number>();
  const found = new Set<string>();
  tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return;
    const base = anchor((tokens[i + 1]?.children ?? []).map((child) => child.content).join(''));
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    found.add(count ? `${base}-${count}` : base);
  });
  return found;
}

describe('the README and the guide', () => {
  const readme = read('README.md');

  it('keeps the README to 300 lines', () => {
    const lines = readme.split('\n').length - (readme.endsWith('\n') ? 1 : 0);
    expect(lines).toBeLessThanOrEqual(300);
  });

  it('gives the two commands to start with', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });

  it("has every chapter, linked from the README and from the guide's index", () => {
    const linked = (file: string) =>
      targets(file)
        .filter((t) => !isExternal(t))
        .map((t) => resolveTarget(file, t).path);
    const fromReadme = linked('README.md');
    const fromIndex = linked('docs/guide/README.md');
    for (const chapter of CHAPTERS) {
      expect(existsSync(chapter), chapter).toBe(true);
      expect(fromReadme, `README.md links to ${chapter}`).toContain(normalize(chapter));
      expect(fromIndex, `the guide's index links to ${chapter}`).toContain(normalize(chapter));
    }
  });

  it('names every dependency in the README, with its reason', () => {
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const section = readme.slice(readme.indexOf('Dependencies and why'));
    for (const name of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]) {
      expect(section, name).toMatch(new RegExp(`^\\| \`${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\`[^|]*\\| \\S`, 'm'));
    }
  });

  it("finds GitHub's anchors for headings in both languages", () => {
    expect(anchor('快速开始 · Quick start')).toBe('快速开始--quick-start');
    expect(anchor('写出的文件 · What is written, and how')).toBe('写出的文件--what-is-written-and-how');
  });

  it('has no relative link that leads nowhere', () => {
    const files = markdownFiles();
    const broken: string[] = [];
    let checked = 0;
    for (const file of files) {
      for (const target of targets(file)) {
        if (isExternal(target)) continue;
        checked++;
        const { path, fragment } = resolveTarget(file, target);
        if (!existsSync(path)) broken.push(`${file}: ${target} (no ${path})`);
        else if (fragment && !(statSync(path).isFile() && path.endsWith('.md') && anchors(path).has(fragment)))
          broken.push(`${file}: ${target} (no heading #${fragment})`);
      }
    }
    expect(broken).toEqual([]);
    // The walk itself works: the README alone links to every chapter.
    expect(files).toContain(join('docs', 'guide', 'README.md'));
    expect(checked).toBeGreaterThan(CHAPTERS.length * 2);
  });
});
