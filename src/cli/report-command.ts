import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AnalysisResult } from '../analyze.js';
import type { SegguardConfig } from '../config/config.js';
import { renderConfig, renders } from '../config/config.js';
import { ConfigError, loadConfig, repositoryOf } from '../config/load.js';
import { rendererFor } from '../render/side.js';
import { CONFIG_FILE } from '../config/schema.js';
import type { Finding } from '../findings/finding.js';
import { SEVERITIES, type Severity } from '../findings/severity.js';
import { failsGate, FORMATS, isFormat, type Report } from '../report/index.js';
import { summaryLine } from '../report/summary-line.js';
import type { FileSelection } from '../sources/filter.js';
import { readSide, SourceError, type ReadOptions, type Side } from '../sources/index.js';
import { EXIT, type CommandIo } from './io.js';

/**
 * What `segguard check` and `segguard audit` share: the report options (format, gate, configuration, output),
 * reading trees as directories or git refs, rendering, and the exit code that gates a merge.
 */
export const GATES = [...SEVERITIES, 'none'] as const;

/** node:util parseArgs options common to the reporting commands. */
export const REPORT_OPTIONS = {
  repo: { type: 'string' },
  format: { type: 'string', default: 'text' },
  'fail-on': { type: 'string' },
  config: { type: 'string' },
  output: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const REPORT_OPTIONS_HELP = `  --repo <path>          the git repository for refs, and where ${CONFIG_FILE} is looked for
                         (default: refs of the current directory; the configuration of the
                         repository that holds the analyzed directories)
  --format <format>      ${Object.keys(FORMATS).join(' | ')} (default: text)
  --fail-on <severity>   ${GATES.join(' | ')}: exit 1 when an unsuppressed finding is at
                         least this severe (default: high, or fail-on in the configuration)
  --config <file>        the configuration file (default: ${CONFIG_FILE} of --repo, or of the
                         repository that holds the analyzed directories, when it exists)
  --output <file>        write the report to a file instead of stdout
  -h, --help             show this help

A path that exists is read as a directory; anything else as a git ref of --repo.
Exit codes: 0 nothing reaches --fail-on, 1 something does, 2 usage, configuration or I/O error.
`;

export interface ReportValues {
  repo?: string;
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

/**
 * Validates the report options, loads the configuration of the repository that holds `trees` (the specs the
 * command reads, base first), runs `analyzeWith`, renders and returns the exit code.
 */
export async function runReportCommand(command: string, io: CommandIo, values: ReportValues, trees: readonly string[],
  analyzeWith: (run: AnalysisRun) => Promise<{ result: AnalysisResult; shown(finding: Finding): Finding }>): Promise<number> {
  const format = values.format;
  if (!isFormat(format)) return usage(command, io, `unknown --format "${format}" (one of ${Object.keys(FORMATS).join(', ')})`);
  const gate = values['fail-on'];
  if (gate !== undefined && !isGate(gate)) return usage(command, io, `unknown --fail-on "${gate}" (one of ${GATES.join(', ')})`);
  try {
    const run = await prepareRun(values, trees);
    const { result, shown } = await analyzeWith(run);
    warn(command, io, result.summary.warnings);
    // Markdown is for a pull request: paths as in the repository, as its exposure map shows them (`shop/ingress.yaml:15`).
    const report: Report = { findings: format === 'markdown' ? result.findings : result.findings.map(shown), summary: result.summary, failOn: gate ?? run.config.failOn };
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

/**
 * The configuration and a reader for the trees of a run. The configuration is that of --repo when given, else of
 * the repository that holds the first tree that is a directory (base first: the gate is the base's), else of the
 * working directory's (the trees are refs of it): never the working directory's for a directory elsewhere.
 * `selection` replaces the configuration's include/exclude (connlist and conndiff read every manifest file).
 */
export async function prepareRun(values: { repo?: string; config?: string }, trees: readonly string[], selection?: FileSelection): Promise<AnalysisRun> {
  const cwd = process.cwd();
  const directory = trees.map((spec) => resolve(cwd, spec)).find((path) => existsSync(path));
  const root = values.repo !== undefined ? resolve(cwd, values.repo) : directory !== undefined ? repositoryOf(directory) : cwd;
  const { config, file } = await loadConfig({ cwd, repo: root, configFile: values.config });
  const options: ReadOptions = {
    cwd, repo: values.repo ?? '.', root, selection: selection ?? { include: config.include, exclude: config.exclude }, maxFileBytes: config.maxFileBytes,
    blobs: new Map(), ...(file !== undefined ? { configFile: file } : {}),
    // One renderer for both sides: a target whose inputs did not change is rendered once.
    ...(renders(config) ? { render: { config: renderConfig(config), renderer: rendererFor(renderConfig(config)) } } : {}),
  };
  return { config, read: (spec) => readSide(spec, options) };
}

/** What every output says (summary warnings) is also said on stderr, where a script or a terminal sees it first. */
export function warn(command: string, io: CommandIo, warnings: readonly string[] | undefined): void {
  for (const warning of warnings ?? []) io.stderr(`segguard ${command}: warning: ${warning}\n`);
}

function isGate(value: string): value is Severity | 'none' {
  return (GATES as readonly string[]).includes(value);
}

export function usage(command: string, io: CommandIo, message: string): number {
  io.stderr(`segguard ${command}: ${message} (see segguard ${command} --help)\n`);
  return EXIT.usage;
}

/**
 * Paths as the user can open them: a directory's files under the directory as given; git paths as they are; a
 * path that is no file of the side (the configuration file manifest-none-read points at) is already as shown.
 */
export function shownFrom(sides: { base?: Side; head: Side }): (finding: Finding) => Finding {
  const pathsOf = (side: Side | undefined) => side?.paths ?? new Set(side?.files.map((f) => f.path));
  const paths = { base: pathsOf(sides.base), head: pathsOf(sides.head) };
  const show = (side: 'base' | 'head', path: string) => (paths[side].has(path) ? (sides[side]?.displayPrefix ?? '') + path : path);
  return (finding) => ({
    ...finding,
    location: { ...finding.location, path: show(finding.location.side, finding.location.path) },
    related: finding.related.map((r) => ({ ...r, path: show(r.side, r.path) })),
    ...(finding.proposedSuppression ? {
      proposedSuppression: { ...finding.proposedSuppression, location: { ...finding.proposedSuppression.location, path: show('head', finding.proposedSuppression.location.path) } },
    } : {}),
  });
}
