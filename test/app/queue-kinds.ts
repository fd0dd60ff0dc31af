import type { TestContext } from 'vitest';
import type { JobQueue } from '../../src/app/queue/queue.js';
import { skipForMissingTool } from '../helpers/required-tool.js';
import { REDIS_SERVER } from './app-cluster.js';

export type QueueKind = 'in-process' | 'Redis';

/**
 * A test on a fresh queue of one kind, closed afterwards; on Redis it is skipped, saying how to install
 * redis-server, where there is none.
 */
export function onQueue(kind: QueueKind, make: () => JobQueue, test: (queue: JobQueue) => Promise<void>) {
  return async (context: TestContext) => {
    if (kind === 'Redis' && !REDIS_SERVER) skipForMissingTool(context, 'redis-server', 'apt-get install redis-server');
    const queue = make();
    try {
      await test(queue);
    } finally {
      await queue.close();
    }
  };
}
