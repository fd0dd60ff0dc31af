import { describe, expect, it } from 'vitest';
import { readSuppressionApproval } from '../../src/github/approvals.js';
import { gitHubMockPerTest, testClient } from './helpers/github-mock.js';

const R = '/repos/acme/infra';
const HEAD = 'h'.repeat(40);
const OLD = 'o'.repeat(40);
const target = { owner: 'acme', repo: 'infra', pullNumber: 7, baseSha: 'b'.repeat(40), headSha: HEAD };
const review = (login: string, state: string, commitId = HEAD) => ({ id: 1, user: { login }, state, commit_id: commitId });

const github = gitHubMockPerTest();

const approvalWith = (reviews: unknown[], approvers = ['Alice']) => {
  github().on('GET', `${R}/pulls/7/reviews?per_page=100&page=1`, { body: reviews });
  return readSuppressionApproval(testClient(), target, approvers);
};

describe('readSuppressionApproval', () => {
  it('a comment after an approval leaves it standing; logins compare case-insensitively', async () => {
    expect(await approvalWith([review('alice', 'APPROVED'), review('alice', 'COMMENTED'), review('alice', 'PENDING')])).toEqual({ state: 'approved', by: ['alice'] });
  });

  it('an approval of an older commit does not count, a new approval of the head does', async () => {
    expect(await approvalWith([review('alice', 'APPROVED', OLD)])).toEqual({ state: 'not-approved' });
    expect(await approvalWith([review('alice', 'APPROVED', OLD), review('alice', 'APPROVED')])).toEqual({ state: 'approved', by: ['alice'] });
  });

  it('a later dismissal or "changes requested" cancels; a deleted user (null) is ignored', async () => {
    expect(await approvalWith([review('alice', 'APPROVED'), review('alice', 'DISMISSED')])).toEqual({ state: 'not-approved' });
    expect(await approvalWith([review('alice', 'APPROVED'), review('alice', 'CHANGES_REQUESTED', OLD)])).toEqual({ state: 'not-approved' });
    expect(await approvalWith([{ id: 2, user: null, state: 'APPROVED', commit_id: HEAD }])).toEqual({ state: 'not-approved' });
  });

  it('an inactive (pending) team membership does not count', async () => {
    github().on('GET', '/orgs/acme/teams/sec/memberships/dave', { body: { state: 'pending', role: 'member', url: 'https://api.github.com/x' } });
    expect(await approvalWith([review('dave', 'APPROVED')], ['acme/sec'])).toEqual({ state: 'not-approved' });
  });
});
