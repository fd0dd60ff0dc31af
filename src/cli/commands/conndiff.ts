import { CONNECTIVITY_FORMATS, formatConndiff } from '../../report/connectivity/format.js';
import { Connectivity } from '../../semantics/connectivity.js';
import { diffConnections } from '../../semantics/diff.js';
import { EXIT, type CommandIo } from '../io.js';
import { loadDirectoryModels, parseArgs, printWarnings } from './connlist.js';

const USAGE = `usage: segguard conndiff <dir1> <dir2> [--format ${CONNECTIVITY_FORMATS.join('|')}]   (dir1 = before, dir2 = after)`;

/** `segguard conndiff <before> <after>`: the connections that were added, removed or changed, np-guard's format. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseArgs(args, 2, USAGE, io);
  if (typeof parsed === 'number') return parsed;
  const models = await loadDirectoryModels(parsed.dirs, io);
  if (!models) return EXIT.usage;
  const [before, after] = models.map((m) => Connectivity.fromModel(m));
  printWarnings(before, parsed.dirs[0], io);
  printWarnings(after, parsed.dirs[1], io);
  const diffs = diffConnections(
    before.connections(), after.connections(),
    new Set(before.topology.workloads.map((w) => w.id)), new Set(after.topology.workloads.map((w) => w.id)),
  );
  io.stdout(formatConndiff(diffs, parsed.format));
  return EXIT.ok;
}
