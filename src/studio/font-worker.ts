/**
 * The studio's font worker: subsets the carried faces to a speech's characters with HarfBuzz and writes them as
 * WOFF 1.0, off the page's thread so that the page stays responsive while it works.
 */
import { loadHarfBuzz, type LoadedFace } from './hb-subset.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { fromBase64 } from './base64.ts';
import { sfntToWoff, woffToSfnt } from './woff.ts';

const scope = self as unknown as {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};

let faces: Promise<Map<string, LoadedFace>> | undefined;

async function init(message: Extract<ToWorker, { type: 'init' }>): Promise<Map<string, LoadedFace>> {
  const hb = await loadHarfBuzz(fromBase64(message.wasm));
  const loaded = new Map<string, LoadedFace>();
  for (const face of message.faces) loaded.set(face.key, hb.load(await woffToSfnt(fromBase64(face.woff))));
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
    fonts.push({ key: request.key, woff: await sfntToWoff(ttf) });
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
