// Bundles the programs into dist/ (`npm run bundle`). The output must be byte-identical for the same input:
// CI rebuilds it and compares with the committed dist/, so nothing here may depend on time, machine or path.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { BUNDLE_OPTIONS } from './bundle-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** One entry per program: source → dist/<out>.js. */
const ENTRY_POINTS = [
  { in: 'src/cli/program.ts', out: 'cli' },
  { in: 'src/action/main.ts', out: 'index' },
  { in: 'src/app/server.ts', out: 'app' },
  // The App's workers without the web server (segguard-worker), and the analysis thread both start (src/app/analysis-pool.ts).
  { in: 'src/app/worker.ts', out: 'worker' },
  { in: 'src/app/analysis-thread.ts', out: 'analysis-thread' },
];

/** `node scripts/bundle.mjs --outdir <dir>`: the same bundle elsewhere (tests run the App's bundled processes). */
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag >= 0 ? process.argv[outdirFlag + 1] : 'dist';

await build({ ...BUNDLE_OPTIONS, absWorkingDir: root, entryPoints: ENTRY_POINTS, outdir });
