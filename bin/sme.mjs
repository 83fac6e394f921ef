#!/usr/bin/env node
// The `sme` command: runs the TypeScript sources through tsx's loader (no build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
