import * as core from '@actions/core';
import { context } from '@actions/github';
import { runAction } from './run.js';

// dist/index.js: what action.yml runs. Any error that is not a finding fails the step with its message.
try {
  await runAction(context);
} catch (error) {
  core.setFailed(`segguard: ${error instanceof Error ? error.message : String(error)}`);
}
