import { describe, expect, it } from 'vitest';
import { lineUrl, projectUrlOf, PROJECT_URL, repositoryUrl, serverUrl } from '../../src/report/links.js';
import { locationLink } from '../../src/report/location.js';
import packageJson from '../../package.json' with { type: 'json' };

const links = { repository: 'https://github.com/acme/platform', head: 'a'.repeat(40), base: 'b'.repeat(40) };

describe('links to the lines of the analyzed commits', () => {
  it('links a head place to the head commit and a base place to the base commit', () => {
    expect(lineUrl(links, { path: 'admin/network-policies.yaml', line: 23, side: 'head' })).toBe(`https://github.com/acme/platform/blob/${'a'.repeat(40)}/admin/network-policies.yaml#L23`);
    expect(lineUrl(links, { path: 'payments/default-deny.yaml', line: 2, side: 'base' })).toBe(`https://github.com/acme/platform/blob/${'b'.repeat(40)}/payments/default-deny.yaml#L2`);
  });

  it('encodes what would end the Markdown link or the URL, and links a whole file without a line', () => {
    expect(lineUrl(links, { path: 'a b/(x)#.yaml', line: 0, side: 'head' })).toBe(`https://github.com/acme/platform/blob/${'a'.repeat(40)}/a%20b/%28x%29%23.yaml`);
  });

  it('shows the same short text, linked when the commit is known and plain otherwise', () => {
    expect(locationLink({ path: 'shop/ingress.yaml', line: 15, side: 'head' }, links)).toBe(`[shop/ingress\\.yaml&#58;15](https://github.com/acme/platform/blob/${'a'.repeat(40)}/shop/ingress.yaml#L15)`);
    expect(locationLink({ path: 'shop/ingress.yaml', line: 15, side: 'head' }, undefined)).toBe('shop/ingress\\.yaml&#58;15');
    expect(locationLink({ path: 'shop/ingress.yaml', line: 15, side: 'base' }, { repository: links.repository, head: links.head })).toBe('shop/ingress\\.yaml&#58;15 (base)');
  });

  it("takes segguard's repository from package.json", () => {
    expect(projectUrlOf({ url: 'git+https://github.com/segguard/segguard.git' })).toBe('https://github.com/segguard/segguard');
    expect(PROJECT_URL).toBe(projectUrlOf(packageJson.repository));
  });
});

describe('the GitHub the lines live on', () => {
  it('is the runner\'s server, the App\'s GitHub Enterprise Server, else github.com', () => {
    expect(serverUrl({ GITHUB_SERVER_URL: 'https://ghes.example.com/' })).toBe('https://ghes.example.com');
    expect(serverUrl({ GHE_HOST: 'git.corp.example', GHE_PROTOCOL: 'http' })).toBe('http://git.corp.example');
    expect(serverUrl({ GHE_HOST: 'git.corp.example' })).toBe('https://git.corp.example');
    expect(serverUrl({})).toBe('https://github.com');
    expect(repositoryUrl('org', 'repo', serverUrl({ GHE_HOST: 'git.corp.example' }))).toBe('https://git.corp.example/org/repo');
  });
});
