// The summary comment of every example PR, rendered as GitHub renders it (GFM via marked, GitHub's Markdown CSS,
// Mermaid diagrams) in headless Chromium at the width of GitHub's comment column, and measured: the first block
// of text, the widest table against its column, the page height with every <details> folded, Mermaid errors.
// `npm run layout` prints the measurements and saves a screenshot per example (SEGGUARD_LAYOUT_DIR, default a
// temporary directory); `npm run layout -- --docs` also refreshes the README's screenshot in docs/.
// test/layout/summary-layout.test.ts asserts on the same measurements.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Marked } from 'marked';
import { chromium } from 'playwright-core';
import { analyze, type AnalysisResult } from '../src/analyze.js';
import type { SegguardConfig } from '../src/config/config.js';
import { prepareRun } from '../src/cli/report-command.js';
import { deliverToPullRequest } from '../src/github/deliver.js';
import type { GitHubClient } from '../src/github/octokit.js';
import type { Side } from '../src/sources/index.js';
// @ts-expect-error -- a plain .mjs script shared with `npm run tools`; it exports one function returning a string.
import { ensureRenderTools } from './render-tools.mjs';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** GitHub's comment column on a pull request's conversation page. */
export const COLUMN_WIDTH = 900;

const README_SCREENSHOT_HEIGHT = 1_100;

/** An example PR of examples/: its two trees and its configuration. */
export interface ExamplePr {
  name: string;
  base: string;
  head: string;
  config: string;
}

/** The platform PR at the top of examples/, then every example directory with a base/ and a head/. */
export function examplePrs(): ExamplePr[] {
  const examples = join(root, 'examples');
  const at = (name: string, dir: string) => ({ name, base: join(dir, 'base'), head: join(dir, 'head'), config: join(dir, 'segguard.yml') });
  const nested = readdirSync(examples, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(examples, e.name, 'base')) && existsSync(join(examples, e.name, 'head')))
    .map((e) => at(e.name, join(examples, e.name)));
  return [at('platform', examples), ...nested.sort((a, b) => a.name.localeCompare(b.name))];
}

/** An example PR analyzed as `segguard check` analyzes it: its configuration, the real kubectl and helm for its renders. */
export async function analyzeExample(example: ExamplePr): Promise<{ result: AnalysisResult; config: SegguardConfig; head: Side }> {
  const tools = (ensureRenderTools as () => string)();
  if (!(process.env.PATH ?? '').split(delimiter).includes(tools)) process.env.PATH = `${tools}${delimiter}${process.env.PATH ?? ''}`;
  const run = await prepareRun({ config: example.config }, [example.base, example.head]);
  const base = await run.read(example.base);
  const head = await run.read(example.head);
  const result = analyze(base.files, head.files, run.config, undefined, {
    trees: { base: base.census, head: head.census }, rendered: { base: base.rendered, head: head.rendered },
  });
  return { result, config: run.config, head };
}

/**
 * The summary comment the Action posts for an example PR: the trees read and rendered as `segguard check` reads
 * them (the example's configuration, the real kubectl and helm), then delivered by the Action's own
 * deliverToPullRequest to a stand-in for GitHub that keeps the comment's body.
 */
export async function summaryComment(example: ExamplePr): Promise<string> {
  const { result, config } = await analyzeExample(example);
  const comments: string[] = [];
  const client = {
    request: async (route: string, params: { body?: string }) => {
      if (route === 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments' && params.body) comments.push(params.body);
      // Lists are empty (no earlier comment); anything created gets an id.
      return { status: 200, headers: {}, data: route.startsWith('GET ') ? [] : { id: 1 } };
    },
    graphql: async () => ({}),
  } as unknown as GitHubClient;
  await deliverToPullRequest(client, { owner: 'acme', repo: 'platform', pullNumber: 1, headSha: '0'.repeat(40), baseSha: '1'.repeat(40) }, result,
    { failOn: config.failOn, comment: 'summary', annotations: true });
  if (comments.length !== 1) throw new Error(`${example.name}: the delivery posted ${comments.length} summary comments, not 1`);
  return comments[0];
}

/** What a reviewer sees of one summary comment. */
export interface Layout {
  name: string;
  /** The text of the comment's first block (heading or paragraph). */
  firstBlock: string;
  /** The width of the column the tables have (the Markdown body's content box). */
  columnWidth: number;
  /** Every table's full width (its scrollWidth), widest first. */
  tableWidths: number[];
  /** The height of the comment with every <details> closed. */
  foldedHeight: number;
  /** The height with every <details> open. */
  openHeight: number;
  /** Mermaid parse or render errors, one per failing diagram. */
  mermaidErrors: string[];
  /** The screenshot of the folded comment. */
  screenshot?: string;
}

/** The Chromium to drive: SEGGUARD_CHROMIUM, else Debian's; undefined when neither is installed. */
export function chromiumPath(): string | undefined {
  const path = process.env.SEGGUARD_CHROMIUM ?? '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

/** Families with Helvetica's and Arial's metrics, the fonts GitHub's Markdown CSS falls back to before `sans-serif`. */
const GITHUB_SANS_FAMILIES = new Set(['Arial', 'Arimo', 'Helvetica', 'Liberation Sans', 'Nimbus Sans', 'Nimbus Sans L']);

/**
 * The font the measured page's text gets where GitHub's font stack (`… Helvetica, Arial, sans-serif`) reaches Linux:
 * without Arial, Helvetica or a font of their metrics, Chromium takes DejaVu Sans, about a tenth wider, and a table that
 * fits GitHub's column measures wider than it. Undefined when fontconfig offers none (Debian: `fonts-liberation`).
 */
export function githubSansFont(): string | undefined {
  try {
    const family = execFileSync('fc-match', ['-f', '%{family[0]}', 'Arial'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return GITHUB_SANS_FAMILIES.has(family) ? family : undefined;
  } catch {
    return undefined;
  }
}

/** Where the screenshots go: SEGGUARD_LAYOUT_DIR (CI keeps it as an artifact), else a new temporary directory. */
export function screenshotDir(): string {
  const dir = process.env.SEGGUARD_LAYOUT_DIR ?? mkdtempSync(join(tmpdir(), 'segguard-layout-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** GFM as GitHub reads it, with ```mermaid blocks handed to Mermaid as GitHub does. */
function toHtml(markdown: string): string {
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      code({ text, lang }) {
        return lang === 'mermaid' ? `<pre class="mermaid">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</pre>\n` : false;
      },
    },
  });
  return marked.parse(markdown, { async: false });
}

function page(markdown: string): string {
  const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style>
<style>body { margin: 0; } .markdown-body { box-sizing: border-box; width: ${COLUMN_WIDTH}px; padding: 16px; }</style></head>
<body><article class="markdown-body">${toHtml(markdown)}</article></body></html>`;
}

/**
 * Renders each comment in one headless Chromium and measures it. Screenshots (folded) go to `screenshots` when
 * given: the whole comment, or its first `screenshotHeight` pixels.
 */
export async function measureLayouts(comments: { name: string; markdown: string }[],
  options: { executablePath: string; screenshots?: string; screenshotHeight?: number }): Promise<Layout[]> {
  const browser = await chromium.launch({
    executablePath: options.executablePath, headless: true,
    // Chromium's sandbox refuses to start as root (CI containers).
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  try {
    const layouts: Layout[] = [];
    for (const { name, markdown } of comments) {
      const tab = await browser.newPage({ viewport: { width: COLUMN_WIDTH, height: 800 } });
      await tab.setContent(page(markdown));
      await tab.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
      await tab.addScriptTag({ path: join(import.meta.dirname, 'layout-page.js') });
      const measured = await tab.evaluate('window.measureSummary()') as Omit<Layout, 'name' | 'screenshot'>;
      const screenshot = options.screenshots ? join(options.screenshots, `${name}.png`) : undefined;
      const height = Math.min(Math.ceil(measured.foldedHeight), options.screenshotHeight ?? Number.MAX_SAFE_INTEGER);
      if (screenshot) await tab.screenshot({ path: screenshot, clip: { x: 0, y: 0, width: COLUMN_WIDTH, height } });
      layouts.push({ name, ...measured, ...(screenshot ? { screenshot } : {}) });
      await tab.close();
    }
    return layouts;
  } finally {
    await browser.close();
  }
}

/** One line per example: what the test asserts, measured. */
export function describeLayout(l: Layout): string {
  const widest = l.tableWidths[0];
  return `${l.name}: first block "${l.firstBlock.slice(0, 100)}"; widest table ${widest ?? '-'} px of ${l.columnWidth} px` +
    ` (${l.tableWidths.length} tables); height ${Math.round(l.foldedHeight)} px folded, ${Math.round(l.openHeight)} px open;` +
    ` Mermaid errors: ${l.mermaidErrors.length}${l.screenshot ? `; ${l.screenshot}` : ''}`;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const executablePath = chromiumPath();
  if (!executablePath) {
    console.error('layout: chromium is not installed (apt-get install chromium, or set SEGGUARD_CHROMIUM)');
    process.exit(2);
  }
  if (!githubSansFont()) {
    console.error('layout: no font with the metrics of Arial or Helvetica, which GitHub\'s font stack falls back to on Linux; ' +
      'tables would be measured in a wider one (apt-get install fonts-liberation)');
    process.exit(2);
  }
  const examples = examplePrs();
  const comments = [];
  for (const example of examples) comments.push({ name: example.name, markdown: await summaryComment(example) });
  const screenshots = screenshotDir();
  const layouts = await measureLayouts(comments, { executablePath, screenshots });
  for (const layout of layouts) console.log(describeLayout(layout));
  if (process.argv.includes('--docs')) {
    // The README shows the first screen of the platform example's comment.
    const [platform] = await measureLayouts(comments.slice(0, 1), { executablePath, screenshots: screenshotDir(), screenshotHeight: README_SCREENSHOT_HEIGHT });
    copyFileSync(platform.screenshot!, join(root, 'docs', 'summary-comment.png'));
    console.log('docs: docs/summary-comment.png');
  }
}
