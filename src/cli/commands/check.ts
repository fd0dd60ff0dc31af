import { parseArgs } from 'node:util';
import { analyze } from '../../analyze.js';
import { EXIT, type CommandIo } from '../io.js';
import { REPORT_OPTIONS, REPORT_OPTIONS_HELP, runReportCommand, shownFrom, usage } from '../report-command.js';

export const summary = 'compare the manifests of a base and a head, report the segmentation regressions';

export const HELP = `usage: segguard check --base <dir|git-ref> --head <dir|git-ref> [options]

Compares the Kubernetes manifests (.yaml, .yml, .json) of a base and a head and reports what the head
opens up that the base did not: NetworkPolicy and Ingress regressions, with file and line.

  --base <dir|git-ref>   the tree before the change: a directory, or a git ref (read from git
                         objects, no checkout), e.g. origin/main
  --head <dir|git-ref>   the tree after the change, e.g. HEAD or .
${REPORT_OPTIONS_HELP}`;

/** `segguard check`: the whole pipeline (sources → analyze → report) and the exit code that gates a merge. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: { base: { type: 'string' }, head: { type: 'string' }, ...REPORT_OPTIONS },
    }));
  } catch (error) {
    return usage('check', io, (error as Error).message);
  }
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const { base: baseSpec, head: headSpec } = values;
  if (!baseSpec || !headSpec) return usage('check', io, `--base and --head are both required`);
  return runReportCommand('check', io, values, [baseSpec, headSpec], async ({ config, read }) => {
    // Both sides at once (they share git blobs and renders); a failure of the base is the one reported first.
    const [base, head] = await bothSides(read(baseSpec), read(headSpec));
    return { result: analyze(base.files, head.files, config, undefined, {
      trees: { base: base.census, head: head.census }, rendered: { base: base.rendered, head: head.rendered },
    }), shown: shownFrom({ base, head }) };
  });
}

/** Both results once both are settled: never a side still running after the command has failed on the other. */
async function bothSides<T>(base: Promise<T>, head: Promise<T>): Promise<[T, T]> {
  const [b, h] = await Promise.allSettled([base, head]);
  if (b.status === 'rejected') throw b.reason;
  if (h.status === 'rejected') throw h.reason;
  return [b.value, h.value];
}
