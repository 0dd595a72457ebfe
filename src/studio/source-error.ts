/** A plain message for the person, in Chinese and English, about a file or text that cannot be read. */
export class SourceError extends Error {}
