import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import type { Report, ReportOptions } from './report.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export { failsGate, partition, type Report, type ReportOptions } from './report.js';
export { escapeMarkdown } from './markdown-escape.js';

/** The output formats of `segguard check --format`. */
export const FORMATS = {
  text: (report: Report, options?: ReportOptions) => renderText(report, options),
  json: (report: Report) => renderJson(report),
  markdown: (report: Report) => renderMarkdown(report),
  sarif: (report: Report) => renderSarif(report),
} satisfies Record<string, (report: Report, options?: ReportOptions) => string>;

export type Format = keyof typeof FORMATS;

export function isFormat(value: string): value is Format {
  return Object.hasOwn(FORMATS, value);
}
