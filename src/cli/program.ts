import { main } from './main.js';

// The program: dist/cli.js (bin/segguard.js imports it) runs this on load; main.ts stays importable by scripts.
// A reader that stops early (`segguard check ... | head`) closes the pipe: stop quietly, keeping the exit code.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: process.stdout.isTTY === true,
});
