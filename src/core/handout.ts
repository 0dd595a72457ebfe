/**
 * Where the handout leaves a slide's picture empty for the PDF exporter, which draws the slide's own page from the
 * slides PDF there, so that the browser prints no slide twice. The place reaches the PDF as a link to this address
 * followed by the slide's index (from 0), and the exporter takes the link away when it draws the picture.
 */
export const PICTURE_PLACE = 'https://slide.invalid/';
