import type { AnalysisResult } from '../analyze.js';
import type { Finding } from '../findings/finding.js';
import { severityRank, type Severity } from '../findings/severity.js';
import { renderMarkdown } from '../report/markdown.js';

export interface FittedSummary {
  markdown: string;
  /** The findings the markdown lists: the channel a finding reached is only claimed when it is really there. */
  included: Finding[];
}

/** Worst first, suppressed last, so a cut keeps what matters. */
function byImportance(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => Number(!!a.suppressed) - Number(!!b.suppressed) || severityRank(b.severity) - severityRank(a.severity));
}

/**
 * The reporter's Markdown (asked not to cut rows itself, so that what is included is known here) for `result`, made to fit `max` characters: when the full report is too long, the
 * largest set of the most severe findings that fits is rendered (counts stay those of the whole analysis) and a
 * visible note says how many are left out and where they are.
 */
export function fitSummary(result: Pick<AnalysisResult, 'findings' | 'summary'>, failOn: Severity | 'none', max: number,
  frame: { before?: string; after?: string; elsewhere: string }): FittedSummary {
  const render = (findings: Finding[], note = ''): string =>
    `${frame.before ?? ''}${renderMarkdown({ findings, summary: result.summary, failOn }, { maxLength: Number.MAX_SAFE_INTEGER })}${note}${frame.after ?? ''}`;
  const full = render(result.findings);
  if (full.length <= max) return { markdown: full, included: [...result.findings] };
  const ordered = byImportance(result.findings);
  const note = (shown: number) => `\n\n> [!WARNING]\n> Only the ${shown} most severe of ${result.findings.length} findings fit in GitHub's ${max.toLocaleString('en-US')}-character limit; ${frame.elsewhere}\n`;
  const attempt = (n: number) => {
    const kept = new Set(ordered.slice(0, n));
    // Keep the core's order (file, line) for the ones shown.
    const shown = result.findings.filter((f) => kept.has(f));
    return { markdown: render(shown, note(n)), included: shown };
  };
  let lo = 0;
  let hi = ordered.length - 1;
  let best = attempt(0);
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = attempt(mid);
    if (candidate.markdown.length <= max) {
      best = candidate;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
