import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/core/parse.ts';
import { StudioState, type Change } from '../src/studio/state.ts';

const speech = readFileSync('test/fixtures/speech.md', 'utf8');

/** A state that records each change it tells of, with the version it was in then. */
function recorded(): { state: StudioState; heard: string[] } {
  const state = new StudioState();
  const heard: string[] = [];
  for (const change of ['speech', 'made', 'slide'] as Change[]) state.on(change, () => heard.push(`${change} ${state.version}`));
  return { state, heard };
}

const made = (page: string) => ({ page, preview: `${page} preview`, missing: {} });

describe('the studio’s state', () => {
  it('takes the page made for the current version, and drops one made for a version a newer one overtook', () => {
    const { state, heard } = recorded();
    const first = state.setSpeech(speech, parse(speech), []);
    const edited = speech.replace('用定位找准坐标点', '用定位找准新坐标');
    const second = state.setSpeech(edited, parse(edited), []);
    expect(second).toBeGreaterThan(first);
    expect(state.setMade(first, made('old'))).toBe(false);
    expect(state.made).toBeUndefined();
    expect(state.setMade(second, made('new'))).toBe(true);
    expect(state.made?.page).toBe('new');
    expect(state.markdown).toBe(edited);
    expect(heard).toEqual([`speech ${first}`, `speech ${second}`, `made ${second}`]);
    // A newer version has no page until its own is made.
    state.setSpeech(speech, parse(speech), []);
    expect(state.made).toBeUndefined();
  });

  it('tells of another slide chosen only when there is a deck and the slide is another', () => {
    const { state, heard } = recorded();
    state.select(2);
    expect([state.current, heard]).toEqual([0, []]);
    const deck = parse(speech);
    state.setSpeech(speech, deck, []);
    state.select(0);
    state.select(3);
    state.select(3);
    expect(state.current).toBe(3);
    expect(heard.filter((h) => h.startsWith('slide'))).toEqual(['slide 1']);
    // A new speech is looked at from its first slide.
    state.open({ markdown: speech, name: 'speech.md', report: '', problems: [] });
    expect(state.current).toBe(0);
  });

  it('has errors when the version’s problems include an error, not for warnings alone', () => {
    const state = new StudioState();
    state.setSpeech(speech, parse(speech), []);
    expect(state.hasErrors()).toBe(false);
    state.setSpeech(speech, parse(speech), [{ severity: 'warning', line: 1, message: '提示' }]);
    expect(state.hasErrors()).toBe(false);
    state.setSpeech(speech, parse(speech), [{ severity: 'error', line: 1, message: '错误' }]);
    expect(state.hasErrors()).toBe(true);
  });
});
