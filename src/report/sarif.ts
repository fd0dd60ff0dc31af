import type * as Sarif from 'sarif';
import type { Finding, FindingLocation } from '../findings/finding.js';
import type { Severity } from '../findings/severity.js';
import { RULES } from '../rules/index.js';
import { docsUrlOf, PROJECT_URL } from './links.js';
import { proposalText, suppressionText, TOOL_NAME, TOOL_VERSION, type Report } from './report.js';

/** What the SARIF driver says of a rule (the registry's rules, or any other source of findings). */
export interface RuleInfo {
  id: string;
  severity: Severity;
  description: string;
}

export interface SarifOptions {
  rules?: readonly RuleInfo[];
}

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note',
};

/**
 * GitHub code scanning ranks security alerts by this score: > 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium,
 * 0.1–3.9 low. Info has none, so GitHub shows it by its level (note) rather than as a security alert.
 */
const SECURITY_SEVERITY: Record<Severity, string | undefined> = {
  critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: undefined,
};

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule with its help and docs link, every finding as a result with
 * its lines and a stable partial fingerprint. Suppressed findings stay in the log with an in-source suppression
 * (GitHub shows them as dismissed), and base-side findings (what the PR removed) keep their base file and line.
 */
export function renderSarif(report: Report, options: SarifOptions = {}): string {
  const known = options.rules ?? RULES;
  const rules: RuleInfo[] = [...known];
  for (const f of report.findings) {
    if (!rules.some((r) => r.id === f.ruleId)) rules.push({ id: f.ruleId, severity: f.severity, description: `Findings of ${f.ruleId}.` });
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: TOOL_NAME,
          version: TOOL_VERSION,
          semanticVersion: TOOL_VERSION,
          informationUri: PROJECT_URL,
          rules: rules.map(ruleDescriptor),
        },
      },
      results: report.findings.map((f) => result(f, index.get(f.ruleId) as number)),
      // The summary's warnings (a side that read nothing) as notifications, for a warning no finding carries.
      ...(report.summary.warnings ? {
        invocations: [{
          executionSuccessful: true,
          toolExecutionNotifications: report.summary.warnings.map((text) => ({ level: 'warning' as const, message: { text } })),
        }],
      } : {}),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(rule: RuleInfo): Sarif.ReportingDescriptor {
  const url = docsUrlOf(rule.id);
  const family = rule.id.split('-')[0];
  const securitySeverity = SECURITY_SEVERITY[rule.severity];
  const suppress = `To accept a finding, annotate the resource: segguard.io/ignore: "${rule.id}: <reason>" (it counts once merged, or once approved by suppressions.approvers).`;
  return {
    id: rule.id,
    name: rule.id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(''),
    shortDescription: { text: firstSentence(rule.description) },
    fullDescription: { text: rule.description },
    help: {
      text: `${rule.description}\n\nDefault severity: ${rule.severity}. ${suppress}\nDocumentation: ${url}`,
      markdown: `${rule.description}\n\nDefault severity: **${rule.severity}**. ${suppress}\n\n[Documentation](${url})`,
    },
    helpUri: url,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['security', 'kubernetes', family],
      ...(securitySeverity ? { 'security-severity': securitySeverity } : {}),
    },
  };
}

function result(f: Finding, ruleIndex: number): Sarif.Result {
  const removed = f.location.side === 'base' ? 'In the base (removed by this change): ' : '';
  const proposal = proposalText(f);
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: `${removed}${f.message}${f.details ? `\n\n${f.details}` : ''}${proposal ? `\n\n${proposal}` : ''}` },
    locations: [location(f.location)],
    ...(f.related.length > 0 ? {
      relatedLocations: f.related.map((r, i) => ({ id: i + 1, ...location(r), message: { text: r.side === 'base' ? `${r.message} (base)` : r.message } })),
    } : {}),
    partialFingerprints: { 'segguard/v1': f.fingerprint },
    ...(suppressions(f) ? { suppressions: suppressions(f) } : {}),
    properties: {
      severity: f.severity,
      side: f.location.side,
      ...(f.resource ? { resource: f.resource } : {}),
    },
  };
}

/**
 * A proposed suppression is `underReview` (the result stays open) until approved; a settled or approved one is
 * `accepted`.
 */
function suppressions(f: Finding): Sarif.Suppression[] | undefined {
  if (f.proposedSuppression) {
    return [{ kind: 'inSource', status: f.suppressed ? 'accepted' : 'underReview', justification: f.suppressed ? suppressionText(f) : f.proposedSuppression.reason,
      location: location(f.proposedSuppression.location) }];
  }
  return f.suppressed ? [{ kind: 'inSource', status: 'accepted', justification: f.suppressed.reason }] : undefined;
}

function location(at: FindingLocation): Sarif.Location {
  const startLine = Math.max(1, at.line);
  return {
    physicalLocation: {
      artifactLocation: { uri: at.path.split('/').map(encodeURIComponent).join('/') },
      region: { startLine, endLine: Math.max(startLine, at.endLine) },
    },
  };
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1);
}
