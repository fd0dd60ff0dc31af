import { SEVERITIES } from '../findings/severity.js';
import { DEFAULT_TIER_LABEL } from './config.js';

/** Where the schema is committed (for editors and for the staleness test); `npm run schema` rewrites it. */
export const CONFIG_SCHEMA_FILE = 'schema/config.schema.json';

/** The configuration file a repository carries. */
export const CONFIG_FILE = '.github/segguard.yml';

/**
 * The JSON Schema of `.github/segguard.yml`. It is generated from the rule registry so that editors complete and
 * check rule ids, and the CLI validates with the very same schema.
 */
export function configSchema(ruleIds: readonly string[]): Record<string, unknown> {
  const severity = {
    type: 'string',
    enum: [...SEVERITIES],
    description: 'A severity, worst first: critical, high, medium, low, info.',
  };
  const ruleSetting = {
    oneOf: [
      {
        type: 'string',
        enum: ['off', 'on', ...SEVERITIES],
        description: '`off` disables the rule, `on` enables it at its default severity, a severity enables it and reports its findings at that severity.',
      },
      {
        type: 'boolean',
        description: '`false` disables the rule, `true` enables it at its default severity.',
      },
      {
        type: 'object',
        additionalProperties: false,
        description: 'Long form of a rule setting.',
        properties: {
          enabled: { type: 'boolean', description: 'Whether the rule runs (default true).' },
          severity: { ...severity, description: "The severity of the rule's findings, replacing its default." },
        },
      },
    ],
  };
  const globs = (what: string) => ({
    type: 'array',
    items: { type: 'string', minLength: 1 },
    description: what,
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'segguard configuration',
    description: `The segguard configuration (${CONFIG_FILE}). Editors using yaml-language-server pick this schema up with the comment \`# yaml-language-server: $schema=<path or URL of ${CONFIG_SCHEMA_FILE}>\`.`,
    type: 'object',
    additionalProperties: false,
    properties: {
      'fail-on': {
        type: 'string',
        enum: [...SEVERITIES, 'none'],
        default: 'high',
        description: 'The merge gate: the check fails when an unsuppressed finding is at this severity or worse. `none` never fails.',
      },
      include: globs('Globs (relative to the root of each tree, forward slashes) of the manifest files to read; when absent or empty, every .yaml, .yml and .json file is read.'),
      exclude: globs('Globs of files to skip, added to the defaults, which skip .git, node_modules and Helm chart templates/ directories.'),
      'max-file-bytes': {
        type: 'integer',
        minimum: 1,
        default: 5242880,
        description: 'Files larger than this (in bytes) are not parsed and are reported as manifest-parse-error.',
      },
      tiers: {
        type: 'object',
        additionalProperties: false,
        required: ['order'],
        description: 'Trust tiers: the tier rules (tier-*) report traffic and entry points that mix tiers, and ingress-new-route and exposure-added take their severity from the destination\'s tier. Absent: the tier rules report nothing.',
        properties: {
          order: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            minItems: 1,
            uniqueItems: true,
            description: 'The tier names, highest trust first (e.g. [critical, internal, public]). The first is the critical tier of tier-exposure-unguarded.',
          },
          default: { type: 'string', minLength: 1, description: 'The tier of a workload that neither a label nor `namespaces` assigns; one of `order`. Absent: such a workload has no tier (tier-unassigned).' },
          namespaces: {
            type: 'object',
            additionalProperties: { type: 'string', minLength: 1 },
            description: 'Namespace name → tier (one of `order`), for the workloads of namespaces without the tier label.',
          },
          label: {
            type: 'string',
            minLength: 1,
            default: DEFAULT_TIER_LABEL,
            description: `The pod or namespace label whose value names a workload's tier; a pod label wins over its namespace's label, which wins over \`namespaces\`. Default ${DEFAULT_TIER_LABEL}.`,
          },
        },
      },
      suppressions: {
        type: 'object',
        additionalProperties: false,
        description: 'How `segguard.io/ignore` suppressions a pull request adds or changes can take effect before it is merged. Read from the base, like all of this file.',
        properties: {
          approvers: {
            type: 'array',
            uniqueItems: true,
            items: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$' },
            description: 'GitHub logins (`alice`) and teams (`org/team-slug`). An approving review from one of them on the pull request\'s current head commit applies the suppressions it proposes; a later push, "changes requested" or a dismissal withdraws it. Absent or empty: proposed suppressions take effect only once merged.',
          },
        },
      },
      render: renderSchema(),
      rules: {
        type: 'object',
        description: 'Per-rule settings, by rule id.',
        additionalProperties: false,
        properties: Object.fromEntries([...ruleIds].sort().map((id) => [id, { ...ruleSetting, description: `Setting of rule ${id} (docs/rules/${id}.md).` }])),
      },
    },
  };
}

/** `render:`: Kustomize overlays and Helm charts rendered by the real tools before the analysis. */
function renderSchema(): Record<string, unknown> {
  const dir = (tool: string) => ({ type: 'string', minLength: 1, description: `The ${tool} directory, relative to the repository root.` });
  const name = { type: 'string', minLength: 1, description: 'The environment shown in messages ("in prod (overlays/prod)"); default: the directory\'s last segment.' };
  return {
    type: 'object',
    additionalProperties: false,
    description: 'Rendering: what the cluster receives from Kustomize overlays and Helm charts is analyzed instead of their files. Read from the base, like all of this file.',
    properties: {
      auto: {
        type: 'boolean',
        default: true,
        description: 'Find render targets without configuration: every Kustomize root (a kustomization no other references) and every Helm chart (a Chart.yaml not inside another chart\'s charts/). `false` with no `targets`: files are read as plain manifests.',
      },
      targets: {
        type: 'array',
        description: 'Targets to render; each replaces the discovered target at its path.',
        items: {
          oneOf: [
            { type: 'object', additionalProperties: false, required: ['kustomize'], properties: { kustomize: dir('kustomization'), name } },
            {
              type: 'object',
              additionalProperties: false,
              required: ['helm'],
              properties: {
                helm: dir('chart'),
                name,
                release: { type: 'string', minLength: 1, description: 'The release name; default the chart\'s name.' },
                namespace: { type: 'string', minLength: 1, default: 'default', description: 'The release namespace.' },
                values: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Values files, relative to the chart directory, applied after the chart\'s values.yaml.' },
                set: { type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] }, description: 'Values set on the command line (`--set key=value`).' },
                'kube-version': { type: 'string', minLength: 1, description: 'The Kubernetes version templates see (`--kube-version`).' },
                'api-versions': { type: 'array', items: { type: 'string', minLength: 1 }, description: 'API versions templates see as available (`--api-versions`).' },
              },
            },
          ],
        },
      },
      tools: {
        type: 'object',
        additionalProperties: false,
        description: 'Paths of the renderers; default: kustomize (else kubectl, which has it built in) and helm on PATH.',
        properties: {
          kustomize: { type: 'string', minLength: 1, description: 'A kustomize or kubectl executable.' },
          helm: { type: 'string', minLength: 1, description: 'A helm executable.' },
        },
      },
      'timeout-seconds': { type: 'integer', minimum: 1, default: 60, description: 'The time limit of one target\'s render.' },
      'max-output-bytes': { type: 'integer', minimum: 1, default: 52428800, description: 'The output cap of one target\'s render.' },
    },
  };
}
