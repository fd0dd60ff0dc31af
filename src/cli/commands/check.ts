import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { analyze } from '../../analyze.js';
import { ConfigError, loadConfig } from '../../config/load.js';
import { CONFIG_FILE } from '../../config/schema.js';
import type { Finding } from '../../findings/finding.js';
import { SEVERITIES, type Severity } from '../../findings/severity.js';
import { failsGate, FORMATS, isFormat, type Report } from '../../report/index.js';
import { summaryLine } from '../../report/summary-line.js';
import { readSide, SourceError, type Side } from '../../sources/index.js';
import { EXIT, type CommandIo } from '../io.js';

export const summary = 'compare the manifests of a base and a head, report the segmentation regressions';

const GATES = [...SEVERITIES, 'none'] as const;

export const HELP = `usage: segguard check --base <dir|git-ref> --head <dir|git-ref> [options]

Compares the Kubernetes manifests (.yaml, .yml, .json) of a base and a head and reports what the head
opens up that the base did not: NetworkPolicy and Ingress regressions, with file and line.

  --base <dir|git-ref>   the tree before the change: a directory, or a git ref (read from git
                         objects, no checkout), e.g. origin/main
  --head <dir|git-ref>   the tree after the change, e.g. HEAD or .
  --repo <path>          the git repository for refs, and where ${CONFIG_FILE} is looked for
                         (default: the current directory)
  --format <format>      ${Object.keys(FORMATS).join(' | ')} (default: text)
  --fail-on <severity>   ${GATES.join(' | ')}: exit 1 when an unsuppressed finding is at
                         least this severe (default: high, or fail-on in the configuration)
  --config <file>        the configuration file (default: <repo>/${CONFIG_FILE} when it exists)
  --output <file>        write the report to a file instead of stdout
  -h, --help             show this help

A path that exists is read as a directory; anything else as a git ref of --repo.
Exit codes: 0 nothing reaches --fail-on, 1 something does, 2 usage, configuration or I/O error.
`;

/** `segguard check`: the whole pipeline (sources → analyze → report) and the exit code that gates a merge. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        base: { type: 'string' },
        head: { type: 'string' },
        repo: { type: 'string', default: '.' },
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string' },
        config: { type: 'string' },
        output: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (!values.base || !values.head) return usage(io, `--base and --head are both required`);
  const format = values.format;
  if (!isFormat(format)) return usage(io, `unknown --format "${format}" (one of ${Object.keys(FORMATS).join(', ')})`);
  const gate = values['fail-on'];
  if (gate !== undefined && !isGate(gate)) return usage(io, `unknown --fail-on "${gate}" (one of ${GATES.join(', ')})`);

  const cwd = process.cwd();
  try {
    const { config } = await loadConfig({ cwd, repo: values.repo, configFile: values.config });
    const options = { cwd, repo: values.repo, selection: { include: config.include, exclude: config.exclude }, blobs: new Map() };
    // One side after the other, so the head reuses the git blobs the base already read.
    const base = await readSide(values.base, options);
    const head = await readSide(values.head, options);
    const result = analyze(base.files, head.files, config);
    const report: Report = {
      findings: result.findings.map((f) => shownFrom(f, base, head)),
      summary: result.summary,
      failOn: gate ?? config.failOn,
    };
    const color = io.isTTY === true && values.output === undefined && !process.env.NO_COLOR;
    const rendered = FORMATS[format](report, { color });
    if (values.output !== undefined) {
      await writeFile(values.output, rendered).catch((error: NodeJS.ErrnoException) => {
        throw new SourceError(`cannot write ${values.output} (${error.code ?? error.message})`);
      });
      io.stdout(`${summaryLine(report)}\n`);
    } else {
      io.stdout(rendered);
    }
    return failsGate(report) ? EXIT.findings : EXIT.ok;
  } catch (error) {
    if (error instanceof SourceError || error instanceof ConfigError) {
      io.stderr(error.message.split('\n').map((line) => `segguard check: ${line}\n`).join(''));
      return EXIT.usage;
    }
    throw error;
  }
}

function isGate(value: string): value is Severity | 'none' {
  return (GATES as readonly string[]).includes(value);
}

function usage(io: CommandIo, message: string): number {
  io.stderr(`segguard check: ${message} (see segguard check --help)\n`);
  return EXIT.usage;
}

/** Paths as the user can open them: a directory's files under the directory as given; git paths as they are. */
function shownFrom(finding: Finding, base: Side, head: Side): Finding {
  const prefix = (side: 'base' | 'head') => (side === 'base' ? base : head).displayPrefix;
  return {
    ...finding,
    location: { ...finding.location, path: prefix(finding.location.side) + finding.location.path },
    related: finding.related.map((r) => ({ ...r, path: prefix(r.side) + r.path })),
  };
}
