import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runAction } from '../../src/action/run.js';
import { GitHubMock, testClient } from '../github/helpers/github-mock.js';
import { gitIn, makeRepo, OWNER, prPayload, pullFiles, REPO, shallowClone, stepEnv } from './helpers.js';
import { WEB_DEPLOYMENT, WEB_NETPOL } from '../helpers/render.js';
import { renderTools } from '../helpers/render-tools.js';

const R = `/repos/${OWNER}/${REPO}`;
const PAGE1 = 'per_page=100&page=1';
const { kubectl, helm } = renderTools();

const CHART = {
  '.github/segguard.yml': `render:\n  tools:\n    kustomize: ${kubectl}\n    helm: ${helm}\n`,
  'charts/shop/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 1.0.0\n',
  'charts/shop/values.yaml': 'networkPolicy:\n  enabled: true\n',
  'charts/shop/templates/_helpers.tpl': '{{- define "shop.web" -}}{{ .Release.Name }}-web{{- end -}}\n',
  'charts/shop/templates/deploy.yaml': WEB_DEPLOYMENT.replace('name: web', 'name: {{ include "shop.web" . }}'),
  'charts/shop/templates/np.yaml': `{{- if .Values.networkPolicy.enabled }}\n${WEB_NETPOL.replace('name: web', 'name: {{ include "shop.web" . }}')}{{- end }}\n`,
};

let mock: GitHubMock;
let step: ReturnType<typeof stepEnv> | undefined;

beforeEach(() => {
  mock = new GitHubMock();
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(() => {
  vi.restoreAllMocks();
  step?.restore();
  process.exitCode = undefined;
  const { pending, violations } = mock.finish();
  expect(pending).toEqual([]);
  expect(violations).toEqual([]);
});

describe('the Action renders Helm charts and Kustomize overlays', () => {
  it('renders both commits from git objects, in a temporary directory, and finds what the values change removes', async () => {
    const repo = makeRepo(CHART, { 'charts/shop/values.yaml': 'networkPolicy:\n  enabled: false\n' });
    const workspace = shallowClone(repo);
    mock.on('GET', `${R}/compare/${repo.base}...${repo.head}?per_page=1`, { body: { merge_base_commit: { sha: repo.base } } });
    mock.on('POST', `${R}/check-runs`, { status: 201, body: { id: 1 } })
      .on('GET', `${R}/pulls/2/files?${PAGE1}`, { body: pullFiles(repo) })
      .on('GET', `${R}/pulls/2/comments?${PAGE1}`, { body: [] })
      .on('GET', `${R}/issues/2/comments?${PAGE1}`, { body: [] })
      .on('POST', `${R}/issues/2/comments`, { status: 201, body: { id: 4 } });
    step = stepEnv({});
    const outcome = await runAction({ eventName: 'pull_request_target', sha: repo.base, repo: { owner: OWNER, repo: REPO }, payload: prPayload('synchronize', repo) },
      { client: testClient(), workspace });
    // No review comment: by default the finding sits on the template, outside the diff (attribution puts it on the values line).
    const findings = outcome.result!.findings.map((f) => `${f.ruleId} ${f.location.path} ${f.location.side}`);
    expect(findings).toContain('netpol-deleted charts/shop/templates/np.yaml base');
    expect(outcome.result!.summary.render?.tools[0]).toMatch(/^helm v4/);
    expect(outcome.conclusion).toBe('failure');
    // Nothing was rendered or written in the workspace.
    expect(gitIn(workspace, 'status', '--porcelain', '--ignored')).toBe('');
  });
});
