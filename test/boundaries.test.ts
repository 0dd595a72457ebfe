import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts file below a folder of src/, with its import specifiers. */
function modules(folder: string): Array<{ file: string; imports: string[]; text: string }> {
  const root = join('src', folder);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => {
      const file = join(root, f);
      const text = readFileSync(file, 'utf8');
      const imports = [
        ...text.matchAll(
          /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g,
        ),
      ].map((m) => m[1] ?? m[2] ?? m[3]!);
      return { file, imports, text };
    });
}

// mammoth is not here: its package has a browser build, and the one Word reader (core/docx/reader.ts) runs in the studio page too.
const NODE_ONLY = /^(node:|fs$|path$|os$|child_process$|crypto$|url$|vite|playwright|@node-rs\/|subset-font|fonteditor-core|pdf-lib|sharp|tsx)/;
// An object key of the same name (docx takes its defaults as `document: {…}`) is not the global.
const DOM_GLOBALS = /\b(document|window|navigator|localStorage|HTMLElement|getComputedStyle|requestAnimationFrame)\b(?!\s*:)/;

/** Strips comments and the insides of strings, so that a message naming a "Word document" is not taken for code using it. */
const code = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");

describe('where code runs', () => {
  it('finds modules in each folder (the walk itself works)', () => {
    for (const folder of ['core', 'render', 'client', 'node']) expect(modules(folder).length).toBeGreaterThan(0);
    expect(modules('core').find((m) => m.file.endsWith('parse.ts'))!.imports).toContain('./markdown.ts');
  });

  it('keeps the core and the renderers pure: no Node, no browser globals, nothing from node/ or client/', () => {
    const found = [...modules('core'), ...modules('render')].flatMap(({ file, imports, text }) => [
      ...imports.filter((i) => NODE_ONLY.test(i) || /(^|\/)(node|client)\//.test(i)).map((i) => `${file} imports ${i}`),
      ...(DOM_GLOBALS.exec(code(text)) ? [`${file} uses ${DOM_GLOBALS.exec(code(text))![0]}`] : []),
      ...(/\b(process|Buffer|require)\b/.exec(code(text)) ? [`${file} uses ${/\b(process|Buffer|require)\b/.exec(code(text))![0]}`] : []),
    ]);
    expect(found).toEqual([]);
  });

  it('keeps page code (the deck’s and the studio’s) apart from Node code', () => {
    expect(modules('studio').length).toBeGreaterThan(0);
    const found = [...modules('client'), ...modules('studio')].flatMap(({ file, imports }) =>
      imports
        // The studio proofreads with the pure rules; the deck page does not proofread, and neither uses Node's segmenter.
        .filter((i) => NODE_ONLY.test(i) || /(^|\/)node\//.test(i) || /segmenter/.test(i) || (file.includes('/client/') && /proofread/.test(i)))
        .map((i) => `${file} imports ${i}`),
    );
    expect(found).toEqual([]);
  });

  it('keeps the proofreading rules pure: only segmenter.ts brings Node and jieba', () => {
    const pure = modules('proofread').filter(({ file }) => !file.endsWith('segmenter.ts'));
    expect(pure.length).toBeGreaterThan(5);
    const found = pure.flatMap(({ file, imports, text }) => [
      ...imports.filter((i) => NODE_ONLY.test(i) || /segmenter|@node-rs/.test(i)).map((i) => `${file} imports ${i}`),
      ...(/\b(process|Buffer|require)\b/.exec(code(text)) ? [`${file} uses ${/\b(process|Buffer|require)\b/.exec(code(text))![0]}`] : []),
    ]);
    expect(found).toEqual([]);
  });
});

/** Each module of src/ with the modules of src/ it imports, statically, dynamically or for types alone. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const { file, imports } of modules('.')) {
    const local = imports.filter((i) => i.startsWith('.')).map((i) => resolve(dirname(file), i.replace(/\?.*$/, '')));
    graph.set(
      resolve(file),
      local.filter((target) => target.endsWith('.ts') && existsSync(target)),
    );
  }
  return graph;
}

/** The import circles of a graph: each a list of modules that reach one another (Tarjan's strongly connected parts). */
function circles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const part: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      part.push(member);
    } while (member !== node);
    if (part.length > 1 || graph.get(node)!.includes(node)) found.push(part.map((f) => f.slice(resolve('src').length + 1)).sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('the rooms of src/', () => {
  it('finds a circle where there is one (the search itself works)', () => {
    const graph = new Map(
      [
        ['a', ['b']],
        ['b', ['c']],
        ['c', ['a']],
        ['d', ['a']],
      ].map(([k, v]) => [resolve('src', k as string), (v as string[]).map((x) => resolve('src', x))]),
    );
    expect(circles(graph)).toEqual([['a', 'b', 'c']]);
    expect(importGraph().size).toBeGreaterThan(100);
  });

  it('has no import circles anywhere', () => {
    expect(circles(importGraph())).toEqual([]);
  });

  it('keeps node/ to a few doors: the CLI, errors, stopping, and folders', () => {
    const top = readdirSync('src/node', { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
    expect(top.length).toBeLessThanOrEqual(14);
  });

  it('keeps each command light to read: what it needs is loaded when it runs, so --help loads no library', () => {
    // What the commands say (node/messages.ts, core/say.ts) is plain data and loads nothing, as errors.ts, which says it too.
    const light = /^(node:|\.\/command\.ts$|\.\.\/errors\.ts$|\.\.\/messages\.ts$|\.\.\/files\/paths\.ts$|\.\.\/\.\.\/core\/(model|say)\.ts$)/;
    const found = modules('node/commands').flatMap(({ file, text }) =>
      [...text.matchAll(/^import (?!type )[^'"]*from '([^']+)'/gm)]
        .map((m) => m[1]!)
        .filter((i) => !light.test(i))
        .map((i) => `${file} imports ${i}`),
    );
    expect(modules('node/commands').length).toBeGreaterThanOrEqual(9);
    expect(found).toEqual([]);
  });

  it('keeps the proofreader free of page code and of Node, but for its dictionary reader', () => {
    const found = modules('proofread').flatMap(({ file, imports }) =>
      imports.filter((i) => /(^|\/)(client|studio|node)\//.test(i) || /^vite|playwright/.test(i)).map((i) => `${file} imports ${i}`),
    );
    expect(modules('proofread').length).toBeGreaterThan(5);
    expect(found).toEqual([]);
  });
});
