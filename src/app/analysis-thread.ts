// A worker thread of the App's analysis pool (src/app/analysis-pool.ts): analyzes what the queue's job read, so
// that the web tier's event loop keeps answering webhooks while a large pull request is analyzed.
import { parentPort } from 'node:worker_threads';
import { analyzePullRequest, type AnalysisInput } from './analysis.js';

parentPort!.on('message', ({ id, input }: { id: number; input: AnalysisInput }) => {
  try {
    parentPort!.postMessage({ id, output: analyzePullRequest(input) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
