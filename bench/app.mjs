// npm run bench:app [-- prs instances manifests]: the App under load (bench/app.ts, run with tsx).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
try {
  execFileSync(process.execPath, ['--import', 'tsx', join(here, 'app.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
} catch (error) {
  process.exitCode = error.status ?? 1;
}
