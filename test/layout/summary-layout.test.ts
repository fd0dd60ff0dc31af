import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, describeLayout, examplePrs, githubSansFont, measureLayouts, screenshotDir, summaryComment, type Layout } from '../../scripts/layout.js';
import { skipForMissingTool } from '../helpers/required-tool.js';

/**
 * The summary comment of every example PR, as the Action posts it, rendered as GitHub renders it in headless
 * Chromium at the comment column's 900 px (scripts/layout.ts): what a reviewer sees must start with the verdict,
 * fit the column, fold to at most two screens, and draw its diagrams.
 */
const MAX_FOLDED_HEIGHT = 1_600;
const executablePath = chromiumPath();
// Widths are GitHub's only in the fonts its CSS names: measured in a wider fallback, fitting tables would overflow.
const font = githubSansFont();
const examples = examplePrs();

describe.runIf(executablePath && font)('summary comment layout at 900 px (headless Chromium)', () => {
  const layouts = new Map<string, Layout>();
  beforeAll(async () => {
    const comments = [];
    for (const example of examples) comments.push({ name: example.name, markdown: await summaryComment(example) });
    for (const layout of await measureLayouts(comments, { executablePath: executablePath!, screenshots: screenshotDir() })) {
      layouts.set(layout.name, layout);
      console.log(describeLayout(layout));
    }
  }, 300_000);

  it('the measurements see what they assert on: a broken diagram, a wide table, folded details', async () => {
    const wide = `| ${Array.from({ length: 12 }, (_, i) => `column-${i}-with-a-long-header`).join(' | ')} |\n|${' --- |'.repeat(12)}`;
    const tall = Array.from({ length: 80 }, (_, i) => `line ${i}`).join('\n\n');
    const [layout] = await measureLayouts([{ name: 'probe', markdown: [
      '### ❌ Blocks merge', '', wide, '', '```mermaid', 'flowchart LR', '  a -->|x| [b', '```', '',
      '<details><summary>more</summary>', '', tall, '', '</details>', '',
    ].join('\n') }], { executablePath: executablePath! });
    expect(layout.firstBlock).toBe('❌ Blocks merge');
    expect(layout.tableWidths[0]).toBeGreaterThan(layout.columnWidth);
    expect(layout.mermaidErrors).toHaveLength(1);
    expect(layout.openHeight - layout.foldedHeight).toBeGreaterThan(1_000);
  });

  it('renders every example PR', () => {
    expect([...layouts.keys()]).toEqual(examples.map((e) => e.name));
    expect(examples.map((e) => e.name)).toEqual(expect.arrayContaining(['platform', 'ingress-nginx', 'traefik', 'gateway-api', 'kustomize', 'helm']));
  });

  for (const { name } of examples) {
    describe(name, () => {
      it('starts with the verdict: a mark and whether the PR may merge', () => {
        const first = layouts.get(name)!.firstBlock;
        expect(first).toMatch(/✅|❌|⚠️/u);
        expect(first).toMatch(/merge|opening/i);
      });

      it('has no table wider than the column', () => {
        const layout = layouts.get(name)!;
        expect(layout.tableWidths.filter((w) => w > layout.columnWidth), `column ${layout.columnWidth} px`).toEqual([]);
      });

      it(`is at most ${MAX_FOLDED_HEIGHT} px tall with its details folded`, () => {
        expect(layouts.get(name)!.foldedHeight).toBeLessThanOrEqual(MAX_FOLDED_HEIGHT);
      });

      it('draws every Mermaid diagram without an error', () => {
        expect(layouts.get(name)!.mermaidErrors).toEqual([]);
      });
    });
  }
});

describe.skipIf(executablePath)('summary comment layout without a browser', () => {
  it('skipped: chromium not installed', (context) => {
    skipForMissingTool(context, 'chromium', 'apt-get install chromium, or set SEGGUARD_CHROMIUM');
  });
});

describe.skipIf(!executablePath || font)('summary comment layout without GitHub\'s fonts', () => {
  it('skipped: no font with the metrics of Arial or Helvetica', (context) => {
    skipForMissingTool(context, 'fonts-liberation', 'apt-get install fonts-liberation: GitHub\'s font stack falls back to Helvetica or Arial, and without them tables are measured in a wider font');
  });
});
