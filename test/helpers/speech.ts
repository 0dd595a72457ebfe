import { readFileSync } from 'node:fs';

interface Corrections {
  corrections: { original: string; corrected: string; why: string }[];
  leftAsWritten: { text: string; why: string }[];
}

/** The recorded corrections of typing slips in the original speech. */
export const corrections: Corrections = JSON.parse(readFileSync('test/fixtures/corrections.json', 'utf8'));

/** The original speech with the recorded corrections applied; each must apply exactly once. */
export function correctedOriginal(): string {
  let text = readFileSync('test/fixtures/speech.txt', 'utf8');
  for (const { original, corrected } of corrections.corrections) {
    if (text.split(original).length !== 2) throw new Error(`correction "${original}" does not occur exactly once in speech.txt`);
    text = text.replace(original, corrected);
  }
  return text;
}

/** Text with all whitespace and line breaks removed, the form the completeness rule compares. */
export function squash(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** Reads a test fixture as text. */
export function fixture(name: string): string {
  return readFileSync(`test/fixtures/${name}`, 'utf8');
}
