import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Every request the bot makes is checked against GitHub's own REST description (`@octokit/openapi`): the path
 * and method exist, and the JSON body validates against the operation's request schema (required fields,
 * types, enums such as `annotation_level` or `side`).
 */
interface Operation {
  requestBody?: { content?: Record<string, { schema?: object }> };
}

interface Route {
  template: string;
  pattern: RegExp;
  methods: Record<string, Operation>;
}

let routes: Route[] | undefined;
const validators = new Map<string, ValidateFunction>();
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

function load(): Route[] {
  if (routes) return routes;
  const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.deref.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, Operation>> };
  routes = Object.entries(spec.paths).map(([template, methods]) => ({
    template,
    // Literal segments first when two templates could match (`/pulls/comments/{id}` vs `/pulls/{n}`).
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    methods,
  })).sort((a, b) => literalCount(b.template) - literalCount(a.template));
  return routes;
}

function literalCount(template: string): number {
  return template.split('/').filter((s) => s && !s.startsWith('{')).length;
}

/** What is wrong with this request according to GitHub's API description; [] when nothing is. */
export function openApiViolations(method: string, path: string, body?: unknown): string[] {
  const pathname = path.split('?')[0].replace(/^\/api\/v3/, '');
  // GraphQL is not in the REST description: one endpoint, a query and its variables.
  if (pathname === '/graphql') {
    const ok = method === 'POST' && typeof (body as { query?: unknown } | undefined)?.query === 'string';
    return ok ? [] : [`${method} /graphql: a POST with a query is expected`];
  }
  const route = load().find((r) => r.pattern.test(pathname));
  if (!route) return [`${method} ${pathname}: no such path in api.github.com`];
  const op = route.methods[method.toLowerCase()];
  if (!op) return [`${method} ${route.template}: no such method`];
  const schema = op.requestBody?.content?.['application/json']?.schema;
  if (!schema || body === undefined) return [];
  const key = `${method} ${route.template}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(key, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${key} body${e.instancePath}: ${e.message}`);
}
