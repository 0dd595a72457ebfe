/**
 * The deck's fonts, made in the page: each embedded face subset to exactly the characters it must draw, by the
 * same rule as the CLI (core/charset.ts faceText), from the common-character faces the studio carries. The
 * subsetting runs in a worker; characters the carried faces lack are reported, and show in a system font.
 */
import { distinctCharacters, faceText, type FaceRole, titleFaceText } from '../core/charset.ts';
import type { Deck } from '../core/model.ts';
import { brotli, faces as carried, harfbuzz } from 'virtual:speech-deck/studio-data';
import FontWorker from './font-worker.ts?worker&inline';
import { fromBase64, toBase64 } from './base64.ts';
import { fontFaceRule, titleFamily } from '../render/font-css.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

export interface DeckFonts {
  /** The @font-face rules, ready for the deck's style sheet. */
  css: string;
  /** Characters no carried face has, by face role. */
  missing: Partial<Record<FaceRole, string[]>>;
}

type Pending = {
  resolve: (fonts: Array<{ key: string; woff: Uint8Array }>) => void;
  reject: (error: Error) => void;
  progress: (done: number, total: number) => void;
};

/** The base64 text of one of the page's data blocks. */
function dataBlock(id: string): string {
  const text = document.getElementById(id)?.textContent;
  if (!text) throw new Error(`the page lacks its ${id} data`);
  return text;
}

const keyOf = (face: { family: string; weight: number }) => `${face.family} ${face.weight}`;

/**
 * The studio's own words in the carried sans face where the PC has no Chinese font of its own: the face is added
 * to the page's fonts under its family, which the studio's style sheet lists after the system's Chinese fonts.
 */
export function useCarriedFaceForPage(): void {
  const body = carried.find((face) => face.role === 'body');
  if (!body || typeof FontFace === 'undefined') return;
  const face = new FontFace(body.family, fromBase64(dataBlock(body.woff)) as Uint8Array<ArrayBuffer>, { weight: String(body.weight) });
  document.fonts.add(face);
  void face.load().catch(() => undefined);
}

export class FontMaker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 1;
  /** Resolves once the worker has HarfBuzz and the faces loaded. */
  readonly ready: Promise<void>;
  private readonly sets = new Map(carried.map((face) => [keyOf(face), new Set(face.characters)]));

  constructor() {
    this.worker = new FontWorker();
    let started!: () => void;
    let failed!: (error: Error) => void;
    this.ready = new Promise((resolve, reject) => {
      started = resolve;
      failed = reject;
    });
    this.worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      if (data.type === 'ready') return started();
      if (data.type === 'error' && data.id === undefined) return failed(new Error(data.message));
      const waiting = this.pending.get(data.id!);
      if (!waiting) return;
      if (data.type === 'progress') waiting.progress(data.done, data.total);
      else {
        this.pending.delete(data.id!);
        if (data.type === 'done') waiting.resolve(data.fonts);
        else if (data.type === 'error') waiting.reject(new Error(data.message));
      }
    };
    this.worker.onerror = (event) => failed(new Error(event.message || 'the font worker failed'));
    this.post({
      type: 'init',
      wasm: dataBlock(harfbuzz),
      brotli: dataBlock(brotli),
      faces: carried.map((face) => ({ key: keyOf(face), woff: dataBlock(face.woff) })),
    });
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  /** The deck's fonts, each face subset to what it draws (core/charset.ts); `progress` hears of each face done. */
  async forDeck(deck: Deck, progress: (done: number, total: number) => void = () => {}): Promise<DeckFonts> {
    const text = faceText(deck);
    // Then the title slide's own small faces, when the page shows it before its code runs (render/font-css.ts).
    const title = titleFaceText(deck);
    const made = await this.make(
      [
        ...carried.map((face) => ({ face, text: text[face.role], family: face.family, weight: face.weight })),
        ...(title ? carried.map((face) => ({ face, text: title[face.role], family: titleFamily(face.family), weight: face.weight })) : []),
      ],
      progress,
    );
    const missing: DeckFonts['missing'] = {};
    for (const [i, face] of carried.entries()) if (made.missing[i]!.length) missing[face.role] = made.missing[i]!;
    return { css: made.css, missing };
  }

  /**
   * @font-face rules for any text: each request names the carried face to cut (by role), the text it must draw,
   * and the family and weight to declare it under (the manuscript declares its stand-ins under its own names).
   */
  async forText(requests: Array<{ role: FaceRole; text: string; family: string; weight: number }>): Promise<string> {
    return (await this.make(requests.map((r) => ({ ...r, face: carried.find((f) => f.role === r.role)! })))).css;
  }

  private async make(
    requests: Array<{ face: (typeof carried)[number]; text: string; family: string; weight: number }>,
    progress: (done: number, total: number) => void = () => {},
  ): Promise<{ css: string; missing: string[][] }> {
    const wanted = requests.map((request) => {
      // Spaces that take up room get a glyph too; line ends and tabs need none (as in the CLI's fonts.ts).
      const asked = distinctCharacters(request.text).filter((c) => c === ' ' || c === '\u3000' || !/\s/u.test(c));
      const has = this.sets.get(keyOf(request.face))!;
      return { ...request, characters: asked.filter((c) => has.has(c)), missing: asked.filter((c) => !has.has(c)) };
    });
    const cut = wanted.filter((w) => w.characters.length);
    const id = this.next++;
    const made = new Promise<Array<{ key: string; woff: Uint8Array }>>((resolve, reject) => this.pending.set(id, { resolve, reject, progress }));
    this.post({ type: 'subset', id, requests: cut.map((w) => ({ key: keyOf(w.face), characters: w.characters.join('') })) });
    const fonts = await made;
    const css = cut.map((w, i) => fontFaceRule({ family: w.family, weight: w.weight, data: toBase64(fonts[i]!.woff), format: 'woff2' })).join('');
    return { css, missing: wanted.map((w) => w.missing) };
  }
}
