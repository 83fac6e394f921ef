/**
 * Runs once before all test files: builds the browser app when web/dist is missing or stale, so
 * that browser tests running in parallel never build (and overwrite) it at the same time.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-web-if-needed.mjs')], { cwd: root, stdio: 'inherit' });
}
