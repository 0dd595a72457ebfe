import { parseDocument } from 'yaml';
import type { Meta, Problem, ThemeName } from './model.ts';

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
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;
const SETTING = /^[ \t]*[^\s:#][^:\n]*:/m;

/** Splits YAML front matter off the top of a speech and checks its settings. */
export function splitFrontMatter(text: string): FrontMatter {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { settings: {}, body: text, bodyOffset: 0, problems: [] };
  const end = lines.findIndex((line, i) => i > 0 && CLOSE.test(line));
  if (end < 0) {
    const problem: Problem = {
      line: 1,
      severity: 'error',
      message: 'the front matter that starts here is never closed: add a line "---" after the settings',
    };
    // Keep the whole speech as the body so that nothing after the fence is swallowed.
    return { settings: {}, body: lines.slice(1).join('\n'), bodyOffset: 1, problems: [problem] };
  }
  const yaml = lines.slice(1, end).join('\n');
  // Text between two "---" lines with no "key:" in it is part of the speech, not settings.
  if (yaml.trim() && !SETTING.test(yaml)) return { settings: {}, body: text, bodyOffset: 0, problems: [] };
  const { settings, problems } = readSettings(yaml);
  return { settings, body: lines.slice(end + 1).join('\n'), bodyOffset: end + 1, problems };
}

function readSettings(yaml: string): { settings: Partial<Meta>; problems: Problem[] } {
  const problems: Problem[] = [];
  const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number) => 2 + yaml.slice(0, Math.max(0, offset)).split('\n').length - 1;
  for (const error of doc.errors) {
    const message = error.message.split('\n')[0] ?? 'unreadable setting';
    problems.push({
      line: lineOf(error.pos[0]),
      severity: 'error',
      message: `the front matter is not valid YAML (${message}): write one "key: value" setting a line, and put a value with ":", "[" or "#" in quotes`,
    });
  }
  if (doc.errors.length) return { settings: {}, problems };
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return { settings: {}, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ line: 2, severity: 'error', message: 'the front matter must be a list of "key: value" settings' });
    return { settings: {}, problems };
  }
  const settings: Partial<Meta> = {};
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const line = lineOf(yaml.search(new RegExp(`^${escapeRegExp(key)}\\s*:`, 'm')));
    if (!(KEYS as readonly string[]).includes(key)) {
      problems.push({ line, severity: 'warning', message: `unknown setting "${key}" is ignored (known settings: ${KEYS.join(', ')})` });
      continue;
    }
    const problem = applySetting(settings, key as Key, record[key]);
    if (problem) problems.push({ line, severity: 'error', message: problem });
  }
  return { settings, problems };
}

function applySetting(settings: Partial<Meta>, key: Key, value: unknown): string | undefined {
  if (key === 'rate') {
    const rate = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(rate) || rate < 50 || rate > 600) {
      return `rate must be a number of characters a minute between 50 and 600, not "${String(value)}"`;
    }
    settings.rate = rate;
  } else if (key === 'theme') {
    if (!THEMES.includes(value as ThemeName)) return `theme must be one of ${THEMES.join(', ')}, not "${String(value)}"`;
    settings.theme = value as ThemeName;
  } else {
    if (value !== null && typeof value === 'object') return `${key} must be plain text`;
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
