/**
 * What a built deck was made from, recorded in the page itself: the speech's text and the program that built it.
 * `pdf` reuses a built `<name>.html` only when both match, so it never prints another speech that happens to share
 * the file name, nor a deck an older version of the program laid out. File times could tell neither.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pictureFiles } from './images.ts';
import type { Deck } from '../../core/model.ts';
import { PACKAGE_ROOT } from '../files/package-root.ts';

export interface Stamp {
  /** `speech-deck <version>+<hash of the sources>`. */
  generator: string;
  /** sha256 of the decoded speech text. */
  speech: string;
}

const SPEECH_META = 'speech-deck-speech';

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

let generator: string | undefined;

/** The program's version and a hash of everything a deck is built from besides the speech. */
export function generatorVersion(): string {
  return (generator ??= generatorOf(PACKAGE_ROOT));
}

/**
 * The version stamp of the program in `root`: its version and a hash of `index.html`, `package.json`, the locked
 * dependency versions, every source file and the look in `assets/`. Any change to the page code, the theme or a dependency changes it.
 */
export function generatorOf(root: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const hash = createHash('sha256');
  const files = ['index.html', 'package.json', 'package-lock.json'];
  const sources = ['src', 'assets'].flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) =>
        join(entry.parentPath, entry.name)
          .slice(root.length)
          .replace(/^[\\/]/, ''),
      ),
  );
  for (const file of [...files, ...sources.sort()]) {
    hash.update(`${file.replace(/\\/g, '/')}\0`);
    try {
      hash.update(readFileSync(join(root, file)));
    } catch {
      hash.update('missing');
    }
  }
  return `speech-deck ${pkg.version}+${hash.digest('hex').slice(0, 16)}`;
}

/** A loaded speech, or the text alone of one that shows no pictures. */
type Speech = string | { text: string; deck: Deck; path: string };

/** The stamp for a deck built now from this speech: its text and the bytes of the pictures it shows. */
export function stampFor(speech: Speech): Stamp {
  if (typeof speech === 'string') return { generator: generatorVersion(), speech: sha256(speech) };
  const hash = createHash('sha256').update(speech.text);
  // A changed picture needs the deck built again as much as a changed text does.
  for (const file of pictureFiles(speech.deck, speech.path)) {
    hash.update(`\0${file}\0`);
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('missing');
    }
  }
  return { generator: generatorVersion(), speech: hash.digest('hex') };
}

/** The stamp as `<meta>` tags for the page's head. */
export function stampTags(stamp: Stamp): { name: string; content: string }[] {
  return [
    { name: 'generator', content: stamp.generator },
    { name: SPEECH_META, content: `sha256-${stamp.speech}` },
  ];
}

/** The stamp a built page carries, if any. */
export function readStamp(html: string): Stamp | undefined {
  const meta = (name: string) => new RegExp(`<meta name="${name}" content="([^"]*)"`).exec(html)?.[1];
  const generator = meta('generator');
  const speech = meta(SPEECH_META)?.replace(/^sha256-/, '');
  return generator && speech ? { generator, speech } : undefined;
}

/** Whether a built page was made from this speech, pictures included, by this program. */
export function isBuiltFrom(html: string, speech: Speech): boolean {
  const found = readStamp(html);
  const wanted = stampFor(speech);
  return !!found && found.generator === wanted.generator && found.speech === wanted.speech;
}
