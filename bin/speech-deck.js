#!/usr/bin/env node
// The CLI is written in TypeScript and runs compiled ahead of time (see compile.js): no compiler at run time.
import { compiledCli } from './compile.js';

const { run } = await import(await compiledCli());
await run();
