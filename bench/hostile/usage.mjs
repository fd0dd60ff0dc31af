// Preloaded into a measured process (`node --import ./usage.mjs`): at exit, prints its CPU time and peak RSS to
// stderr as the last line, `usage <cpu seconds> <peak RSS MB>`, so a timeout can kill the process itself.
import process from 'node:process';

process.on('exit', () => {
  const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
  process.stderr.write(`\nusage ${((userCPUTime + systemCPUTime) / 1e6).toFixed(2)} ${(maxRSS / 1024).toFixed(0)}\n`);
});
