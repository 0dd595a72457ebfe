import type { TestProject } from 'vitest/node';
import { speechDeck } from './decks.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the one-file deck built from test/fixtures/speech.md for this test run. */
    deckHtml: string;
  }
}

/** For the browser tests: the real speech, built the way `npm run build` does (or kept from a build of it by this very program). */
export default async function setup(project: TestProject): Promise<void> {
  project.provide('deckHtml', await speechDeck());
}
