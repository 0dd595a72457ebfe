#!/usr/bin/env node
// The CLI is written in TypeScript and runs compiled ahead of time (see compile.js): no compiler at run time.
import { setFlagsFromString } from 'node:v8';
import { compiledCli } from './compile.js';

// A command that runs once and exits spends a cold build's second in WebAssembly (HarfBuzz subsetting fonts, Brotli
// compressing them): V8's optimizing compiler, started in the background for the hottest functions, costs more of
// two cores than it saves before the command ends (measured: 1.6 s for the fonts of a cold build against 1.1 s
// without it). The dev server and the studio server run for hours and keep it.
if (!['dev', 'studio'].includes(process.argv[2] ?? '')) setFlagsFromString('--liftoff-only');

const { run } = await import(await compiledCli());
await run();
