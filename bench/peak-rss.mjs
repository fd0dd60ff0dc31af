// Preloaded into each run of bench/hostile.mjs: writes the process's peak RSS (bytes) and CPU time (user + system,
// ms: the machine may be shared, so wall time alone says little) where the runner asked, as the process exits, so the runner measures the CLI itself and not its own process. A process killed by the heap limit or
// the timeout never writes it (the runner reports OOM or TIMEOUT instead).
import { writeFileSync } from 'node:fs';

const file = process.env.SEGGUARD_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ rss: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
