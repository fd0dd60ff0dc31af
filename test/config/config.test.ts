import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXCLUDE, defaultConfig } from '../../src/config/config.js';
import { ConfigError, loadConfig, parseConfig, serializeConfigSchema } from '../../src/config/load.js';
import { CONFIG_SCHEMA_FILE } from '../../src/config/schema.js';
import { RULES } from '../../src/rules/index.js';
import { tempDir } from '../helpers/temp.js';

const root = join(import.meta.dirname, '..', '..');
const FILE = '.github/segguard.yml';

function problemsOf(text: string): string[] {
  try {
    parseConfig(text, FILE);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('config schema', () => {
  const committed = JSON.parse(readFileSync(join(root, CONFIG_SCHEMA_FILE), 'utf8'));

  it(`is up to date with the rule registry (run \`npm run schema\` after adding a rule)`, () => {
    expect(readFileSync(join(root, CONFIG_SCHEMA_FILE), 'utf8'), `${CONFIG_SCHEMA_FILE} is stale: run npm run schema`).toBe(serializeConfigSchema());
  });

  it('lists exactly the registered rule ids', () => {
    expect(Object.keys(committed.properties.rules.properties)).toEqual(RULES.map((r) => r.id).sort());
  });

  it('is a valid draft-07 schema with a description on every key', () => {
    const ajv = new Ajv({ strict: true });
    expect(ajv.validateSchema(committed), JSON.stringify(ajv.errors)).toBe(true);
    const missing: string[] = [];
    const visit = (schema: Record<string, unknown>, path: string) => {
      for (const [key, sub] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof sub.description !== 'string' || sub.description.length < 10) missing.push(`${path}${key}`);
        visit(sub, `${path}${key}.`);
        for (const branch of (sub.oneOf ?? []) as Record<string, unknown>[]) visit(branch, `${path}${key}.`);
      }
    };
    visit(committed, '');
    expect(missing).toEqual([]);
  });
});

describe('parseConfig', () => {
  it('gives the defaults for an empty file', () => {
    expect(parseConfig('', FILE)).toEqual(defaultConfig());
    expect(parseConfig('# only a comment\n', FILE)).toEqual(defaultConfig());
  });

  it('resolves every key and every form of rule setting', () => {
    const config = parseConfig([
      'fail-on: medium',
      'include: ["k8s/**"]',
      'exclude: ["k8s/generated/**"]',
      'max-file-bytes: 1024',
      'rules:',
      '  manifest-invalid: off',
      '  manifest-duplicate: low',
      '  suppression-invalid: on',
      '  manifest-parse-error: {severity: critical}',
    ].join('\n'), FILE);
    expect(config).toEqual({
      failOn: 'medium',
      include: ['k8s/**'],
      exclude: [...DEFAULT_EXCLUDE, 'k8s/generated/**'],
      maxFileBytes: 1024,
      rules: {
        'manifest-invalid': { enabled: false },
        'manifest-duplicate': { enabled: true, severity: 'low' },
        'suppression-invalid': { enabled: true },
        'manifest-parse-error': { enabled: true, severity: 'critical' },
      },
    });
    expect(parseConfig('rules:\n  manifest-invalid: false\n  manifest-duplicate: {enabled: false, severity: info}\n', FILE).rules).toEqual({
      'manifest-invalid': { enabled: false },
      'manifest-duplicate': { enabled: false, severity: 'info' },
    });
  });

  it('names the file, the line and the key of an unknown key, with a suggestion', () => {
    expect(problemsOf('fail-on: high\nfail_on: low\n')).toEqual([`${FILE}:2: unknown key "fail_on" (did you mean "fail-on"?)`]);
    expect(problemsOf('rules:\n  manifest-invalid:\n    enable: false\n')).toEqual([
      `${FILE}:3: unknown key "rules.manifest-invalid.enable" (did you mean "enabled"?)`,
    ]);
    expect(problemsOf('colour: red\n')).toEqual([`${FILE}:1: unknown key "colour"`]);
  });

  it('names an unknown rule id', () => {
    expect(problemsOf('rules:\n  manifest-invalid: off\n  netpol-everything: high\n')).toEqual([
      `${FILE}:3: unknown rule id "netpol-everything" in rules`,
    ]);
    expect(problemsOf('rules:\n  manifest-invaild: off\n')).toEqual([
      `${FILE}:2: unknown rule id "manifest-invaild" in rules (did you mean "manifest-invalid"?)`,
    ]);
  });

  it('names mistyped values and lists them all, in line order', () => {
    expect(problemsOf([
      'max-file-bytes: big',
      'fail-on: severe',
      'include: k8s/**',
      'rules:',
      '  manifest-invalid: hgh',
      '  manifest-duplicate: 3',
      '  suppression-invalid: {severity: urgent}',
    ].join('\n'))).toEqual([
      `${FILE}:1: max-file-bytes: must be an integer, not a string`,
      `${FILE}:2: fail-on: "severe" is not one of critical, high, medium, low, info, none`,
      `${FILE}:3: include: must be a list, not a string`,
      `${FILE}:5: rules.manifest-invalid: "hgh" is not one of off, on, critical, high, medium, low, info`,
      `${FILE}:6: rules.manifest-duplicate: must be one of: off | on | critical | high | medium | low | info; true or false; or a mapping with enabled and/or severity (not an integer)`,
      `${FILE}:7: rules.suppression-invalid.severity: "urgent" is not one of critical, high, medium, low, info`,
    ]);
    expect(problemsOf('max-file-bytes: 0\n')).toEqual([`${FILE}:1: max-file-bytes: must be >= 1`]);
    expect(problemsOf('- fail-on: high\n')).toEqual([`${FILE}:1: must be a mapping, not a list`]);
  });

  it('reads suppressions.approvers (logins and org/team slugs) and names a malformed one', () => {
    expect(parseConfig('suppressions:\n  approvers: [alice, acme/security-team]\n', FILE).suppressions).toEqual({ approvers: ['alice', 'acme/security-team'] });
    expect(parseConfig('suppressions: {}\n', FILE).suppressions).toEqual({ approvers: [] });
    expect(parseConfig('', FILE).suppressions).toBeUndefined();
    expect(problemsOf('suppressions:\n  approvers:\n    - alice\n    - "@acme/security"\n')).toEqual([
      `${FILE}:4: suppressions.approvers.1: must match pattern "^[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$"`,
    ]);
    expect(problemsOf('suppressions:\n  approver: [alice]\n')).toEqual([`${FILE}:2: unknown key "suppressions.approver" (did you mean "approvers"?)`]);
  });

  it('reports YAML syntax errors and duplicate keys with their line', () => {
    expect(problemsOf('fail-on: high\ninclude: [a\n')[0]).toMatch(new RegExp(`^${FILE}:\\d+: `));
    expect(problemsOf('fail-on: high\nfail-on: low\n')).toEqual([`${FILE}:2: Map keys must be unique`]);
  });
});

describe('loadConfig', () => {
  const tmp = tempDir();
  const repo = tmp.write({ '.github/segguard.yml': 'fail-on: low\n', 'other.yml': 'fail-on: critical\n', 'bad.yml': 'nope: 1\n' }, 'repo');
  const bare = tmp.write({}, 'bare');

  it('reads .github/segguard.yml of the repository, or the defaults when there is none', async () => {
    expect((await loadConfig({ cwd: repo, repo: '.' })).config.failOn).toBe('low');
    expect(await loadConfig({ cwd: bare, repo: '.' })).toEqual({ config: defaultConfig() });
    expect((await loadConfig({ cwd: tmp.root, repo: 'repo' })).file).toBe('repo/.github/segguard.yml');
  });

  it('reads --config instead, which must exist; errors name the file as given', async () => {
    expect((await loadConfig({ cwd: repo, repo: '.', configFile: 'other.yml' })).config.failOn).toBe('critical');
    await expect(loadConfig({ cwd: repo, repo: '.', configFile: 'missing.yml' })).rejects.toThrow('missing.yml: cannot read the configuration file (ENOENT)');
    await expect(loadConfig({ cwd: repo, repo: '.', configFile: 'bad.yml' })).rejects.toThrow('bad.yml:1: unknown key "nope"');
  });
});
