import { loadSnapshot, type Model } from '../../model/load.js';
import { CONNECTIVITY_FORMATS, formatConnlist, isConnectivityFormat, type ConnectivityFormat } from '../../report/connectivity/format.js';
import { Connectivity } from '../../semantics/connectivity.js';
import { readDirectory } from '../../sources/directory.js';
import { SourceError } from '../../sources/index.js';
import { EXIT, type CommandIo } from '../io.js';

const USAGE = `usage: segguard connlist <dir> [--format ${CONNECTIVITY_FORMATS.join('|')}]`;

/** `segguard connlist <dir>`: every allowed connection between the workloads of a directory, np-guard's format. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseArgs(args, 1, USAGE, io);
  if (typeof parsed === 'number') return parsed;
  const model = await loadDirectoryModel(parsed.dirs[0], io);
  if (!model) return EXIT.usage;
  io.stdout(formatConnlist(Connectivity.fromModel(model).connections(), parsed.format));
  return EXIT.ok;
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

/** Reads every manifest under `dir`; parse problems are reported on stderr and the rest is still analyzed. */
export async function loadDirectoryModel(dir: string, io: CommandIo): Promise<Model | undefined> {
  try {
    const model = loadSnapshot(await readDirectory(dir, { include: [], exclude: [] }));
    for (const problem of model.problems) {
      if (problem.kind === 'parse-error') io.stderr(`segguard: ${dir}/${problem.location.path}:${problem.location.line}: ${problem.message}\n`);
    }
    return model;
  } catch (error) {
    if (error instanceof SourceError) {
      io.stderr(`segguard: ${error.message}\n`);
      return undefined;
    }
    throw error;
  }
}
