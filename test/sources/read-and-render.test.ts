import { describe, expect, it } from 'vitest';
import { renderConfig, defaultConfig } from '../../src/config/config.js';
import { pathFilter, type FileSelection } from '../../src/sources/filter.js';
import { readAndRender } from '../../src/sources/index.js';
import { toolsRenderer, WEB_NETPOL } from '../helpers/render.js';

/** A reader over commits held in memory, as the GitHub API reader serves them: by selection, counting its calls. */
function reader(commits: Record<string, Record<string, string>>) {
  const calls: FileSelection[] = [];
  const read = async (shas: readonly string[], selection: FileSelection) => {
    calls.push(selection);
    const filter = pathFilter(selection);
    return shas.map((sha) => ({
      tree: { files: Object.keys(commits[sha]).length, manifests: 0 },
      files: Object.entries(commits[sha]).filter(([p]) => filter.file(p)).map(([path, content]) => ({ path, content })),
    }));
  };
  return { read, calls };
}

const SELECTION = { include: [], exclude: ['**/templates/**'] };
const render = () => ({ config: renderConfig(defaultConfig()), renderer: toolsRenderer() });

describe('reading commits through the API with rendering', () => {
  it('a repository without render targets is read once, as before', async () => {
    const { read, calls } = reader({ a: { 'np.yaml': WEB_NETPOL } });
    const [a] = await readAndRender(['a'], read, SELECTION, render());
    expect(calls).toHaveLength(1);
    expect(a.rendered).toBeUndefined();
    expect(a.files.map((f) => f.path)).toEqual(['np.yaml']);
  });

  it("fetches every file of a chart's directory (templates, helpers) and renders it", async () => {
    const chart = {
      'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
      'charts/web/templates/_name.tpl': '{{- define "web.name" -}}{{ .Release.Name }}-np{{- end -}}\n',
      'charts/web/templates/np.yaml': WEB_NETPOL.replace('name: web', 'name: {{ include "web.name" . }}'),
      'plain/np.yaml': WEB_NETPOL,
    };
    const { read, calls } = reader({ a: chart });
    const [a] = await readAndRender(['a'], read, SELECTION, render());
    expect(calls[1]).toMatchObject({ include: ['charts/web/**'], anyFile: true });
    expect(a.files.map((f) => f.path)).toEqual(['plain/np.yaml']);
    expect(a.rendered?.targets[0].objects.map((o) => o.text)).toEqual([expect.stringContaining('name: web-np')]);
  });
});
