/**
 * `npm run bench`: runs every benchmark in bench/ (each `*.ts` except this runner and lib.ts),
 * one at a time, each in its own Node process (`node --import tsx bench/<name>.ts`) so one
 * bench's heap and JIT state never colour the next. Their JSON lines stream to stdout, their
 * notes to stderr. Exits non-zero if any bench fails (a disagreement, a crash), after running
 * them all. Targets missed are reported but are not failures: the lines carry the ratios.
 *
 * `npm run bench -- rules import` runs only the named benches.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const NOT_BENCHES = new Set(['run.ts', 'lib.ts']);

function benches(only: readonly string[]): string[] {
  const all = readdirSync(here)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts') && !NOT_BENCHES.has(f))
    .sort();
  if (only.length === 0) return all;
  const unknown = only.filter((n) => !all.includes(n.endsWith('.ts') ? n : `${n}.ts`));
  if (unknown.length > 0) throw new Error(`no such bench: ${unknown.join(', ')} (have ${all.join(', ')})`);
  return all.filter((f) => only.includes(f) || only.includes(basename(f, '.ts')));
}

function run(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, file)], {
      cwd: join(here, '..'),
      stdio: ['ignore', 'inherit', 'inherit'],
      env: process.env,
    });
    child.on('error', (e) => {
      console.error(`bench ${file}: ${e.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<void> {
  let files: string[];
  try {
    files = benches(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
  const failed: string[] = [];
  for (const f of files) {
    const t0 = Date.now();
    console.error(`bench ${f}: start`);
    const code = await run(f);
    console.error(`bench ${f}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (code !== 0) failed.push(f);
  }
  if (failed.length > 0) {
    console.error(`benches failed: ${failed.join(', ')}`);
    process.exit(1);
  }
}

await main();
