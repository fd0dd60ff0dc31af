// A worker thread of the App's analysis pool (src/app/analysis-pool.ts): analyzes what the queue's job read, so
// that the web tier's event loop keeps answering webhooks while a large pull request is analyzed.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { analyzePullRequest, type AnalysisInput } from './analysis.js';

// Below the event loop's priority, so that a saturated machine still answers webhooks at once. On Linux this
// lowers only this thread (setpriority applies to the calling thread); where it is refused, the thread runs as is.
try {
  setPriority(10);
} catch {
  // Not permitted here (some containers): same priority as the event loop.
}

parentPort!.on('message', ({ id, input }: { id: number; input: AnalysisInput }) => {
  try {
    parentPort!.postMessage({ id, output: analyzePullRequest(input) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
