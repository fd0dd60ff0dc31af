import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalysisInput, AnalysisOutput } from './analysis.js';

interface Task {
  id: number;
  input: AnalysisInput;
  resolve: (output: AnalysisOutput) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  task?: Task;
}

/**
 * The thread entry next to this module: `analysis-thread.ts` from the sources (loaded through tsx), or the
 * bundled `analysis-thread.js` next to `dist/app.js` and `dist/worker.js` (scripts/bundle.mjs builds all three).
 */
function threadEntry(): { url: URL; execArgv: string[] } {
  const ext = extname(new URL(import.meta.url).pathname);
  return { url: new URL(`./analysis-thread${ext}`, import.meta.url), execArgv: ext === '.ts' ? ['--import', 'tsx'] : [] };
}

/**
 * A fixed set of worker threads that run the analyses, one at a time each. A thread that dies fails its analysis
 * (the job is retried) and is replaced.
 */
export class AnalysisPool {
  readonly #threads: Thread[] = [];
  readonly #waiting: Task[] = [];
  #nextId = 0;
  #closed = false;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.#threads.push(this.#spawn());
  }

  analyze(input: AnalysisInput): Promise<AnalysisOutput> {
    if (this.#closed) return Promise.reject(new Error('the analysis pool is closed'));
    return new Promise((resolve, reject) => {
      this.#waiting.push({ id: this.#nextId++, input, resolve, reject });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const task of this.#waiting.splice(0)) task.reject(new Error('the analysis pool is closed'));
    await Promise.all(this.#threads.map((t) => t.worker.terminate()));
  }

  #spawn(): Thread {
    const { url, execArgv } = threadEntry();
    const thread: Thread = { worker: new Worker(url, { execArgv }) };
    thread.worker.on('message', (message: { id: number; output?: AnalysisOutput; error?: string }) => {
      const task = thread.task;
      thread.task = undefined;
      if (message.error !== undefined) task?.reject(new Error(message.error));
      else task?.resolve(message.output!);
      this.#dispatch();
    });
    thread.worker.on('error', (error) => {
      thread.task?.reject(error);
      thread.task = undefined;
    });
    thread.worker.on('exit', () => {
      if (this.#closed) return;
      thread.task?.reject(new Error('the analysis thread exited'));
      this.#threads.splice(this.#threads.indexOf(thread), 1, this.#spawn());
      this.#dispatch();
    });
    return thread;
  }

  #dispatch(): void {
    for (const thread of this.#threads) {
      if (thread.task || this.#waiting.length === 0) continue;
      thread.task = this.#waiting.shift()!;
      thread.worker.postMessage({ id: thread.task.id, input: thread.task.input });
    }
  }
}
