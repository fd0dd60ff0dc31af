// Regenerates the README sections that come from code (`npm run readme`): the rule table, and the real output
// of the demo, `connlist`, `conndiff`, `exposure` and `audit` on examples/. test/readme.test.ts fails when the rule table is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { replaceSection, rulesTable } from '../src/docs/readme-sections.js';

const root = join(import.meta.dirname, '..');
process.chdir(root);

async function capture(argv: string[]): Promise<string> {
  let out = '';
  await main(argv, { stdout: (s) => { out += s; }, stderr: (s) => process.stderr.write(s) });
  return out.trimEnd();
}

const file = join(root, 'README.md');
let text = readFileSync(file, 'utf8');
text = replaceSection(text, 'rules', rulesTable());
text = replaceSection(text, 'demo-output', await capture(['check', '--base', 'examples/base', '--head', 'examples/head', '--config', 'examples/segguard.yml', '--format', 'markdown', '--fail-on', 'none']));
text = replaceSection(text, 'connlist-output', ['```text', await capture(['connlist', 'examples/head']), '```'].join('\n'));
text = replaceSection(text, 'conndiff-output', ['```text', await capture(['conndiff', 'examples/base', 'examples/head']), '```'].join('\n'));
text = replaceSection(text, 'exposure-output', ['```text', await capture(['exposure', 'examples/head']), '```'].join('\n'));
text = replaceSection(text, 'audit-output', ['```text', await capture(['audit', 'examples/head', '--config', 'examples/segguard.yml']), '```'].join('\n'));
writeFileSync(file, text);
console.log('wrote README.md');
