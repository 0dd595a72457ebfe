import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { both, isMessageTable, marks, say, type Message } from '../src/core/say.ts';
import { COMMANDS, commandUsage, DEFAULT_INPUT, usage } from '../src/node/cli.ts';
import dictionary from '../src/proofread/terms.json' with { type: 'json' };

const HAN = /\p{Script=Han}/u;

/** The text with the author's quoted words (“…”) taken out: what is left must speak for itself. */
const unquoted = (text: string) => text.replace(/“[^”]*”/g, '').trim();

/** Every `messages.ts` under src/, wherever an area keeps its table. */
function tableFiles(dir = 'src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tableFiles(path);
    return entry.name === 'messages.ts' ? [path] : [];
  });
}

/** Every table those files export, by `file › name`. */
async function tables(): Promise<[string, Record<string, Message>][]> {
  const found: [string, Record<string, Message>][] = [];
  for (const file of tableFiles()) {
    const module = (await import(`../${file}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) if (isMessageTable(value)) found.push([`${file} › ${name}`, value]);
  }
  return found;
}

/** Asserts one message says the same thing in both languages, Chinese first. */
function expectBilingual(where: string, { zh, en }: Message): void {
  expect(zh, where).toMatch(HAN);
  // Chinese from its first word on: not a path or an English word; a count starts with its number (“{n} 个”).
  expect(unquoted(zh).replace(/^(\{\w+\}|\d+) (?=个)/, '')[0], where).toMatch(HAN);
  expect(en.trim(), where).not.toBe('');
  expect(unquoted(en)[0], where).not.toMatch(HAN);
  expect(new Set(marks(zh)), where).toEqual(new Set(marks(en)));
}

describe('the message tables', () => {
  it('are found in each area: the speech, the proofreader, the command line and the deck page', async () => {
    const files = tableFiles();
    for (const area of ['src/core/messages.ts', 'src/proofread/messages.ts', 'src/node/messages.ts', 'src/client/messages.ts']) expect(files).toContain(area);
    const found = await tables();
    expect(found.length).toBeGreaterThanOrEqual(files.length);
    expect(found.reduce((n, [, table]) => n + Object.keys(table).length, 0)).toBeGreaterThan(150);
  });

  it('hold every message in Chinese, starting in Chinese, and in English, with the same {marks} in both', async () => {
    for (const [where, table] of await tables()) {
      for (const [id, message] of Object.entries(table)) expectBilingual(`${where}.${id}`, message);
    }
  });

  it('give the proofreader a reason for every fixed term in both languages', () => {
    for (const term of dictionary.terms) expectBilingual(term.term, term.why);
  });

  it('give every command its summary, options and notes in both languages', () => {
    for (const command of COMMANDS) {
      const said = [command.summary, ...Object.values(command.options).map((o) => o.help), ...(command.notes ?? [])];
      if (command.argument?.missing) said.push(command.argument.missing);
      for (const words of said) {
        expect(words.zh, command.name).toMatch(HAN);
        expect(words.en.trim(), command.name).not.toBe('');
      }
    }
  });
});

describe('say', () => {
  it('fills each language with its own words where a value is a message', () => {
    const message = { zh: '“{word}”{where}', en: '“{word}” {where}' };
    const where = both({ zh: '紧跟在“{before}”后面', en: 'right after “{before}”' }, { before: '向' });
    expect(say(message, { word: '等', where })).toBe('“等”紧跟在“向”后面 · “等” right after “向”');
    expect(marks('{a} and {b}{a}')).toEqual(['a', 'b', 'a']);
  });
});

describe('the help', () => {
  /** A help line's words after the command or option it explains. */
  const said = (line: string) => line.replace(/^\s*(?:-\w, )?(?:--?[\w-]+|\w+)(?=\s)/, '').trim();

  it('says every line Chinese first, for speech-deck --help and each command’s --help', () => {
    for (const text of [usage(), ...COMMANDS.map(commandUsage)]) {
      for (const line of text.split('\n').filter((l) => l.trim())) {
        expect(line).toMatch(HAN);
        expect(unquoted(said(line))[0], line).toMatch(HAN);
      }
    }
  });

  it('reads as a clerk would see it', () => {
    expect(usage()).toContain('  check       检查结构、校对文字（错别字、规范表述），不生成文件 · report problems and proofread the text, without building');
    expect(usage()).toContain(`讲话稿默认是 ${DEFAULT_INPUT} · The speech defaults to ${DEFAULT_INPUT}.`);
  });
});
