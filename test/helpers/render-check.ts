import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { run } from '../../src/cli/commands/check.js';
import type { Finding, FindingResource } from '../../src/findings/finding.js';
import { renderTools } from './render-tools.js';
import { makeTempDir } from './temp.js';

export type JsonFinding = Omit<Finding, 'resource'> & { resource?: FindingResource & { environments?: FindingResource[] } };

/**
 * Runs `segguard check --base base --head head --format json` in-process in a render case's directory, with the
 * case's segguard.yml (when it has one) and the real tools of renderTools() as render.tools.
 */
export async function checkJson(dir: string): Promise<{ code: number; findings: JsonFinding[]; stderr: string }> {
  const { kubectl, helm } = renderTools();
  const own = join(dir, 'segguard.yml');
  const config = (existsSync(own) ? parse(readFileSync(own, 'utf8')) : {}) as { render?: Record<string, unknown> };
  config.render = { ...config.render, tools: { kustomize: kubectl, helm } };
  const file = join(makeTempDir('segguard-render-check-'), 'segguard.yml');
  writeFileSync(file, stringify(config));
  let stdout = '';
  let stderr = '';
  const before = process.cwd();
  process.chdir(dir);
  try {
    const code = await run(['--base', 'base', '--head', 'head', '--format', 'json', '--config', file],
      { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
    return { code, findings: code === 2 ? [] : (JSON.parse(stdout) as { findings: JsonFinding[] }).findings, stderr };
  } finally {
    process.chdir(before);
  }
}
