/** How a command talks to the user; the real process streams in main.ts, buffers in tests. */
export interface CommandIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** stdout is a terminal (colour is allowed). */
  isTTY?: boolean;
}

export type RunCommand = (args: string[], io: CommandIo) => Promise<number>;

/** Exit codes of every command. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
