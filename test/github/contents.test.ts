import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listManifests, readCommits, type ContentsOptions } from '../../src/github/contents.js';
import { loadSnapshot } from '../../src/model/load.js';
import { pathFilter } from '../../src/sources/filter.js';

const API = 'https://api.github.com';
const REPO = { owner: 'acme', repo: 'infra' };
const BASE = 'b'.repeat(40);
const HEAD = 'c'.repeat(40);
const OPTIONS: ContentsOptions = { include: [], exclude: ['**/node_modules/**', '**/templates/**'], maxFileBytes: 1000 };

const sha = (n: number): string => n.toString(16).padStart(40, '0');
const blob = (path: string, blobSha: string, size = 10) => ({ path, mode: '100644', type: 'blob', sha: blobSha, size });
const tree = (path: string, treeSha: string) => ({ path, mode: '040000', type: 'tree', sha: treeSha });

function client() {
  return new ProbotOctokit({ auth: { token: 'test' }, retry: { enabled: false }, throttle: { enabled: false } });
}

interface GraphqlBody {
  query: string;
  variables: Record<string, string>;
}

/** Answers GraphQL blob queries from `texts` (by SHA) and records every query body it received. */
function graphqlBlobs(texts: Record<string, { text: string | null; isBinary?: boolean; isTruncated?: boolean }>, times = 1): GraphqlBody[] {
  const bodies: GraphqlBody[] = [];
  nock(API).post('/graphql').times(times).reply(200, async (req: Request) => {
    const request = await req.json() as GraphqlBody;
    bodies.push(request);
    const repository: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(request.variables)) {
      if (!/^o\d+$/.test(name)) continue;
      const found = texts[value];
      repository[`b${name.slice(1)}`] = found ? { isBinary: false, isTruncated: false, ...found } : null;
    }
    return { data: { repository } };
  });
  return bodies;
}

function blobShas(bodies: GraphqlBody[]): string[] {
  return bodies.flatMap((b) => Object.entries(b.variables).filter(([k]) => /^o\d+$/.test(k)).map(([, v]) => v));
}

function text(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
}

beforeEach(() => {
  nock.disableNetConnect();
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  nock.enableNetConnect();
  expect(pending).toEqual([]);
});

describe('readCommits', () => {
  it('lists both trees once each and downloads each distinct blob once, in one GraphQL query', async () => {
    nock(API).get(`/repos/acme/infra/git/trees/${BASE}`).query({ recursive: '1' }).reply(200, {
      sha: BASE, truncated: false, tree: [
        tree('apps', sha(100)),
        blob('apps/np.yaml', sha(1)),
        blob('apps/ingress.yml', sha(2)),
        blob('README.md', sha(3)),
        blob('apps/copy.json', sha(1)),
      ],
    });
    nock(API).get(`/repos/acme/infra/git/trees/${HEAD}`).query({ recursive: '1' }).reply(200, {
      sha: HEAD, truncated: false, tree: [
        blob('apps/np.yaml', sha(1)),
        blob('apps/ingress.yml', sha(4)),
        blob('apps/link.yaml', sha(5)),
        { ...blob('apps/symlink.yaml', sha(6)), mode: '120000' },
        { path: 'vendor/sub', mode: '160000', type: 'commit', sha: sha(7) },
        blob('node_modules/x/np.yaml', sha(8)),
        blob('charts/a/templates/np.yaml', sha(9)),
      ],
    });
    const bodies = graphqlBlobs({
      [sha(1)]: { text: 'kind: NetworkPolicy # shared\n' },
      [sha(2)]: { text: 'kind: Ingress # base\n' },
      [sha(4)]: { text: 'kind: Ingress # head\n' },
      [sha(5)]: { text: 'kind: Service\n' },
    });

    const [{ files: base, tree: baseTree }, { files: head, tree: headTree }] = await readCommits(client(), REPO, [BASE, HEAD], OPTIONS);

    // What each tree holds before the selection (for manifest-none-read): file blobs, symlinks and submodules aside.
    expect([baseTree, headTree]).toEqual([{ files: 4, manifests: 3 }, { files: 5, manifests: 5 }]);
    expect(base.map((f) => [f.path, text(f.content)])).toEqual([
      ['apps/copy.json', 'kind: NetworkPolicy # shared\n'],
      ['apps/ingress.yml', 'kind: Ingress # base\n'],
      ['apps/np.yaml', 'kind: NetworkPolicy # shared\n'],
    ]);
    expect(head.map((f) => [f.path, text(f.content)])).toEqual([
      ['apps/ingress.yml', 'kind: Ingress # head\n'],
      ['apps/link.yaml', 'kind: Service\n'],
      ['apps/np.yaml', 'kind: NetworkPolicy # shared\n'],
    ]);
    expect(bodies).toHaveLength(1);
    // The blob both sides (and two paths) share is asked for once; the changed file once per side.
    expect(blobShas(bodies).sort()).toEqual([sha(1), sha(2), sha(4), sha(5)]);
    expect(Object.keys(bodies[0].variables).sort()).toEqual(['name', 'o0', 'o1', 'o2', 'o3', 'owner']);
    expect(bodies[0].variables).toMatchObject({ owner: 'acme', name: 'infra' });
    expect(bodies[0].query).toContain('query($owner: String!, $name: String!, $o0: GitObjectID!');
    expect(bodies[0].query).toContain('b3: object(oid: $o3) { ... on Blob { text isBinary isTruncated } }');
    // No SHA is spliced into the query text.
    expect(bodies[0].query).not.toMatch(/[0-9a-f]{40}/);
  });

  it('walks a truncated tree directory by directory, skipping excluded directories', async () => {
    nock(API).get(`/repos/acme/infra/git/trees/${HEAD}`).query({ recursive: '1' }).reply(200, {
      sha: HEAD, truncated: true, tree: [blob('a/first.yaml', sha(1))],
    });
    nock(API).get(`/repos/acme/infra/git/trees/${HEAD}`).query((q) => Object.keys(q).length === 0).reply(200, {
      sha: HEAD, truncated: false, tree: [blob('root.yaml', sha(1)), tree('a', sha(100)), tree('node_modules', sha(101)), tree('big', sha(102))],
    });
    nock(API).get(`/repos/acme/infra/git/trees/${sha(100)}`).query({ recursive: '1' }).reply(200, {
      sha: sha(100), truncated: false, tree: [blob('first.yaml', sha(2)), tree('deep', sha(103)), blob('deep/np.yml', sha(3))],
    });
    // `big` is itself too large for one listing: listed alone, then its subdirectory recursively.
    nock(API).get(`/repos/acme/infra/git/trees/${sha(102)}`).query({ recursive: '1' }).reply(200, { sha: sha(102), truncated: true, tree: [] });
    nock(API).get(`/repos/acme/infra/git/trees/${sha(102)}`).query((q) => Object.keys(q).length === 0).reply(200, {
      sha: sha(102), truncated: false, tree: [tree('x', sha(104)), blob('top.json', sha(4))],
    });
    nock(API).get(`/repos/acme/infra/git/trees/${sha(104)}`).query({ recursive: '1' }).reply(200, {
      sha: sha(104), truncated: false, tree: [blob('leaf.yaml', sha(5))],
    });
    const logs: string[] = [];

    const blobs = await listManifests(client(), REPO, HEAD, pathFilter({ include: [], exclude: OPTIONS.exclude }), undefined, (m) => logs.push(m));

    expect(blobs.map((b) => [b.path, b.sha])).toEqual([
      ['a/deep/np.yml', sha(3)],
      ['a/first.yaml', sha(2)],
      ['big/top.json', sha(4)],
      ['big/x/leaf.yaml', sha(5)],
      ['root.yaml', sha(1)],
    ]);
    expect(logs).toEqual([
      `GitHub truncated the recursive listing of the tree of ${HEAD}; listing its directories one by one`,
      `GitHub truncated the recursive listing of big in ${HEAD}; listing its directories one by one`,
    ]);
  });

  it('fails loudly when even a single directory listing is truncated', async () => {
    nock(API).get(`/repos/acme/infra/git/trees/${HEAD}`).query({ recursive: '1' }).reply(200, { sha: HEAD, truncated: true, tree: [] });
    nock(API).get(`/repos/acme/infra/git/trees/${HEAD}`).query((q) => Object.keys(q).length === 0).reply(200, { sha: HEAD, truncated: true, tree: [] });

    await expect(listManifests(client(), REPO, HEAD, pathFilter({ include: [], exclude: [] }))).rejects.toThrow(
      `the tree of ${HEAD} has more entries than the GitHub API lists; its manifests cannot all be read`,
    );
  });

  it('downloads binary, truncated and non-UTF-8 blobs as bytes, so the loader says why it skipped them', async () => {
    nock(API).get(`/repos/acme/infra/git/trees/${HEAD}`).query({ recursive: '1' }).reply(200, {
      sha: HEAD, truncated: false, tree: [blob('bin.yaml', sha(1)), blob('latin1.yaml', sha(2)), blob('long.yaml', sha(3)), blob('ok.yaml', sha(4))],
    });
    const bodies = graphqlBlobs({
      [sha(1)]: { text: null, isBinary: true },
      [sha(2)]: { text: 'name: caf\uFFFD\n' },
      [sha(3)]: { text: 'apiVersion: v1\nkind: Conf', isTruncated: true },
      [sha(4)]: { text: 'a: 1\n' },
    });
    const binary = Buffer.from([0x61, 0x00, 0x62]);
    const latin1 = Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\xe9}\n', 'latin1');
    const long = Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: long}\n');
    for (const [n, bytes] of [[1, binary], [2, latin1], [3, long]] as const) {
      nock(API).get(`/repos/acme/infra/git/blobs/${sha(n)}`).reply(200, { sha: sha(n), size: bytes.length, encoding: 'base64', content: bytes.toString('base64') });
    }

    const [{ files }] = await readCommits(client(), REPO, [HEAD], OPTIONS);

    expect(blobShas(bodies)).toHaveLength(4);
    expect(files.map((f) => [f.path, typeof f.content])).toEqual([
      ['bin.yaml', 'object'], ['latin1.yaml', 'object'], ['long.yaml', 'object'], ['ok.yaml', 'string'],
    ]);
    const model = loadSnapshot(files);
    expect(model.problems.map((p) => [p.location.path, p.message])).toEqual([
      ['bin.yaml', 'file is binary (it contains NUL bytes); it was not read'],
      ['latin1.yaml', 'file is not valid UTF-8; it was not read'],
    ]);
    expect(model.resources.map((r) => r.name)).toEqual(['long']);
  });

  it('does not download a blob over the size limit; the loader reports it unread', async () => {
    nock(API).get(`/repos/acme/infra/git/trees/${HEAD}`).query({ recursive: '1' }).reply(200, {
      sha: HEAD, truncated: false, tree: [blob('huge.yaml', sha(1), 50_000_000), blob('small.yaml', sha(2), 5)],
    });
    const bodies = graphqlBlobs({ [sha(2)]: { text: 'a: 1\n' } });

    const [{ files }] = await readCommits(client(), REPO, [HEAD], OPTIONS);

    expect(blobShas(bodies)).toEqual([sha(2)]);
    expect(loadSnapshot(files, { maxFileBytes: OPTIONS.maxFileBytes }).problems.map((p) => [p.location.path, p.message])).toEqual([
      ['huge.yaml', 'file is 50000000 bytes, over the 1000-byte limit for manifests; it was not read'],
    ]);
  });

  it('splits blobs into GraphQL queries by count and by size', async () => {
    nock(API).get(`/repos/acme/infra/git/trees/${HEAD}`).query({ recursive: '1' }).reply(200, {
      sha: HEAD, truncated: false, tree: [
        blob('1.yaml', sha(1), 10), blob('2.yaml', sha(2), 10), blob('3.yaml', sha(3), 10),
        blob('4.yaml', sha(4), 90), blob('5.yaml', sha(5), 10),
      ],
    });
    const texts = Object.fromEntries([1, 2, 3, 4, 5].map((n) => [sha(n), { text: `n: ${n}\n` }]));
    const bodies = graphqlBlobs(texts, 3);

    const [{ files }] = await readCommits(client(), REPO, [HEAD], { ...OPTIONS, concurrency: 1, batch: { blobs: 2, bytes: 100 } });

    expect(bodies.map((b) => blobShas([b]))).toEqual([[sha(1), sha(2)], [sha(3), sha(4)], [sha(5)]]);
    expect(files.map((f) => f.content)).toEqual(['n: 1\n', 'n: 2\n', 'n: 3\n', 'n: 4\n', 'n: 5\n']);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const count = 9;
    nock(API).get(`/repos/acme/infra/git/trees/${HEAD}`).query({ recursive: '1' }).reply(200, {
      sha: HEAD, truncated: false, tree: Array.from({ length: count }, (_, i) => blob(`${i}.yaml`, sha(i + 1))),
    });
    let inFlight = 0;
    let most = 0;
    let queries = 0;
    nock(API).post('/graphql').times(count).reply(async (req: Request) => {
      const { variables } = await req.json() as GraphqlBody;
      queries++;
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight--;
      return [200, { data: { repository: { b0: { text: `sha: ${variables.o0}\n`, isBinary: false, isTruncated: false } } } }];
    });

    const [{ files }] = await readCommits(client(), REPO, [HEAD], { ...OPTIONS, concurrency: 3, batch: { blobs: 1 } });

    expect(queries).toBe(count);
    expect(most).toBe(3);
    expect(files.map((f) => f.content)).toEqual(Array.from({ length: count }, (_, i) => `sha: ${sha(i + 1)}\n`));
  });

  it('falls back to REST blobs when the GraphQL query fails', async () => {
    nock(API).get(`/repos/acme/infra/git/trees/${HEAD}`).query({ recursive: '1' }).reply(200, {
      sha: HEAD, truncated: false, tree: [blob('a.yaml', sha(1))],
    });
    nock(API).post('/graphql').reply(502, 'Bad gateway');
    nock(API).get(`/repos/acme/infra/git/blobs/${sha(1)}`).reply(200, { sha: sha(1), size: 5, encoding: 'base64', content: Buffer.from('a: 1\n').toString('base64') });
    const logs: string[] = [];

    const [{ files }] = await readCommits(client(), REPO, [HEAD], { ...OPTIONS, log: (m) => logs.push(m) });

    expect(files.map((f) => [f.path, text(f.content)])).toEqual([['a.yaml', 'a: 1\n']]);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^GraphQL could not read 1 blobs \(.*\); reading them one by one$/);
  });
});
