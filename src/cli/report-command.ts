import { writeFile } from 'node:fs/promises';
import type { AnalysisResult } from '../analyze.js';
import type { SegguardConfig } from '../config/config.js';
import { ConfigError, loadConfig } from '../config/load.js';
import { CONFIG_FILE } from '../config/schema.js';
import type { Finding } from '../findings/finding.js';
import { SEVERITIES, type Severity } from '../findings/severity.js';
import { failsGate, FORMATS, isFormat, type Report } from '../report/index.js';
import { summaryLine } from '../report/summary-line.js';
import { readSide, SourceError, type Side } from '../sources/index.js';
import { EXIT, type CommandIo } from './io.js';

/**
 * What `segguard check` and `segguard audit` share: the report options (format, gate, configuration, output),
 * reading trees as directories or git refs, rendering, and the exit code that gates a merge.
 */
export const GATES = [...SEVERITIES, 'none'] as const;

/** node:util parseArgs options common to the reporting commands. */
export const REPORT_OPTIONS = {
  repo: { type: 'string', default: '.' },
  format: { type: 'string', default: 'text' },
  'fail-on': { type: 'string' },
  config: { type: 'string' },
  output: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const REPORT_OPTIONS_HELP = `  --repo <path>          the git repository for refs, and where ${CONFIG_FILE} is looked for
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

export interface ReportValues {
  repo: string;
  format: string;
  'fail-on'?: string;
  config?: string;
  output?: string;
}

export interface AnalysisRun {
  config: SegguardConfig;
  /** Reads a tree (directory or git ref); the sides of one run share git blobs. */
  read(spec: string): Promise<Side>;
}

/** Validates the report options, loads the configuration, runs `analyzeWith`, renders and returns the exit code. */
export async function runReportCommand(command: string, io: CommandIo, values: ReportValues,
  analyzeWith: (run: AnalysisRun) => Promise<{ result: AnalysisResult; shown(finding: Finding): Finding }>): Promise<number> {
  const format = values.format;
  if (!isFormat(format)) return usage(command, io, `unknown --format "${format}" (one of ${Object.keys(FORMATS).join(', ')})`);
  const gate = values['fail-on'];
  if (gate !== undefined && !isGate(gate)) return usage(command, io, `unknown --fail-on "${gate}" (one of ${GATES.join(', ')})`);
  const cwd = process.cwd();
  try {
    const { config } = await loadConfig({ cwd, repo: values.repo, configFile: values.config });
    const options = { cwd, repo: values.repo, selection: { include: config.include, exclude: config.exclude }, blobs: new Map() };
    const { result, shown } = await analyzeWith({ config, read: (spec) => readSide(spec, options) });
    const report: Report = { findings: result.findings.map(shown), summary: result.summary, failOn: gate ?? config.failOn };
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
      io.stderr(error.message.split('\n').map((line) => `segguard ${command}: ${line}\n`).join(''));
      return EXIT.usage;
    }
    throw error;
  }
}

function isGate(value: string): value is Severity | 'none' {
  return (GATES as readonly string[]).includes(value);
}

export function usage(command: string, io: CommandIo, message: string): number {
  io.stderr(`segguard ${command}: ${message} (see segguard ${command} --help)\n`);
  return EXIT.usage;
}

/** Paths as the user can open them: a directory's files under the directory as given; git paths as they are. */
export function shownFrom(finding: Finding, sides: { base?: Side; head: Side }): Finding {
  const prefix = (side: 'base' | 'head') => (side === 'base' ? sides.base : sides.head)?.displayPrefix ?? '';
  return {
    ...finding,
    location: { ...finding.location, path: prefix(finding.location.side) + finding.location.path },
    related: finding.related.map((r) => ({ ...r, path: prefix(r.side) + r.path })),
    ...(finding.proposedSuppression ? {
      proposedSuppression: { ...finding.proposedSuppression, location: { ...finding.proposedSuppression.location, path: prefix('head') + finding.proposedSuppression.location.path } },
    } : {}),
  };
}
