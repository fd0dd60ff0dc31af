import { run, type ApplicationFunction } from 'probot';
import { createSegguardApp } from './index.js';
import { createQueue, healthHandler, octokitFor, probotEnv, settingsFrom, startWorkers } from './runtime.js';

// `npm start`: Probot's own server (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, HOST, WEBHOOK_PATH,
// GHE_HOST, GHE_PROTOCOL) with the job queue (REDIS_URL) and, unless SEGGUARD_WORKER_CONCURRENCY=0, workers in this
// process; `dist/worker.js` runs workers alone. docs/app.md has the other ways to host it.
const settings = settingsFrom(process.env);
const app: ApplicationFunction = async (probot, { addHandler }) => {
  const queue = createQueue(settings, probot.log);
  await probot.load(createSegguardApp(queue));
  addHandler(healthHandler(queue));
  // An App registered through Probot's setup page has `<this server>/` as its webhook URL (see app.yml).
  addHandler(await probot.getNodeMiddleware({ path: '/' }));
  const stop = startWorkers(probot, queue, settings, probot.log);
  process.once('SIGTERM', () => void stop().finally(() => process.exit(0)));
};
await run(app, { env: probotEnv(process.env), Octokit: octokitFor(settings) });
