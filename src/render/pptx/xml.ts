/**
 * Finishing touches on the package pptxgenjs writes, for Chinese Office. Pure (runs in a browser too).
 *
 * pptxgenjs names one typeface per run (as latin, ea and cs alike) and sets `lang` only where asked, writes the
 * notes as one paragraph in `en-US`, cannot colour a bullet, and puts a second `<a:pPr>` after a soft line break
 * (which PowerPoint "repairs"). Each fix here rewrites exactly the XML pptxgenjs writes for those cases; the
 * tests read every part back with a strict XML parser and check every run's language and East Asian font.
 */
import JSZip from 'jszip';
import { escapeMarkup } from '../../core/escape.ts';
import type { Run } from '../../core/model.ts';
import { normalizeRuns, xmlSafe } from './text.ts';

/** The two faces the deck names: headings in a Song face, text in a Hei face. */
export interface Faces {
  heading: string;
  text: string;
}

export const LANG = 'zh-CN';

/** Text for an XML element or a double-quoted attribute value: the characters XML cannot carry dropped, the rest escaped. */
export function escapeXml(text: string): string {
  return escapeMarkup(xmlSafe(text));
}

/** `<a:latin>`, `<a:ea>` and `<a:cs>` naming one face; `charset="-122"` is GB2312, what a Chinese PowerPoint writes. */
export function fontElements(face: string): string {
  const name = escapeXml(face);
  return `<a:latin typeface="${name}" charset="0"/><a:ea typeface="${name}" charset="-122"/><a:cs typeface="${name}" charset="0"/>`;
}

/** Run properties in Chinese with the given face and the run's marks. */
function runProperties(tag: 'a:rPr' | 'a:endParaRPr', face: string, run: Partial<Run> = {}, extra = ''): string {
  const marks = `${run.bold ? ' b="1"' : ''}${run.italic ? ' i="1"' : ''}${run.strike ? ' strike="sngStrike"' : ''}`;
  return `<${tag} lang="${LANG}" altLang="en-US"${extra}${marks} dirty="0">${fontElements(face)}</${tag}>`;
}

/** The paragraphs of a notes page: each a list of runs, in Chinese, in the text face. */
export function notesParagraphsXml(paragraphs: readonly Run[][], face: string): string {
  return paragraphs
    .map((runs) => {
      const body = normalizeRuns(runs)
        .map((run) => `<a:r>${runProperties('a:rPr', face, run)}<a:t>${escapeXml(run.text)}</a:t></a:r>`)
        .join('');
      return `<a:p>${body}${runProperties('a:endParaRPr', face)}</a:p>`;
    })
    .join('');
}

/**
 * Puts a slide's notes in place of the placeholder paragraph pptxgenjs wrote for `token`: one paragraph per
 * spoken paragraph, so that PowerPoint's and WPS's presenter views show the speech as it was written.
 */
export function replaceNotes(xml: string, token: string, paragraphs: string): string {
  const at = xml.indexOf(`<a:t>${token}</a:t>`);
  if (at < 0) throw new Error(`pptx: the notes placeholder ${token} is missing (has pptxgenjs changed how it writes notes?)`);
  const start = xml.lastIndexOf('<a:p>', at);
  const end = xml.indexOf('</a:p>', at) + '</a:p>'.length;
  return xml.slice(0, start) + paragraphs + xml.slice(end);
}

/** Colours of the bullets: top-level phrases and nested ones. */
export interface BulletColours {
  top: string;
  nested: string;
}

const PARAGRAPH = /<a:p>[\s\S]*?<\/a:p>/g;
const PARAGRAPH_PROPERTIES = /<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>/g;
const FONTS = /<a:latin typeface="[^"]*"[^>]*\/><a:ea typeface="[^"]*"[^>]*\/><a:cs typeface="[^"]*"[^>]*\/>/;

/** Fixes one slide's text for Chinese Office; see the module comment. */
export function fixSlideXml(xml: string, faces: Faces, bullets: BulletColours): string {
  return xml
    .replace(PARAGRAPH, (p) => fixParagraph(p, faces, bullets))
    .replace(
      /<a:fld ([^>]*)type="slidenum"><a:rPr b="0" lang="en-US"\/>/g,
      (_, attrs: string) => `<a:fld ${attrs}type="slidenum">${runProperties('a:rPr', faces.text)}`,
    );
}

function fixParagraph(p: string, faces: Faces, bullets: BulletColours): string {
  // pptxgenjs writes a pPr before every run; only the first, the paragraph's own, is allowed.
  let seen = false;
  let out = p.replace(PARAGRAPH_PROPERTIES, (pPr) => {
    if (seen) return '';
    seen = true;
    return pPr;
  });
  // A soft line break carries the next run's properties, so that the line is as tall as its text.
  out = out.replace(/<a:br\/>(?=<a:r>(<a:rPr\b[^>]*>[\s\S]*?<\/a:rPr>))/g, (_, rPr: string) => `<a:br>${rPr}</a:br>`);
  // Bullets in the theme's colours, drawn from the heading face (a Song face has ◆ in every Chinese Windows).
  out = out.replace(/(<a:pPr\b([^>]*)>[\s\S]*?)<a:buSzPct val="100000"\/><a:buChar char="&#x25C6;"\/>/, (_, before: string, attrs: string) => {
    const colour = /\blvl="[1-9]"/.test(attrs) ? bullets.nested : bullets.top;
    return `${before}<a:buClr><a:srgbClr val="${colour}"/></a:buClr><a:buSzPct val="60000"/><a:buFont typeface="${escapeXml(faces.heading)}" charset="-122"/><a:buChar char="&#x25C6;"/>`;
  });
  // The end of a paragraph in the language and face of its text, so that typing there continues alike.
  const fonts = FONTS.exec(out)?.[0];
  out = out.replace(
    /<a:endParaRPr lang="[^"]*"([^>]*?)\s*dirty="0"\/>|<a:endParaRPr lang="[^"]*"\/>/g,
    (_, attrs = '') => `<a:endParaRPr lang="${LANG}" altLang="en-US"${attrs} dirty="0">${fonts ?? fontElements(faces.text)}</a:endParaRPr>`,
  );
  return out;
}

/** Names the faces in the package's theme, so that text a person adds later is set in them too. */
export function fixThemeXml(xml: string, faces: Faces): string {
  const scheme = (face: string) => (block: string) =>
    block
      .replace(/<a:ea typeface="[^"]*"\/>/, `<a:ea typeface="${escapeXml(face)}"/>`)
      .replace(/<a:font script="Hans" typeface="[^"]*"\/>/, `<a:font script="Hans" typeface="${escapeXml(face)}"/>`);
  return xml.replace(/<a:majorFont>[\s\S]*?<\/a:majorFont>/, scheme(faces.heading)).replace(/<a:minorFont>[\s\S]*?<\/a:minorFont>/, scheme(faces.text));
}

/** Makes every run pptxgenjs left in `en-US` (slide-number fields on notes pages) Chinese. */
export function fixNotesXml(xml: string, face: string): string {
  return xml.replace(/<a:rPr lang="en-US"\/>/g, runProperties('a:rPr', face)).replace(/<a:endParaRPr lang="en-US"\/>/g, runProperties('a:endParaRPr', face));
}

/** What finishing a package needs: each notes token with its paragraphs' XML, the faces and bullet colours. */
export interface Finish {
  notes: Map<string, string>;
  faces: Faces;
  bullets: BulletColours;
}

const SLIDE = /^ppt\/slides\/slide\d+\.xml$/;
const NOTES = /^ppt\/notesSlides\/notesSlide\d+\.xml$/;

/** Applies the fixes to every slide, notes page and the theme of a package pptxgenjs wrote; returns the new bytes. */
export async function finishPackage(bytes: Uint8Array, finish: Finish): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const edit = async (name: string, change: (xml: string) => string) => zip.file(name, change(await zip.file(name)!.async('string')));
  const names = Object.keys(zip.files);
  await Promise.all([
    ...names.filter((n) => SLIDE.test(n)).map((n) => edit(n, (xml) => fixSlideXml(xml, finish.faces, finish.bullets))),
    ...names
      .filter((n) => NOTES.test(n))
      .map((n) =>
        edit(n, (xml) => {
          const token = /<a:t>(speech-deck-notes-\d+)<\/a:t>/.exec(xml)?.[1];
          if (!token || !finish.notes.has(token)) throw new Error(`pptx: ${n} has no notes placeholder (has pptxgenjs changed how it writes notes?)`);
          return fixNotesXml(replaceNotes(xml, token, finish.notes.get(token)!), finish.faces.text);
        }),
      ),
    ...names.filter((n) => n === 'ppt/theme/theme1.xml').map((n) => edit(n, (xml) => fixThemeXml(xml, finish.faces))),
  ]);
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  });
}
