import { createRequire } from 'node:module';
import nock from 'nock';

/**
 * A stand-in for api.github.com on nock: each expected request is answered once, recorded (method, path, query,
 * body) for the test to compare in full, and checked against GitHub's REST description (`@octokit/openapi`):
 * the path and method exist, every query parameter is declared, every required body field is present.
 */

export const API = 'https://api.github.com';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
}

type Reply = { status?: number; body?: unknown; headers?: Record<string, string> };

interface Operation {
  parameters?: ({ $ref: string } | { name: string; in: string })[];
  requestBody?: { content?: Record<string, { schema?: { required?: string[]; $ref?: string } }> };
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { parameters: Record<string, { name: string; in: string }>; schemas: Record<string, { required?: string[] }> };
}

const spec = createRequire(import.meta.url)('@octokit/openapi/generated/api.github.com.json') as OpenApi;

const templates = Object.keys(spec.paths).map((template) => ({
  template,
  // `{path}` (contents) spans slashes; every other parameter is one segment.
  pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{path\}/g, '.+').replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/** The problems GitHub's API description finds in a request; empty when it is a valid call. */
export function openApiProblems(request: RecordedRequest): string[] {
  if (request.method === 'POST' && request.path === '/graphql') return [];
  const matches = templates.filter((t) => t.pattern.test(request.path) && spec.paths[t.template][request.method.toLowerCase()]);
  if (matches.length === 0) return [`${request.method} ${request.path} is not in GitHub's REST API`];
  // The most literal template wins (`/pulls/comments/{id}` over `/pulls/{pull_number}/{x}`).
  const { template } = matches.sort((a, b) => a.template.split('{').length - b.template.split('{').length)[0];
  const operation = spec.paths[template][request.method.toLowerCase()];
  const problems: string[] = [];
  const declared = new Set((operation.parameters ?? []).map((p) => ('$ref' in p ? spec.components.parameters[p.$ref.split('/').pop()!] : p))
    .filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of Object.keys(request.query)) {
    if (!declared.has(name)) problems.push(`${request.method} ${template}: query parameter "${name}" is not declared`);
  }
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  const resolved = schema?.$ref ? spec.components.schemas[schema.$ref.split('/').pop()!] : schema;
  for (const field of resolved?.required ?? []) {
    if (typeof request.body !== 'object' || request.body === null || !(field in request.body)) {
      problems.push(`${request.method} ${template}: required body field "${field}" is missing`);
    }
  }
  return problems;
}

export class GitHubStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly problems: string[] = [];

  /** Expects one request with this method and path (any query; the test compares `requests`). */
  expect(method: 'GET' | 'POST' | 'PATCH', path: string, reply: Reply | ((request: RecordedRequest) => Reply)): this {
    const scope = nock(API);
    const interceptor = method === 'GET' ? scope.get(path) : method === 'POST' ? scope.post(path) : scope.patch(path);
    interceptor.query(true).reply(async (req: Request) => {
      const url = new URL(req.url);
      const text = await req.text();
      const recorded: RecordedRequest = {
        method, path: decodeURIComponent(url.pathname), query: Object.fromEntries(url.searchParams),
        ...(text ? { body: JSON.parse(text) as unknown } : {}),
      };
      this.requests.push(recorded);
      this.problems.push(...openApiProblems(recorded));
      const answer = typeof reply === 'function' ? reply(recorded) : reply;
      return [answer.status ?? 200, answer.body ?? {}, answer.headers ?? {}];
    });
    return this;
  }
}
