import { parseArgs } from 'node:util';
import { comparable } from '../../analyze.js';
import { ConfigError } from '../../config/load.js';
import { CONFIG_FILE } from '../../config/schema.js';
import { loadSnapshot, ParseCache } from '../../model/load.js';
import { EXPOSURE_FORMATS, formatExposure, formatExposureChange, isExposureFormat } from '../../report/exposure/format.js';
import { buildExposureMap, exposureChange, rowData, type ExposureRowData } from '../../semantics/exposure-map.js';
import { silentSides } from '../../rules/manifest/manifest-none-read.js';
import { SourceError, type Side } from '../../sources/index.js';
import { EXIT, type CommandIo } from '../io.js';
import { prepareRun, usage, warn } from '../report-command.js';

export const summary = 'the exposure map: every entry point, its guards, Service and workloads (or its change with --base)';

export const HELP = `usage: segguard exposure <dir|git-ref> [--base <dir|git-ref>] [options]

Prints the exposure map of a tree of Kubernetes manifests: one row per entry point (Ingress path, OpenShift
Route, ...) with its controller, listener, host pattern, path match, guards (TLS, client certificates, IP
allow-list, authentication, CORS), backend Service and the workloads and pod ports behind it. With --base,
prints what changes between the two trees instead: rows added, removed and changed (mermaid: the new edges).

  <dir|git-ref>          the tree: a directory, or a git ref of --repo (e.g. HEAD)
  --base <dir|git-ref>   compare with this tree
  --format <format>      ${EXPOSURE_FORMATS.join(' | ')} (default: text)
  --repo <path>          the git repository for refs, and where ${CONFIG_FILE} is looked for (include/exclude)
                         (default: refs of the current directory; the configuration of the repository
                         that holds the analyzed directories)
  --config <file>        the configuration file (default: ${CONFIG_FILE} of that repository when it exists)
  -h, --help             show this help

Exit codes: 0 printed, 2 usage, configuration or I/O error. docs/exposure.md says how each API is read.
`;

export async function run(args: string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args, strict: true, allowPositionals: true,
      options: { base: { type: 'string' }, format: { type: 'string', default: 'text' }, repo: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return usage('exposure', io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) return usage('exposure', io, `one tree is required (a directory or a git ref), got ${positionals.length}`);
  const format = values.format;
  if (!isExposureFormat(format)) return usage('exposure', io, `unknown --format "${format}" (one of ${EXPOSURE_FORMATS.join(', ')})`);
  try {
    const { config, read } = await prepareRun(values, values.base !== undefined ? [values.base, positionals[0]] : positionals);
    const cache = new ParseCache();
    const base = values.base !== undefined ? await read(values.base) : undefined;
    const head = await read(positionals[0]);
    const rendered = comparable({ base: base?.rendered, head: head.rendered });
    const load = (side: Side) => loadSnapshot(side.files, { maxFileBytes: config.maxFileBytes }, cache, side === base ? rendered.base : rendered.head, { rendered: side === base ? rendered.head : rendered.base });
    warn('exposure', io, silentSides({ base: base?.census, head: head.census }).map((s) => s.message));
    // A target that did not render is missing from the map: said on stderr, as the map has no place for it.
    warn('exposure', io, [...(base?.rendered?.failures ?? []), ...(head.rendered?.failures ?? [])]
      .map((f) => `${f.at.path}:${f.at.line}: ${f.target.path || '.'} was not rendered, its entry points are missing: ${f.message}`));
    const shown = (row: ExposureRowData): ExposureRowData => {
      const side = row.location.side === 'base' ? base : head;
      return { ...row, location: { ...row.location, path: (side?.displayPrefix ?? '') + row.location.path } };
    };
    if (base) {
      const change = exposureChange(load(base), load(head));
      io.stdout(formatExposureChange(change && {
        ...change,
        added: change.added.map(shown), removed: change.removed.map(shown),
        changed: change.changed.map((c) => ({ ...c, before: shown(c.before), after: shown(c.after) })),
      }, format));
    } else {
      const rows = buildExposureMap(load(head)).rows;
      io.stdout(formatExposure({ rows, data: rows.map((r) => shown(rowData(r, 'head'))) }, format));
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof SourceError || error instanceof ConfigError) {
      io.stderr(error.message.split('\n').map((line) => `segguard exposure: ${line}\n`).join(''));
      return EXIT.usage;
    }
    throw error;
  }
}
