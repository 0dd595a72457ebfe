/**
 * Builds a deck in a process of its own and prints, as its last line, how long the imports and the build took.
 * Usage: node --import tsx scripts/bench/build-child.ts file.md out-dir font-cache-dir
 */
import { setFlagsFromString } from 'node:v8';

// As bin/speech-deck.js does for every command that runs once.
setFlagsFromString('--liftoff-only');

const started = performance.now();
const [input, outDir, fontCacheDir] = process.argv.slice(2) as [string, string, string];
const { buildDeck } = await import('../../src/node/commands/build.ts');
const imported = performance.now();
await buildDeck(input, outDir, { fontCacheDir });
console.log(JSON.stringify({ importMs: imported - started, buildMs: performance.now() - imported }));
