import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { causeOf } from '../../src/findings/causes.js';
import { describe, expect, it } from 'vitest';
import { checkTitle, gateConclusion } from '../../src/github/deliver.js';
import { reviewCommentBody } from '../../src/github/review.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { HOSTILE, proposedFinding, sampleFindings, sampleReport } from './sample.js';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

const WOULD_SILENCE = 'would silence: netpol-ipblock-widened on NetworkPolicy shop/web';

describe('a proposed suppression in every output', () => {
  const report = sampleReport([sampleFindings()[0], proposedFinding()]);

  it('counts it apart in the summary line, and the finding still fails the gate', () => {
    expect(report.summary).toMatchObject({ suppressed: 0, proposed: 1 });
    expect(renderText(report)).toContain('2 findings (1 critical, 1 high), 0 suppressed, 1 with a proposed suppression; fails the gate (fail-on: high)');
    expect(gateConclusion(report.findings, 'high')).toBe('failure');
    expect(checkTitle(report)).toBe('❌ Blocks merge: 1 critical new opening, 1 high not fully analyzed (gate: high); 1 with a proposed suppression, counted until approved');
  });

  it('text: a line under the finding says where it is and what it would silence', () => {
    const text = renderText(report);
    expect(text).toMatch(/head\/shop\/web\.yaml:13 critical netpol-ipblock-widened .*\n {4}proposed suppression: segguard\.io\/ignore "fine evil\|name .*" at head\/shop\/web\.yaml:7 would silence: netpol-ipblock-widened on NetworkPolicy shop\/web \(added or changed by this change: it counts until merged or approved\)\n/);
    expect(text).not.toContain('\nnext line');
  });

  it('json: the finding is among those the gate judges and carries the proposal', () => {
    const out = JSON.parse(renderJson(report));
    expect(out.findings[1].proposedSuppression).toEqual(proposedFinding().proposedSuppression);
    expect(out.suppressed).toEqual([]);
    expect(out.summary).toMatchObject({ proposed: 1, failed: true });
  });

  it('markdown: a section of its own, escaped, naming the finding it would silence', () => {
    const markdown = renderMarkdown(report);
    expect(markdown.split('\n')[0]).toBe('### ❌ Blocks merge: 1 critical new opening, 1 high not fully analyzed (gate: high); 1 with a proposed suppression, counted until approved');
    const section = markdown.slice(markdown.indexOf('#### Proposed suppressions (not applied)'), markdown.indexOf('<details>'));
    expect(section).toContain(`- **critical** proposed suppression: segguard.io/ignore "fine evil`);
    expect(section).toContain(`${WOULD_SILENCE} (added or changed by this change: it counts until merged or approved) · head/shop/web\\.yaml&#58;7`);
    // The findings table marks it too.
    expect(markdown).toContain('| critical (suppression proposed) | [netpol\\-ipblock\\-widened](');
    expect(section).toContain('proposed suppression: segguard.io/ignore "fine evil\\|name \\`code\\` &lt;script&gt;');
    expect(markdown).not.toContain(HOSTILE);
    expect(markdown).not.toContain('<script>');
  });

  it('sarif: an in-source suppression under review (the result stays open), with the annotation as its location', () => {
    const log = JSON.parse(renderSarif(report)) as Sarif.Log;
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const result = log.runs[0].results?.[1];
    expect(result?.suppressions).toEqual([{
      kind: 'inSource', status: 'underReview', justification: proposedFinding().proposedSuppression?.reason,
      location: { physicalLocation: { artifactLocation: { uri: 'head/shop/web.yaml' }, region: { startLine: 7, endLine: 7 } } },
    }]);
    expect(result?.message.text).toContain(WOULD_SILENCE);
  });

  it('review comment: a warning before the message, escaped', () => {
    const body = reviewCommentBody(causeOf([proposedFinding()]));
    expect(body.startsWith('> [!WARNING]\n> proposed suppression: segguard.io/ignore "fine evil\\|name'), body).toBe(true);
    expect(body).toContain(WOULD_SILENCE);
    expect(body).not.toContain('<script>');
  });
});

describe('an approved proposed suppression', () => {
  const report = sampleReport([sampleFindings()[0], proposedFinding(['alice', 'bob (acme/security)'])]);

  it('is suppressed, says who approved it, and no longer counts', () => {
    expect(report.summary).toMatchObject({ suppressed: 1, proposed: 0 });
    const text = renderText(report);
    expect(text).toContain('suppressed: fine evil|name');
    expect(text).toContain('(approved by alice, bob (acme/security))');
    expect(text).toContain('1 finding (1 high), 1 suppressed; fails the gate');
    expect(renderMarkdown(report)).toContain('approved by alice, bob \\(acme/security\\)');
    expect(renderMarkdown(report)).not.toContain('#### Proposed suppressions');
    const log = JSON.parse(renderSarif(report)) as Sarif.Log;
    expect(log.runs[0].results?.[1].suppressions?.[0]).toMatchObject({ status: 'accepted', justification: expect.stringContaining('(approved by alice, bob (acme/security))') });
  });
});
