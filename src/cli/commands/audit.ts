import { parseArgs } from 'node:util';
import { audit } from '../../analyze.js';
import { EXIT, type CommandIo } from '../io.js';
import { REPORT_OPTIONS, REPORT_OPTIONS_HELP, runReportCommand, shownFrom, usage } from '../report-command.js';

export const summary = 'report the segmentation state of one tree: open entry points, missing default denies, unisolated workloads';

export const HELP = `usage: segguard audit <dir|git-ref> [options]

Reports the state of one tree of Kubernetes manifests rather than a change: entry points that match every
path or every host, namespaces without a default deny, workloads no NetworkPolicy isolates, and the rules
that make sense on one state (e.g. ingress-nginx snippets). The Action runs the same audit on push,
schedule and workflow_dispatch.

  <dir|git-ref>          the tree to audit: a directory, or a git ref of --repo (e.g. HEAD, origin/main)
${REPORT_OPTIONS_HELP}`;

/** `segguard audit <dir|git-ref>`: the audit rules on one tree, with check's formats, gate and exit codes. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: true, options: REPORT_OPTIONS });
  } catch (error) {
    return usage('audit', io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) return usage('audit', io, `one tree to audit is required (a directory or a git ref), got ${positionals.length}`);
  return runReportCommand('audit', io, values, positionals, async ({ config, read }) => {
    const head = await read(positionals[0]);
    return { result: audit(head.files, config, head.census, head.rendered), shown: shownFrom({ head }) };
  });
}
