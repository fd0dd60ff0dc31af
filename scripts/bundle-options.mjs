// How segguard's programs are bundled with esbuild: scripts/bundle.mjs (dist/) and the bench (bench/run.mjs measures
// the code as it ships, not as a development loader transforms it).
export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Bundled CommonJS dependencies call require() for Node built-ins, which ESM lacks.
  banner: { js: "import { createRequire as __segguardCreateRequire } from 'node:module';\nconst require = __segguardCreateRequire(import.meta.url);" },
  legalComments: 'none',
  sourcemap: false,
  charset: 'utf8',
  logLevel: 'warning',
};
