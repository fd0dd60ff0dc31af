import type { DiscoveredTarget, Tree } from './discover.js';
import { joinPath } from './paths.js';
import type { SourceLine } from './types.js';

/** A renderer's error, in the repository's own paths, and the source line it names (else the target's declaration). */
export interface ToolError {
  message: string;
  at: SourceLine;
}

const line = (path: string, n: number): SourceLine => ({ path, line: n, endLine: n });

/**
 * Where a kustomize or helm error sits. The tools name files in the temporary copy (`<tmp>/tree/overlays/prod/x.yaml`),
 * as they were written in a kustomization (`accumulating resources from 'x.yaml'`, `path(x.yaml)`, `File: x.yaml`),
 * or as `chart/templates/x.yaml:7`; each is turned back into a repository path and, when the tool gives one, a line.
 */
export function locateToolError(raw: string, tmpTree: string, discovered: DiscoveredTarget, tree: Tree): ToolError {
  const { target } = discovered;
  const message = firstLines(raw.split(`${tmpTree}/`).join('').split('../tree/').join('').replace(/^error: /i, '').replace(/^Error: /, ''))
    // The wrapper kustomization's own layer of the error says nothing the rest does not.
    .replace(/^accumulating resources: accumulation err='accumulating resources from '[^']*': '[^']*' must resolve to a file': recursed accumulation of path '[^']*': /, '');
  if (target.tool === 'helm') {
    // `parse error at (chart/templates/x.yaml:7)`, `YAML parse error on chart/templates/x.yaml: ... line 6`.
    const m = /\(([^():\s]+\/templates\/[^():\s]+):(\d+)\)/.exec(message) ?? /on ([^\s:]+\/templates\/[^\s:]+):/.exec(message);
    if (m) {
      const path = joinPath(target.path, m[1].split('/').slice(1).join('/'));
      if (path !== undefined && tree.has(path)) return { message, at: line(path, m[2] ? Number(m[2]) : 1) };
    }
    return { message, at: target.declaredAt };
  }
  // A YAML error in a file kustomize read (`MalformedYAMLError: yaml: line 6: ... in File: x.yaml`).
  const inFile = /yaml: line (\d+):.*in File: (\S+)/.exec(message);
  const named = [...message.matchAll(/from '([^']+)'|path\(([^)]+)\)|in File: (\S+)|'([^'\s]+)'/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
  if (inFile) {
    const ref = referenceNamed(discovered, inFile[2]);
    const path = ref ? joinPath(ref.file.slice(0, ref.file.lastIndexOf('/') + 1), inFile[2]) : undefined;
    if (path !== undefined && tree.has(path)) return { message, at: line(path, Number(inFile[1])) };
  }
  // An error in a kustomization file itself.
  const own = /invalid Kustomization: yaml: line (\d+)/.exec(message);
  if (own) {
    const file = [...named].reverse().map((n) => referenceNamed(discovered, n)).find((r) => r)?.file ?? target.declaredAt.path;
    return { message, at: line(file, Number(own[1])) };
  }
  // The innermost name the error mentions that a kustomization of the target names: the line that names it.
  for (const name of [...named].reverse()) {
    const ref = referenceNamed(discovered, name);
    if (ref) return { message, at: line(ref.file, ref.line) };
    if (tree.has(name)) return { message, at: line(name, 1) };
  }
  return { message, at: target.declaredAt };
}

function referenceNamed(discovered: DiscoveredTarget, name: string) {
  return discovered.references.find((r) => r.name === name || r.name.replace(/\/$/, '') === name.replace(/\/$/, ''));
}

/** The error without Helm's hint and bounded in length: the finding quotes it. */
function firstLines(text: string): string {
  const kept = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('Use --debug')).slice(0, 5).join(' ').trim();
  return kept.length > 600 ? `${kept.slice(0, 600)}...` : kept;
}
