import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';

/**
 * The README sections generated from code (`npm run readme`), between `<!-- NAME:start -->` and
 * `<!-- NAME:end -->` markers, so the rule table never drifts from the registry (test/readme.test.ts).
 */
export function rulesTable(rules: readonly Rule[] = RULES): string {
  const rows = rules.map((rule) => {
    const modes = (rule.modes ?? ['pr']).join(', ');
    return `| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.severity} | ${modes} | ${rule.description.replace(/\|/g, '\\|')} |`;
  });
  return ['| rule | default severity | runs in | what it reports |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function replaceSection(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README has no ${start} … ${end} section`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}
