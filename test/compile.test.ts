import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A project of its own with bin/compile.js and a two-line CLI, so that its sources can change under it.
const root = mkdtempSync(join(tmpdir(), 'speech-deck-compile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'bin'));
copyFileSync('bin/compile.js', join(root, 'bin/compile.js'));
mkdirSync(join(root, 'src/node'), { recursive: true });
// The look's folder counts among the sources too (the palette is compiled in); here it is empty.
mkdirSync(join(root, 'assets'));
mkdirSync(join(root, 'node_modules'));
symlinkSync(dirname(resolve('node_modules/esbuild/package.json')), join(root, 'node_modules/esbuild'), 'dir');
writeFileSync(join(root, 'package.json'), '{"type": "module"}');
writeFileSync(join(root, 'package-lock.json'), '{}');

const cli = join(root, 'src/node/cli.ts');
/** Runs the project's CLI as bin/speech-deck.js does; returns what it printed. */
function run(): string {
  const script = `const { compiledCli } = await import(${JSON.stringify(join(root, 'bin/compile.js'))}); const { run } = await import(await compiledCli()); run();`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim();
}
const recorded = () => JSON.parse(readFileSync(join(root, 'node_modules/.cache/speech-deck/cli/current.json'), 'utf8')) as { entry: string };

describe('the CLI compiled ahead of time', () => {
  it('is compiled once, and used as it is while no source changes', () => {
    writeFileSync(cli, "export function run(): void { console.log('first'); }\n");
    expect(run()).toBe('first');
    const { entry } = recorded();
    expect(run()).toBe('first');
    expect(recorded().entry).toBe(entry);
  });

  it('is compiled again when a source changes, even keeping its size', () => {
    const { entry } = recorded();
    writeFileSync(cli, "export function run(): void { console.log('other'); }\n");
    // The same size as before, and a time of its own.
    utimesSync(cli, new Date(), new Date(Date.now() + 5000));
    expect(run()).toBe('other');
    expect(recorded().entry).not.toBe(entry);
  });

  it('is compiled again when a source imports a new file, and when a file it read is gone', () => {
    writeFileSync(join(root, 'src/node/added.ts'), "export const word = 'added';\n");
    writeFileSync(cli, "import { word } from './added.ts';\nexport function run(): void { console.log(word); }\n");
    expect(run()).toBe('added');
    rmSync(join(root, 'src/node/added.ts'));
    writeFileSync(cli, "export function run(): void { console.log('without it'); }\n");
    expect(run()).toBe('without it');
  });
});
