import type { TestContext } from 'vitest';

/**
 * SEGGUARD_NO_SKIP=1 (.ci/run sets it): a test that needs a tool the machine lacks fails instead of skipping, so
 * CI never passes on a check that did not run. Elsewhere the test is skipped and says why.
 */
export function skipForMissingTool(context: TestContext, tool: string, install: string): void {
  const reason = `${tool} not installed (${install})`;
  if (process.env.SEGGUARD_NO_SKIP) throw new Error(`${reason}, and SEGGUARD_NO_SKIP forbids skipping`);
  context.skip(reason);
}
