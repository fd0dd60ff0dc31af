import { run } from 'probot';
import segguardApp from './index.js';

// `npm start`: Probot's own server. It reads APP_ID, PRIVATE_KEY (or PRIVATE_KEY_PATH), WEBHOOK_SECRET, PORT,
// WEBHOOK_PATH and REDIS_URL (shared rate limiting) from the environment; docs/app.md has the other ways to host it.
await run(segguardApp);
