// `npm run fuzz`: the property test over mutated manifests (test/fuzz) with many more runs than `npm test`.
// SEGGUARD_FUZZ_RUNS (default 2000) and SEGGUARD_FUZZ_SEED (default: random, printed) choose the run; a failure
// prints the seed and the path that replay it (SEGGUARD_FUZZ_SEED=<seed> SEGGUARD_FUZZ_PATH=<path> npm run fuzz).
import { spawnSync } from 'node:child_process';

const runs = process.env.SEGGUARD_FUZZ_RUNS ?? '2000';
const seed = process.env.SEGGUARD_FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
console.log(`segguard fuzz: ${runs} runs, seed ${seed}`);
const result = spawnSync('npx', ['vitest', 'run', 'test/fuzz'], {
  stdio: 'inherit',
  env: { ...process.env, SEGGUARD_FUZZ_RUNS: runs, SEGGUARD_FUZZ_SEED: seed },
});
process.exit(result.status ?? 1);
