import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDeck } from '../../src/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the one-file deck built from slides/speech.md for this test run. */
    deckHtml: string;
  }
}

/** Builds the real speech once, the way `npm run build` does, for the browser tests to open. */
export default async function setup(project: TestProject): Promise<void> {
  const html = await buildDeck('slides/speech.md', join('.cache', 'test-deck'));
  project.provide('deckHtml', html);
}
