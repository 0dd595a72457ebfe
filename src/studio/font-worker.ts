/**
 * The studio's font worker: subsets the carried faces to a speech's characters with HarfBuzz and writes them as
 * WOFF2 with the Brotli the page carries (render/woff2.ts, render/brotli.ts), off the page's thread so that the
 * page stays responsive while it works.
 */
import { loadHarfBuzz, type LoadedFace } from './hb-subset.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { fromBase64 } from './base64.ts';
import { brotliFrom } from '../render/brotli.ts';
import { type Brotli, sfntToWoff2, woff2ToSfnt } from '../render/woff2.ts';

const scope = self as unknown as {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

let faces: Promise<Map<string, LoadedFace>> | undefined;
let brotli: Brotli | undefined;
/**
 * Brotli's quality for a deck's fonts: 9 takes a small part of the time 11 takes in Chrome 109, for about 1 % more
 * bytes in the saved deck (docs/guide/studio.md). The fonts are made once: a second pass at 11 in the background
 * would keep the worker busy, and an edit made meanwhile would wait for it.
 */
const QUALITY = 9;

/** The bytes of a gzip-compressed data block, unpacked with the browser's DecompressionStream. */
async function gunzip(base64: string): Promise<Uint8Array> {
  const stream = new Blob([fromBase64(base64) as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function init(message: Extract<ToWorker, { type: 'init' }>): Promise<Map<string, LoadedFace>> {
  const [hb, br] = await Promise.all([gunzip(message.wasm).then(loadHarfBuzz), gunzip(message.brotli).then(brotliFrom)]);
  brotli = br;
  const loaded = new Map<string, LoadedFace>();
  for (const face of message.faces) loaded.set(face.key, hb.load(woff2ToSfnt(fromBase64(face.woff), br)));
  return loaded;
}

async function subset(message: Extract<ToWorker, { type: 'subset' }>): Promise<void> {
  if (!faces) throw new Error('the font worker was not started');
  const loaded = await faces;
  const fonts: Array<{ key: string; woff: Uint8Array }> = [];
  for (const [i, request] of message.requests.entries()) {
    const face = loaded.get(request.key);
    if (!face) throw new Error(`no face ${request.key}`);
    const ttf = face.subset([...request.characters].map((c) => c.codePointAt(0)!));
    fonts.push({ key: request.key, woff: sfntToWoff2(ttf, { compress: (data) => brotli!.compress(data, QUALITY) }) });
    scope.postMessage({ type: 'progress', id: message.id, done: i + 1, total: message.requests.length });
  }
  scope.postMessage(
    { type: 'done', id: message.id, fonts },
    fonts.map((f) => f.woff.buffer),
  );
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'init') {
    faces = init(message);
    faces.then(
      () => scope.postMessage({ type: 'ready' }),
      (error: Error) => scope.postMessage({ type: 'error', message: error.message }),
    );
  } else {
    subset(message).catch((error: Error) => scope.postMessage({ type: 'error', id: message.id, message: error.message }));
  }
};
