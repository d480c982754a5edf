import { spawn } from "node:child_process";
import { log, ROOT } from "./bootstrap";

export interface BackgroundTask {
  /** Waits for the task, then shows its output; throws when it failed. */
  finish: () => Promise<void>;
  /** Ends the task if it is still running (the run is being abandoned). */
  stop: () => void;
}

/**
 * Starts a command beside the work that follows (`npm test` runs lint and the
 * production build while the tests run). Its output is held back and shown
 * when `finish` is awaited, so it never interleaves with the tests' output.
 */
export function startInBackground(
  label: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; onSuccess?: () => void } = {},
): BackgroundTask {
  log(`${label} (in the background)`);
  const started = Date.now();
  const child = spawn(command, args, { cwd: ROOT, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  const output: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
  const exited = new Promise<number | null>((resolve) => child.on("close", (status) => resolve(status)));
  const seconds = exited.then(() => Math.round((Date.now() - started) / 1000));
  return {
    finish: async () => {
      const status = await exited;
      process.stdout.write(Buffer.concat(output));
      if (status !== 0) throw new Error(`${label} failed`);
      options.onSuccess?.();
      log(`${label}: done in ${await seconds} s`);
    },
    stop: () => {
      if (child.exitCode === null) child.kill();
    },
  };
}
