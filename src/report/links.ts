import packageJson from '../../package.json' with { type: 'json' };
import type { FindingLocation } from '../findings/finding.js';
import { docsPathOf } from '../rules/rule.js';
import { VERSION } from '../version.js';

/**
 * Where the reports link to: the lines of the analyzed commits (when the adapter knows the repository and the
 * commits: the Action and the App do, the CLI on local directories does not) and the rule docs of the segguard
 * version that ran.
 */
export interface SourceLinks {
  /** `https://github.com/<owner>/<repo>`. */
  repository: string;
  head: string;
  base?: string;
}

export function repositoryUrl(owner: string, repo: string, server = serverUrl()): string {
  return `${server}/${owner}/${repo}`;
}

/**
 * The GitHub the adapter talks to: the Action runner's GITHUB_SERVER_URL, the App's GitHub Enterprise Server
 * (GHE_HOST, GHE_PROTOCOL as Probot reads them), else github.com.
 */
export function serverUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.GITHUB_SERVER_URL) return env.GITHUB_SERVER_URL.replace(/\/$/, '');
  if (env.GHE_HOST) return `${env.GHE_PROTOCOL || 'https'}://${env.GHE_HOST}`;
  return 'https://github.com';
}

/** The line of a location at its side's commit; undefined when that commit is unknown. */
export function lineUrl(links: SourceLinks | undefined, location: Pick<FindingLocation, 'path' | 'line' | 'side'>): string | undefined {
  const commit = location.side === 'base' ? links?.base : links?.head;
  if (!links || !commit) return undefined;
  // Parentheses too: a `)` in a path would end the Markdown link.
  const path = location.path.split('/').map((part) => encodeURIComponent(part).replace(/[()!*']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
  return `${links.repository}/blob/${commit}/${path}${location.line > 0 ? `#L${location.line}` : ''}`;
}

/**
 * segguard's own tree at the version that runs: in an Action step, the Action's repository and ref
 * (GITHUB_ACTION_REPOSITORY, GITHUB_ACTION_REF, set by the runner); otherwise package.json's `repository` at the
 * release tag.
 */
export function projectTreeUrl(env: NodeJS.ProcessEnv = process.env): string {
  const server = serverUrl(env);
  if (env.GITHUB_ACTION_REPOSITORY && env.GITHUB_ACTION_REF) return `${server}/${env.GITHUB_ACTION_REPOSITORY}/blob/${env.GITHUB_ACTION_REF}`;
  return `${PROJECT_URL}/blob/v${VERSION}`;
}

/** The repository of package.json's `repository` field (`git+https://…/x.git` → `https://…/x`). */
export function projectUrlOf(repository: string | { url: string }): string {
  const url = typeof repository === 'string' ? repository : repository.url;
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** segguard's repository, from package.json. */
export const PROJECT_URL = projectUrlOf(packageJson.repository);

/** The docs page of a rule at the version that runs. */
export function docsUrlOf(ruleId: string, env: NodeJS.ProcessEnv = process.env): string {
  return `${projectTreeUrl(env)}/${docsPathOf(ruleId)}`;
}

/** A docs page of segguard (`docs/exposure.md`) at the version that runs. */
export function projectDocUrl(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return `${projectTreeUrl(env)}/${path}`;
}
