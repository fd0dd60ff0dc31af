import { describe, expect, it } from 'vitest';
import { parseMatch, toDnf, type Conjunct } from '../../../src/model/traefik.js';
import { conjunctCovers, decidable, isTrivial } from '../../../src/rules/traefik/match.js';

const one = (rule: string): Conjunct => {
  const dnf = toDnf(parseMatch(rule))!;
  expect(dnf).toHaveLength(1);
  return dnf[0];
};
const covers = (outer: string, inner: string) => conjunctCovers(one(outer), one(inner));

describe('Traefik rule coverage', () => {
  it('treats PathPrefix as a plain string prefix', () => {
    expect(covers('PathPrefix(`/api`)', 'PathPrefix(`/api/v1`)')).toBe(true);
    expect(covers('PathPrefix(`/api`)', 'PathPrefix(`/apix`)')).toBe(true);
    expect(covers('PathPrefix(`/api/`)', 'PathPrefix(`/api`)')).toBe(false);
    expect(covers('PathPrefix(`/api`)', 'Path(`/api/x`)')).toBe(true);
    expect(covers('Path(`/api`)', 'PathPrefix(`/api`)')).toBe(false);
  });

  it('matches host wildcards one label deep, case-insensitively', () => {
    expect(covers('Host(`*.example.com`)', 'Host(`A.example.com`)')).toBe(true);
    expect(covers('Host(`*.example.com`)', 'Host(`a.b.example.com`)')).toBe(false);
    expect(covers('Host(`SHOP.example.com`)', 'Host(`shop.example.com`)')).toBe(true);
  });

  it('treats Host(`*`), PathPrefix(`/`) and .* regexps as matching everything', () => {
    expect(isTrivial(one('Host(`*`)')[0])).toBe(true);
    expect(isTrivial(one('HostRegexp(`.+`)')[0])).toBe(true);
    expect(isTrivial(one('HostRegexp(`{any:.*}`)')[0])).toBe(true);
    expect(isTrivial(one('HostRegexp(`^a.*$`)')[0])).toBe(false);
    expect(covers('Host(`*`) && PathPrefix(`/`)', 'Host(`a`) && Method(`GET`)')).toBe(true);
  });

  it('needs every outer condition implied by the inner ones', () => {
    expect(covers('Host(`a`)', 'Host(`a`) && PathPrefix(`/x`)')).toBe(true);
    expect(covers('Host(`a`) && PathPrefix(`/x`)', 'Host(`a`)')).toBe(false);
    expect(covers('Method(`get`)', 'Method(`GET`)')).toBe(true);
    expect(covers('ClientIP(`10.0.0.0/8`)', 'ClientIP(`10.1.0.0/16`)')).toBe(true);
    expect(covers('ClientIP(`10.1.0.0/16`)', 'ClientIP(`10.0.0.0/8`)')).toBe(false);
  });

  it('reverses coverage under negation', () => {
    expect(covers('!PathPrefix(`/admin/keys`)', '!PathPrefix(`/admin`)')).toBe(true);
    expect(covers('!PathPrefix(`/admin`)', '!PathPrefix(`/admin/keys`)')).toBe(false);
    expect(covers('!Host(`a`)', 'Host(`b`)')).toBe(false);
  });

  it('compares regexps only as text', () => {
    expect(covers('PathRegexp(`^/a`)', 'PathRegexp(`^/a`)')).toBe(true);
    expect(covers('PathRegexp(`^/a`)', 'Path(`/a`)')).toBe(false);
    expect(decidable(one('PathRegexp(`^/a`)'))).toBe(false);
    expect(decidable(one('Host(`a`) && PathRegexp(`.*`)'))).toBe(true);
  });
});
