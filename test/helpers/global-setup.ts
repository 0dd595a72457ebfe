import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDeck } from '../../src/node/commands/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the one-file deck built from test/fixtures/speech.md for this test run. */
    deckHtml: string;
  }
}

/** Builds the real speech once, the way `npm run build` does, for the browser tests to open. */
export default async function setup(project: TestProject): Promise<() => void> {
  // A folder of its own, so that test runs side by side do not overwrite each other's deck.
  const dir = mkdtempSync(join(tmpdir(), 'speech-deck-test-'));
  const html = await buildDeck('test/fixtures/speech.md', dir);
  project.provide('deckHtml', html);
  return () => rmSync(dir, { recursive: true, force: true });
}
