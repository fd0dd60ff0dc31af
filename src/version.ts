/**
 * The release version. Kept here rather than imported from package.json so that the bundles in dist/ do not
 * embed (and go stale with) every edit to package.json; test/version.test.ts keeps the two equal.
 */
export const VERSION = '0.1.0';
