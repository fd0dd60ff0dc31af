import { VERSION } from '../version.js';
import * as audit from './commands/audit.js';
import * as check from './commands/check.js';
import * as conndiff from './commands/conndiff.js';
import * as connlist from './commands/connlist.js';
import * as exposure from './commands/exposure.js';
import { EXIT, type CommandIo, type RunCommand } from './io.js';

/** Every subcommand: `segguard <name> ...` runs `run(rest of the arguments)`. */
const COMMANDS: Record<string, { summary: string; run: RunCommand }> = {
  check: { summary: check.summary, run: check.run },
  audit: { summary: audit.summary, run: audit.run },
  exposure: { summary: exposure.summary, run: exposure.run },
  connlist: { summary: 'every allowed connection between the workloads of a directory (np-guard format)', run: connlist.run },
  conndiff: { summary: 'the connections added, removed or changed between two directories (np-guard format)', run: conndiff.run },
};

const HELP = `segguard ${VERSION}: finds the network-segmentation regressions a change introduces in
Kubernetes NetworkPolicies and Ingresses.

usage: segguard <command> [options]

commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`).join('\n')}

  segguard <command> --help   options of a command
  segguard --version          the version

example: segguard check --base origin/main --head HEAD
`;

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(HELP);
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`segguard: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')}; see segguard --help)\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // A bug, not a finding: say so loudly and never let it look like a passing check.
    io.stderr(`segguard ${name}: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.usage;
  }
}
