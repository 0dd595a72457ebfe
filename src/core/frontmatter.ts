import { type Document, isMap, isNode, parseDocument, type YAMLError } from 'yaml';
import { FRONT_MATTER } from './messages.ts';
import type { Meta, Problem, ThemeName } from './model.ts';
import { type Message, say } from './say.ts';

/** Characters a minute for a formal speech read aloud; see the README for why. */
export const DEFAULT_RATE = 200;

const THEMES: readonly ThemeName[] = ['light', 'dark'];
const KEYS = ['title', 'occasion', 'speaker', 'date', 'rate', 'theme'] as const;
type Key = (typeof KEYS)[number];

export interface FrontMatter {
  /** The settings as written, before defaults; `title` may be missing. */
  settings: Partial<Meta>;
  /** The Markdown after the front matter. */
  body: string;
  /** How many source lines come before `body` (to turn body lines into file lines). */
  bodyOffset: number;
  problems: Problem[];
  /**
   * When the front matter is never closed: the file line of the speech's first heading, or of its end. The lines
   * before it stay in the body as text, and are what the one error about the front matter is about.
   */
  unclosedUntil?: number;
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;
const SETTING = /^[ \t]*[^\s:#][^:\n]*:/m;
const HEADING = /^ {0,3}#{1,6}[ \t]+\S/;

/** Splits YAML front matter off the top of a speech and checks its settings. */
export function splitFrontMatter(text: string): FrontMatter {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { settings: {}, body: text, bodyOffset: 0, problems: [] };
  const end = lines.findIndex((line, i) => i > 0 && CLOSE.test(line));
  const yaml = lines.slice(1, end < 0 ? lines.length : end).join('\n');
  // Text between two "---" lines with no "key:" in it is part of the speech, not settings.
  if (end >= 0 && yaml.trim() && !SETTING.test(yaml)) return { settings: {}, body: text, bodyOffset: 0, problems: [] };
  const read = end < 0 ? undefined : readSettings(yaml);
  if (read && !(read.invalid && runsIntoSpeech(lines, end))) {
    return { settings: read.settings, body: lines.slice(end + 1).join('\n'), bodyOffset: end + 1, problems: read.problems };
  }
  // Never closed: one error, and the whole speech kept as the body so that nothing after the fence is swallowed.
  const heading = lines.findIndex((line, i) => i > 0 && HEADING.test(line));
  const problem: Problem = { line: 1, severity: 'error', message: say(FRONT_MATTER.unclosed, { line: 1 }) };
  return { settings: {}, body: lines.slice(1).join('\n'), bodyOffset: 1, problems: [problem], unclosedUntil: heading < 0 ? lines.length : heading + 1 };
}

/**
 * Whether "settings" that are not valid YAML are in fact settings whose closing "---" was left out, running on
 * into the speech up to a "---" further down (the closing's): a Markdown heading stands among them, and the
 * lines above it are good settings.
 */
function runsIntoSpeech(lines: string[], end: number): boolean {
  const heading = lines.findIndex((line, i) => i > 0 && i < end && HEADING.test(line));
  return heading > 0 && !readSettings(lines.slice(1, heading).join('\n')).invalid;
}

function readSettings(yaml: string): { settings: Partial<Meta>; problems: Problem[]; invalid: boolean } {
  const problems: Problem[] = [];
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number) => 2 + yaml.slice(0, Math.max(0, offset)).split('\n').length - 1;
  for (const error of doc.errors) {
    const line = lineOf(badValueAt(doc, error));
    // One slip often trips YAML twice at the same place: one message a line.
    if (!problems.some((p) => p.line === line)) problems.push({ line, severity: 'error', message: say(FRONT_MATTER.invalid, { reason: yamlReason(error) }) });
  }
  if (doc.errors.length) return { settings: {}, problems, invalid: true };
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return { settings: {}, problems, invalid: false };
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ line: 2, severity: 'error', message: say(FRONT_MATTER.notSettings) });
    return { settings: {}, problems, invalid: false };
  }
  const settings: Partial<Meta> = {};
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const line = lineOf(yaml.search(new RegExp(`^${escapeRegExp(key)}\\s*:`, 'm')));
    if (!(KEYS as readonly string[]).includes(key)) {
      problems.push({ line, severity: 'warning', message: say(FRONT_MATTER.unknownSetting, { key, known: KEYS.join(', ') }) });
      continue;
    }
    const problem = applySetting(settings, key as Key, record[key]);
    if (problem) problems.push({ line, severity: 'error', message: problem });
  }
  return { settings, problems, invalid: false };
}

/**
 * Where a YAML error lies: in the value it belongs to. A bracket or quote left open is found only where the next
 * line begins, so the error is put at the start of the value it cuts short.
 */
function badValueAt(doc: Document, error: YAMLError): number {
  const at = error.pos[0];
  if (error.code === 'DUPLICATE_KEY' || !isMap(doc.contents)) return at;
  for (const pair of doc.contents.items) {
    const range = isNode(pair.value) ? pair.value.range : undefined;
    if (range && range[0] <= at && at <= range[1]) return isNode(pair.key) && pair.key.range ? pair.key.range[0] : range[0];
  }
  return at;
}

/** The YAML error in plain words. */
function yamlReason(error: YAMLError): Message {
  if (error.code === 'DUPLICATE_KEY') return FRONT_MATTER.givenTwice;
  if (error.code === 'TAB_AS_INDENT') return FRONT_MATTER.tabIndent;
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') return FRONT_MATTER.nestedValue;
  if (/quote/i.test(error.message)) return FRONT_MATTER.unclosedQuote;
  if (/end with an? [\]}]|flow (sequence|map|collection)/i.test(error.message)) return FRONT_MATTER.unclosedBracket;
  if (error.code === 'BAD_INDENT') return FRONT_MATTER.badIndent;
  return FRONT_MATTER.unreadable;
}

function applySetting(settings: Partial<Meta>, key: Key, value: unknown): string | undefined {
  if (key === 'rate') {
    const rate = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(rate) || rate < 50 || rate > 600) {
      return say(FRONT_MATTER.badRate, { value: String(value) });
    }
    settings.rate = rate;
  } else if (key === 'theme') {
    if (!THEMES.includes(value as ThemeName)) return say(FRONT_MATTER.badTheme, { themes: THEMES.join(', '), value: String(value) });
    settings.theme = value as ThemeName;
  } else {
    if (value !== null && typeof value === 'object') return say(FRONT_MATTER.notPlainText, { key });
    settings[key] = value === null || value === undefined ? '' : String(value instanceof Date ? value.toISOString().slice(0, 10) : value);
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Fills in defaults; `heading` is the `#` title, used when the front matter gives none. */
export function withDefaults(settings: Partial<Meta>, heading: string): Meta {
  return {
    title: settings.title || heading,
    occasion: settings.occasion ?? '',
    speaker: settings.speaker ?? '',
    date: settings.date ?? '',
    rate: settings.rate ?? DEFAULT_RATE,
    theme: settings.theme ?? 'light',
  };
}
