// A test reporter that speaks only when a run stalls: once a test file has run for `afterMs` (and
// again at each further multiple), or nothing has started or ended for that long, it says which file
// and test, since when, and what the run's processes are doing. A hang then names itself in the
// output instead of waiting silently for CI's time limit; vitest's other reporters print a file
// only once it has finished.
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import { describeProcessTree } from './process-tree';

type Running = {
  label: string;
  since: number;
  test?: { name: string; since: number };
  /** How many times this file has been reported stalled so far. */
  reported: number;
};

export type StalledTestOptions = {
  afterMs?: number;
  /** How often to look. */
  everyMs?: number;
  write?: (text: string) => void;
  now?: () => number;
  /** The state of the run's processes, appended to each report. */
  processes?: () => string;
};

const minutes = (ms: number) => `${Math.round(ms / 6_000) / 10} min`;

export class StalledTestReporter implements Reporter {
  readonly #afterMs: number;
  readonly #everyMs: number;
  readonly #write: (text: string) => void;
  readonly #now: () => number;
  readonly #processes: () => string;
  readonly #running = new Map<string, Running>();
  #lastEvent: number;
  #idleReported = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: StalledTestOptions = {}) {
    this.#afterMs = options.afterMs ?? 5 * 60_000;
    this.#everyMs = options.everyMs ?? 30_000;
    this.#write = options.write ?? ((text) => process.stderr.write(text));
    this.#now = options.now ?? Date.now;
    this.#processes = options.processes ?? (() => describeProcessTree(process.pid));
    this.#lastEvent = this.#now();
  }

  onTestRunStart() {
    this.#lastEvent = this.#now();
    this.#timer ??= setInterval(() => this.check(), this.#everyMs);
    this.#timer.unref();
  }

  onTestModuleQueued(module: TestModule) {
    this.#event();
    this.#running.set(module.id, {
      label: [module.project.name, module.relativeModuleId].filter(Boolean).join(' '),
      since: this.#now(),
      reported: 0,
    });
  }

  onTestCaseReady(test: TestCase) {
    this.#event();
    const running = this.#running.get(test.module.id);
    if (running) running.test = { name: test.fullName, since: this.#now() };
  }

  onTestCaseResult(test: TestCase) {
    this.#event();
    const running = this.#running.get(test.module.id);
    if (running) running.test = undefined;
  }

  onTestModuleEnd(module: TestModule) {
    this.#event();
    this.#running.delete(module.id);
  }

  onTestRunEnd() {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#running.clear();
  }

  /** Writes a report for each file stalled past its next multiple of `afterMs`; returns them. */
  check(): string[] {
    const now = this.#now();
    const lines: string[] = [];
    for (const running of this.#running.values()) {
      const due = Math.floor((now - running.since) / this.#afterMs);
      if (due <= running.reported) continue;
      running.reported = due;
      const where = running.test
        ? `in "${running.test.name}" for ${minutes(now - running.test.since)}`
        : // A test blocked in synchronous code may not have sent its start yet.
          'with no test reported running (loading, in a hook of the file, or blocked before its start was sent)';
      lines.push(`${running.label} has run for ${minutes(now - running.since)}, ${where}`);
    }
    const idleDue = Math.floor((now - this.#lastEvent) / this.#afterMs);
    if (this.#running.size === 0 && idleDue > this.#idleReported) {
      this.#idleReported = idleDue;
      lines.push(`no test file has started or ended for ${minutes(now - this.#lastEvent)}`);
    }
    if (lines.length === 0) return [];
    const report = [
      '',
      ...lines.map((line) => `[stalled] ${line}`),
      '[stalled] the run’s processes (pid, state, kernel wait, command):',
      this.#processes(),
      '',
    ].join('\n');
    this.#write(report);
    return lines;
  }

  #event() {
    this.#lastEvent = this.#now();
    this.#idleReported = 0;
  }
}

export default StalledTestReporter;
