import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'speech-deck-proofreading-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The proofreading fixture has findings of every rule; the report adds a second speech's paragraphs.
const text = `${readFileSync('test/fixtures/proofread.md', 'utf8')}\n${readFileSync('test/fixtures/report.md', 'utf8')}`;

/** The segmenter, the proofreader and the memory as a new process has them: no cut made, no dictionary read. */
async function freshProcess() {
  vi.resetModules();
  const segmenter = await import('../src/proofread/segmenter.ts');
  const { proofread } = await import('../src/proofread/index.ts');
  const { withProofreadingMemory } = await import('../src/node/speech/proofreading-memory.ts');
  return { segmenter, check: (speech: string) => withProofreadingMemory(() => proofread(speech), dir) };
}

const kept = (prefix: string) => readdirSync(dir).filter((name) => name.startsWith(prefix));

describe("the proofreader's cuts and dictionary index kept between commands", async () => {
  // What the proofreader finds with jieba and the dictionary read afresh, no memory at all.
  const seg = await import('../src/proofread/segmenter.ts');
  const plain = await import('../src/proofread/index.ts');
  const expected = plain.proofread(text);
  const probes = [...new Set(text.replace(/[^\u4e00-\u9fff]/g, ''))];
  const uses = probes.map((c) => [seg.characterUse(c), seg.wordsWith(c).slice(0, 8)]);
  const pairs = probes.slice(0, -1).map((c, i) => seg.pairFrequency(c + probes[i + 1]));

  it('are made by the first check and kept, with the same findings', async () => {
    expect(expected.map((f) => f.rule)).toEqual(expect.arrayContaining(['stranded', 'doubled', 'missing-object']));
    const first = await freshProcess();
    expect(await first.check(text)).toEqual(expected);
    expect(first.segmenter.segmenterCuts.count).toBeGreaterThan(20);
    expect(first.segmenter.dictionaryReads.count).toBe(1);
    expect(kept('cuts-')).toHaveLength(1);
    expect(kept('dictionary-')).toHaveLength(1);
  });

  it('let the next check find the same without a cut or a read of the dictionary', async () => {
    const second = await freshProcess();
    expect(await second.check(text)).toEqual(expected);
    expect(second.segmenter.segmenterCuts.count).toBe(0);
    expect(second.segmenter.dictionaryReads.count).toBe(0);
    // The kept index answers every question the rules ask as the dictionary does.
    expect(probes.map((c) => [second.segmenter.characterUse(c), second.segmenter.wordsWith(c).slice(0, 8)])).toEqual(uses);
    expect(probes.slice(0, -1).map((c, i) => second.segmenter.pairFrequency(c + probes[i + 1]))).toEqual(pairs);
    expect(pairs.some((f) => f > 0)).toBe(true);
  });

  it('cut only the paragraph an edit changed', async () => {
    const edited = text.replace('现将我县', '现在将我县');
    expect(edited).not.toBe(text);
    const third = await freshProcess();
    const found = await third.check(edited);
    expect(third.segmenter.segmenterCuts.count).toBe(1);
    expect(found).toEqual(plain.proofread(edited));
    expect(kept('cuts-')).toHaveLength(1);
  });

  it('are kept packed, and a paragraph whose kept cut does not cover it is cut again, alone', async () => {
    const [name] = kept('cuts-');
    const cuts = JSON.parse(readFileSync(join(dir, name!), 'utf8')) as Record<string, [string, string]>;
    const texts = Object.keys(cuts);
    expect(texts.length).toBeGreaterThan(20);
    expect(Object.values(cuts).every(([lengths, tags]) => /^\d+(,\d+)*$/.test(lengths) && tags.split(' ').length === lengths.split(',').length)).toBe(true);
    // One paragraph's lengths one short of its text, in a file whose bytes match its name.
    const spoiled = texts.find((t) => t.length > 10)!;
    const [lengths, tags] = cuts[spoiled]!;
    cuts[spoiled] = [lengths.replace(/\d+$/, (n) => String(Number(n) + 1)), tags];
    const data = Buffer.from(JSON.stringify(cuts));
    rmSync(join(dir, name!));
    writeFileSync(join(dir, `${name!.replace(/-[0-9a-f]{16}\.json$/, '')}-${createHash('sha256').update(data).digest('hex').slice(0, 16)}.json`), data);
    const again = await freshProcess();
    await again.check(text);
    expect(again.segmenter.segmenterCuts.count).toBe(1);
    expect(
      again.segmenter
        .words(spoiled)
        .map((w) => w.word)
        .join(''),
    ).toBe(spoiled);
  });

  it('are not believed when damaged: the text is cut and the dictionary read again, with the same findings', async () => {
    for (const name of kept('cuts-')) writeFileSync(join(dir, name), '{"标题": [["标", "n", 0]]}');
    // An index whose bytes match its name but whose table is out of order is no index either.
    const [index] = kept('dictionary-');
    const bytes = new Float64Array(readFileSync(join(dir, index!)).buffer.slice(0));
    [bytes[2], bytes[5]] = [bytes[5]!, bytes[2]!];
    const data = new Uint8Array(bytes.buffer);
    const key = index!.replace(/-[0-9a-f]{16}\.bin$/, '');
    rmSync(join(dir, index!));
    writeFileSync(join(dir, `${key}-${createHash('sha256').update(data).digest('hex').slice(0, 16)}.bin`), data);
    const fourth = await freshProcess();
    expect(await fourth.check(text)).toEqual(expected);
    expect(fourth.segmenter.segmenterCuts.count).toBeGreaterThan(20);
    expect(fourth.segmenter.dictionaryReads.count).toBe(1);
  });
});
