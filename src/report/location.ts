import type { FindingLocation } from '../findings/finding.js';
import { lineUrl, type SourceLinks } from './links.js';
import { escapeCell } from './markdown-escape.js';

/**
 * A location in Markdown: `path:line`, the same short text everywhere, linked to the line at its side's commit when
 * the report knows it (plain text otherwise); a base-side place says so, as it is no longer in the head.
 */
export function locationLink(location: Pick<FindingLocation, 'path' | 'line' | 'side'>, links: SourceLinks | undefined): string {
  const text = escapeCell(`${location.path}:${location.line}`);
  const url = lineUrl(links, location);
  const side = location.side === 'base' ? ' (base)' : '';
  return `${url ? `[${text}](${url})` : text}${side}`;
}
