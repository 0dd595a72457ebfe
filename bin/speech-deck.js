#!/usr/bin/env node
// The CLI is written in TypeScript; tsx compiles it on the fly so there is no separate build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/node/cli.ts');
await run();
