import { ConfigError } from '../../config/load.js';
import { loadSnapshot, ParseCache, type Model } from '../../model/load.js';
import { CONNECTIVITY_FORMATS, formatConnlist, isConnectivityFormat, type ConnectivityFormat } from '../../report/connectivity/format.js';
import { Connectivity } from '../../semantics/connectivity.js';
import { SourceError } from '../../sources/index.js';
import { EXIT, type CommandIo } from '../io.js';
import { prepareRun } from '../report-command.js';

const USAGE = `usage: segguard connlist <dir> [--format ${CONNECTIVITY_FORMATS.join('|')}]`;

/** `segguard connlist <dir>`: every allowed connection between the workloads of a directory, np-guard's format. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseArgs(args, 1, USAGE, io);
  if (typeof parsed === 'number') return parsed;
  const models = await loadDirectoryModels(parsed.dirs, io);
  if (!models) return EXIT.usage;
  const connectivity = Connectivity.fromModel(models[0]);
  printWarnings(connectivity, parsed.dirs[0], io);
  io.stdout(formatConnlist(connectivity.connections(), parsed.format));
  return EXIT.ok;
}

/** What np-guard warns about in a directory's AdminNetworkPolicies (same priority, peers not modelled), on stderr. */
export function printWarnings(connectivity: Connectivity, dir: string, io: CommandIo): void {
  for (const warning of connectivity.warnings()) io.stderr(`segguard: warning: ${dir}: ${warning}\n`);
}

/** Positional directories and `--format`; or the exit code after printing the usage (help, or wrong arguments). */
export function parseArgs(args: string[], count: number, usage: string, io: CommandIo): { dirs: string[]; format: ConnectivityFormat } | number {
  const dirs: string[] = [];
  let format: ConnectivityFormat = 'txt';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const inline = arg.startsWith('--format=') ? arg.slice('--format='.length) : undefined;
    if (arg === '--format' || arg === '-o' || inline !== undefined) {
      const value = inline ?? args[++i];
      if (value === undefined || !isConnectivityFormat(value)) {
        io.stderr(`segguard: unknown format "${value ?? ''}" (${CONNECTIVITY_FORMATS.join(', ')})\n${usage}\n`);
        return EXIT.usage;
      }
      format = value;
    } else if (arg === '--help' || arg === '-h') {
      io.stdout(`${usage}\n`);
      return EXIT.ok;
    } else if (arg.startsWith('-')) {
      io.stderr(`segguard: unknown option ${arg}\n${usage}\n`);
      return EXIT.usage;
    } else {
      dirs.push(arg);
    }
  }
  if (dirs.length !== count) {
    io.stderr(`${usage}\n`);
    return EXIT.usage;
  }
  return { dirs, format };
}

/**
 * Reads every manifest under each directory, rendering its Kustomize and Helm targets as `check` does (the
 * configuration of the repository that holds them; the whole tree, not its include/exclude). Parse problems are
 * reported on stderr and the rest is still read; a target that did not render is an error (exit 2): its connections
 * would be missing from the list without a word.
 */
export async function loadDirectoryModels(dirs: readonly string[], io: CommandIo): Promise<Model[] | undefined> {
  try {
    const run = await prepareRun({}, dirs, { include: [], exclude: [] });
    const models: Model[] = [];
    for (const dir of dirs) {
      const side = await run.read(dir);
      const model = loadSnapshot(side.files, { maxFileBytes: run.config.maxFileBytes }, new ParseCache(), side.rendered);
      const failed = model.problems.filter((p) => p.kind === 'render-failed');
      for (const problem of model.problems) {
        if (problem.kind === 'parse-error' || problem.kind === 'render-failed') io.stderr(`segguard: ${dir}/${problem.location.path}:${problem.location.line}: ${problem.message}\n`);
      }
      if (failed.length > 0) return undefined;
      models.push(model);
    }
    return models;
  } catch (error) {
    if (error instanceof SourceError || error instanceof ConfigError) {
      io.stderr(error.message.split('\n').map((line) => `segguard: ${line}\n`).join(''));
      return undefined;
    }
    throw error;
  }
}
