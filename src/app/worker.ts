import { createProbot } from 'probot';
import { createQueue, octokitFor, probotEnv, settingsFrom, startWorkers } from './runtime.js';

// `node dist/worker.js` (segguard-worker): only the workers, no HTTP server, reading the queue the App instances
// fill (REDIS_URL is required); a deployment scales these apart from the web tier. Same environment as the App.
const settings = settingsFrom(process.env);
if (!settings.redisUrl) throw new Error('segguard-worker needs REDIS_URL: without Redis the queue lives inside the App process');
const probot = createProbot({ env: probotEnv(process.env), overrides: { Octokit: octokitFor(settings) } });
await probot.ready();
const queue = createQueue(settings, probot.log);
const stop = startWorkers(probot, queue, settings, probot.log);
process.once('SIGTERM', () => void stop().finally(() => process.exit(0)));
