import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { buildDeck } from '../../src/node/commands/build.ts';
import { generatorVersion, isBuiltFrom } from '../../src/node/speech/stamp.ts';

/** Decks the tests only read, kept between files and runs; each in a folder of its speech's name and text and the program's version. */
const CACHE = resolve('node_modules/.cache/speech-deck-tests/decks');

/**
 * The one-file deck of a speech without pictures, as `speech-deck build` makes it. A deck kept from an earlier
 * build is used when its stamp says this very speech and this version of the program made it, as `speech-deck pdf`
 * decides; otherwise it is built again. For tests that read the deck, not the build's own output.
 */
export async function builtDeck(input: string): Promise<string> {
  const name = basename(input, extname(input));
  const text = readFileSync(input, 'utf8');
  const dir = join(CACHE, createHash('sha256').update(`${name}\0${text}\0${generatorVersion()}`).digest('hex').slice(0, 16));
  const html = join(dir, `${name}.html`);
  if (existsSync(html) && isBuiltFrom(readFileSync(html, 'utf8'), text)) return html;
  return buildDeck(input, dir);
}

/** The deck of test/fixtures/speech.md, the speech most tests compare against. */
export function speechDeck(): Promise<string> {
  return builtDeck('test/fixtures/speech.md');
}
