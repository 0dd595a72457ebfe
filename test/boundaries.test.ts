import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts file below a folder of src/, with its import specifiers. */
function modules(folder: string): Array<{ file: string; imports: string[]; text: string }> {
  const root = join('src', folder);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => {
      const file = join(root, f);
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
      return { file, imports, text };
    });
}

// mammoth is not here: its package has a browser build, and the one Word reader (core/docx/reader.ts) runs in the studio page too.
const NODE_ONLY = /^(node:|fs$|path$|os$|child_process$|crypto$|url$|vite|playwright|@node-rs\/|subset-font|fonteditor-core|pdf-lib|sharp|tsx)/;
const DOM_GLOBALS = /\b(document|window|navigator|localStorage|HTMLElement|getComputedStyle|requestAnimationFrame)\b/;

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
      imports.filter((i) => NODE_ONLY.test(i) || /(^|\/)node\//.test(i) || /proofread/.test(i)).map((i) => `${file} imports ${i}`),
    );
    expect(found).toEqual([]);
  });
});

/** The import circles of a graph of modules, each as the path from a module back to itself. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string) => {
    const at = path.indexOf(file);
    if (at >= 0) return void found.push([...path.slice(at), file]);
    if (done.has(file)) return;
    path.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    path.pop();
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) visit(file);
  return found;
}

describe('imports', () => {
  it('finds a circle where there is one (the check below can fail)', () => {
    const graph = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]);
    expect(circles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('form no circle in the pure code and the checker, type imports included', () => {
    const all = ['core', 'render', 'proofread'].flatMap((folder) => modules(folder));
    const graph = new Map(all.map(({ file, imports }) => [file, imports.filter((i) => i.startsWith('.') && i.endsWith('.ts')).map((i) => join(dirname(file), i))]));
    expect(graph.get(join('src', 'core', 'import', 'report.ts'))).toContain(join('src', 'core', 'import', 'imported.ts'));
    expect(circles(graph)).toEqual([]);
  });
});
