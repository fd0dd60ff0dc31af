import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { cells } from '../github/helpers/markdown.js';

/**
 * The summary of every example PR (examples/, as `segguard check --format markdown` prints it), judged as a
 * reviewer reads it at GitHub's comment width. Pixels are the browser test's business; here, what decides them:
 * the verdict first, how much comes before the first fold, and how wide each table's widest unbreakable words are.
 */
const EXAMPLES = ['', 'ingress-nginx', 'traefik', 'gateway-api'];
const root = join(import.meta.dirname, '..', '..', 'examples');

async function summary(example: string): Promise<string> {
  const dir = join(root, example);
  const [base, head] = example === '' ? [join(root, 'base'), join(root, 'head')] : [join(dir, 'base'), join(dir, 'head')];
  let out = '';
  await main(['check', '--base', base, '--head', head, '--config', join(dir, 'segguard.yml'), '--format', 'markdown'],
    { stdout: (s) => { out += s; }, stderr: () => {} });
  return out;
}

/** What a cell shows: link text without its URL, escapes and entities resolved. */
function shown(cell: string): string {
  return cell.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/&#8203;/g, ' ').replace(/&#58;/g, ':').replace(/&(lt|gt|amp);/g, 'x')
    .replace(/\\(.)/g, '$1').replace(/\*\*/g, '');
}

/** The longest run a browser cannot break (Unicode line breaking): between spaces, line breaks, and after a hyphen or slash before a letter. */
function longestWord(cell: string): number {
  return Math.max(0, ...shown(cell).split(/<br>|\s+|(?<=[-/])(?=[A-Za-z])/).map((w) => w.length));
}

/** GitHub's 14 px font: about 8 px a character at most for these texts, 13 px padding each side and a border. */
const minWidth = (columns: number[]) => columns.reduce((sum, chars) => sum + chars * 8 + 27, 0);

describe.each(EXAMPLES)('the summary of the example PR %s', (example) => {
  it('starts with the verdict, keeps about one screen before the first fold, and has tables that fit 850 px', async () => {
    const markdown = await summary(example || '.');
    const lines = markdown.split('\n');
    expect(lines[0]).toMatch(/^### (❌ Blocks merge|✅ |⚠️ )/);
    // Before the first <details>: the verdict, the sentences (at most 8 and a count) and the proposed suppressions.
    const open = lines.slice(0, Math.max(0, lines.findIndex((l) => l.startsWith('<details>'))));
    expect(open.filter((l) => l.startsWith('- ')).length).toBeLessThanOrEqual(9);
    expect(open.join('\n').replace(/\]\([^)]*\)/g, ']').length).toBeLessThan(4_000);
    // No table before the fold, and no table wider than GitHub's column.
    expect(open.some((l) => l.startsWith('|'))).toBe(false);
    const tables: string[][] = [];
    for (const line of lines) {
      if (!line.startsWith('|')) continue;
      if (tables.length === 0 || !lines[lines.indexOf(line) - 1]?.startsWith('|')) tables.push([]);
      tables.at(-1)!.push(line);
    }
    for (const table of tables) {
      const rows = table.filter((_, i) => i !== 1).map(cells);
      expect(rows[0].length).toBeLessThanOrEqual(5);
      const columns = rows[0].map((_, c) => Math.max(...rows.map((r) => longestWord(r[c] ?? ''))));
      expect(minWidth(columns), `${table[0]}: ${columns.join(', ')}`).toBeLessThanOrEqual(850);
    }
  });
});

describe('the summary of examples/: one entry per change', () => {
  it('reports the widened ipBlock once, as a sentence naming both rules, the CIDRs and the port, at its line', async () => {
    const markdown = await summary('.');
    const entries = markdown.split('\n').filter((l) => l.startsWith('- ') && l.includes('admin/allow\\-office'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toContain('the internet (0\\.0\\.0\\.0/0 except 198\\.51\\.100\\.0/24) → admin/console\\[Deployment\\] on TCP 8443');
    expect(entries[0]).toContain(' · admin/network\\-policies\\.yaml&#58;23 · [netpol\\-ipblock\\-widened](');
    expect(entries[0]).toContain('), [connectivity\\-added](');
    // The findings table has one row for it, naming both rules; the diagram one node for the internet.
    expect(markdown.split('\n').filter((l) => l.startsWith('| critical | [netpol\\-ipblock\\-widened]'))).toHaveLength(1);
    expect(markdown).toContain('(["0.0.0.0/0 except 198.51.100.0/24"])');
    expect(markdown).not.toContain('[External]');
    expect(markdown).not.toContain('examples/head/');
  });
});
