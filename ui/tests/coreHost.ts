// The real core for component tests: `amparo serve` over stdin/stdout, one
// process per test with a data folder of its own, so no test sees another's
// cases and no rule of the core is copied here. A process per test costs
// about 0.1 s (the store is created and migrated on start), less than
// emptying a shared store between tests would.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { BackendError } from '../src/backend';
import type { ErrorPayload } from '../src/bindings/ErrorPayload';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// The store syncs every photo to disk, as it must for a family's files; on
// a disk that is 25 ms a photo, in memory (tmpfs) well under 1 ms, which
// is what lets a test import the thousands of photos a case can have.
const scratch = (() => {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
})();

/** Where the `amparo` command is: AMPARO_CLI, else the cargo target dir's debug build. */
export function amparoPath(): string {
  if (process.env.AMPARO_CLI) return process.env.AMPARO_CLI;
  const target = process.env.CARGO_TARGET_DIR || join(repo, 'target');
  return join(target, 'debug', 'amparo');
}

type Answer = { id: number; ok?: unknown; error?: ErrorPayload };

/** The password of every test's vault. */
export const TEST_PASSWORD = 'corona de mamá';

/** `vault: false` starts with no vault, as Amparo's first start does. */
export type HostOptions = { vault?: boolean };

export class CoreHost {
  /** The data folder this host's store lives in. */
  readonly dataDir: string;
  private readonly root: string;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private readonly exited: Promise<void>;
  private next = 1;
  private stderr = '';
  private stopping = false;

  constructor(options: HostOptions = {}) {
    const bin = amparoPath();
    if (!existsSync(bin)) {
      throw new Error(
        `The UI tests run against the real core, and ${bin} is missing. ` +
          'Run `make test-ui` (it builds the amparo command first), or set AMPARO_CLI to its path.',
      );
    }
    this.root = mkdtempSync(join(scratch, 'amparo-ui-test-'));
    this.dataDir = this.folder('data');
    // A vault at a cost far too low for real use: one per test.
    this.child = spawn(bin, ['serve', '--weak-kdf-for-tests', '--data-dir', this.dataDir], {
      env: { ...process.env, AMPARO_DATA_DIR: this.dataDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
    createInterface({ input: this.child.stdout }).on('line', (line) => this.answer(line));
    this.exited = new Promise((done) => {
      this.child.on('error', (e) => {
        this.failAll(`amparo serve could not start: ${e.message}`);
        done();
      });
      this.child.on('exit', (code, signal) => {
        if (this.waiting.size > 0) {
          this.failAll(`amparo serve ended (code ${code}, signal ${signal}) with requests unanswered.\n${this.stderr}`);
        }
        done();
      });
    });
    // The requests are answered in order: this one before any the test sends.
    if (options.vault !== false) void this.call('create_vault', { passphrase: TEST_PASSWORD });
  }

  /** Runs one core operation; its output, or a BackendError with the core's code and fields. */
  call(op: string, input: Record<string, unknown> = {}): Promise<unknown> {
    // A component may still ask after its test has ended (an effect, a
    // timer): that answer has no one to read it, so it never comes.
    if (this.stopping) return new Promise(() => {});
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.stdin.write(`${JSON.stringify({ id, op, input })}\n`);
    });
  }

  /** A folder of this test's own (for files to import, PDFs written); it goes with the host. */
  folder(name: string): string {
    const dir = join(this.root, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** Lets the host answer what it was asked, then removes its data folder. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
    rmSync(this.root, { recursive: true, force: true });
  }

  private answer(line: string) {
    let answer: Answer;
    try {
      answer = JSON.parse(line) as Answer;
    } catch {
      this.failAll(`amparo serve wrote a line that is not JSON: ${line.slice(0, 300)}`);
      return;
    }
    const waiting = this.waiting.get(answer.id);
    if (!waiting) return;
    this.waiting.delete(answer.id);
    if (answer.error) waiting.reject(new BackendError({ ...answer.error, fields: answer.error.fields ?? [] }));
    else waiting.resolve(answer.ok ?? null);
  }

  private failAll(message: string) {
    for (const { reject } of this.waiting.values()) reject(new Error(message));
    this.waiting.clear();
  }
}
