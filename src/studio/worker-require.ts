/**
 * cfb (the reader of .doc and .wps containers) is a CommonJS module that hands over its exports only where a
 * `require` exists. On the page one does (mammoth's browser build defines it); in the speech worker, where cfb may
 * load first, this gives it one, which refuses every module: cfb asks for none unless told to read a file by name.
 * Imported first by speech-worker.ts.
 */
const scope = self as unknown as { require?: (name: string) => never };
scope.require ??= (name: string) => {
  throw new Error(`${name} is not available in the studio`);
};
