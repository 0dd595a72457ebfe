/**
 * How the tool speaks: every message a user reads is Chinese first, then English. Each area keeps its messages in
 * one table (`messages({...})`, as ESLint rules keep `meta.messages`), so a wording is one edit and a test can walk
 * every table. `{name}` marks a value filled in when the message is said.
 */

/** One message in both languages. */
export interface Message {
  zh: string;
  en: string;
}

/** Values for a message's `{name}` marks; a value that is itself a message fills each language with its own words. */
export type Values = Record<string, string | number | Message>;

const TABLE = Symbol.for('speech-deck.messages');

/** Declares an area's table of messages; the returned table is the same object, marked for the test that walks them. */
export function messages<T extends Record<string, Message>>(table: T): T {
  Object.defineProperty(table, TABLE, { value: true, enumerable: false });
  return table;
}

/** Whether a value is a table declared with `messages`. */
export function isMessageTable(value: unknown): value is Record<string, Message> {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[TABLE] === true;
}

/** The text with its `{name}` marks filled in, each message among the values in `language`. */
export function fill(text: string, values: Values = {}, language: keyof Message = 'zh'): string {
  return text.replace(/\{(\w+)\}/g, (mark, name: string) => {
    if (!Object.hasOwn(values, name)) return mark;
    const value = values[name]!;
    return typeof value === 'object' ? value[language] : String(value);
  });
}

/** The message in both languages with its values filled in. */
export function both(message: Message, values: Values = {}): Message {
  return { zh: fill(message.zh, values, 'zh'), en: fill(message.en, values, 'en') };
}

/** The `{name}` marks a text holds, in order. */
export function marks(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** The message as printed: `中文 · English`. */
export function say(message: Message, values: Values = {}): string {
  const { zh, en } = both(message, values);
  return `${zh} · ${en}`;
}
