import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestCase, TestModule } from 'vitest/node';
import { describeProcessTree } from './process-tree';
import { StalledTestReporter } from './stalled-test-reporter';

const MINUTE = 60_000;

// What the reporter reads of vitest's entities.
const moduleOf = (id: string) =>
  ({ id, relativeModuleId: id, project: { name: 'server-pg' } }) as unknown as TestModule;
const caseOf = (module: TestModule, fullName: string) =>
  ({ module, fullName }) as unknown as TestCase;

function reporterAt() {
  let now = 0;
  const written: string[] = [];
  const reporter = new StalledTestReporter({
    afterMs: 5 * MINUTE,
    write: (text) => written.push(text),
    now: () => now,
    processes: () => '  1 S do_epoll_wait node vitest',
  });
  return { reporter, written, at: (ms: number) => (now = ms) };
}

describe('the stalled-test reporter', () => {
  it('names the file and the test that outlast the limit, once per period', () => {
    const { reporter, written, at } = reporterAt();
    reporter.onTestRunStart();
    const file = moduleOf('server/features/sync/push-transaction.test.ts');
    reporter.onTestModuleQueued(file);
    at(1 * MINUTE);
    reporter.onTestCaseReady(caseOf(file, 'push transaction > stores nothing'));

    at(4.9 * MINUTE);
    expect(reporter.check()).toEqual([]);
    at(5 * MINUTE);
    expect(reporter.check()).toEqual([
      'server-pg server/features/sync/push-transaction.test.ts has run for 5 min, in "push transaction > stores nothing" for 4 min',
    ]);
    expect(written.join('')).toContain('1 S do_epoll_wait node vitest');
    at(9 * MINUTE);
    expect(reporter.check()).toEqual([]);
    at(10 * MINUTE);
    expect(reporter.check()).toHaveLength(1);
    reporter.onTestRunEnd();
  });

  it('says when a file is stuck outside its tests, and is silent once it ends', () => {
    const { reporter, at } = reporterAt();
    reporter.onTestRunStart();
    const file = moduleOf('server/heap-sizing.test.ts');
    reporter.onTestModuleQueued(file);
    const test = caseOf(file, 'keeps the young generation');
    reporter.onTestCaseReady(test);
    at(1 * MINUTE);
    reporter.onTestCaseResult(test);
    at(6 * MINUTE);
    expect(reporter.check()).toEqual([
      'server-pg server/heap-sizing.test.ts has run for 6 min, with no test reported running (loading, in a hook of the file, or blocked before its start was sent)',
    ]);
    reporter.onTestModuleEnd(file);
    at(7 * MINUTE);
    expect(reporter.check()).toEqual([]);
    reporter.onTestRunEnd();
  });

  it('says when nothing has started or ended for the limit', () => {
    const { reporter, at } = reporterAt();
    reporter.onTestRunStart();
    const file = moduleOf('shared/url-key.test.ts');
    reporter.onTestModuleQueued(file);
    at(0.5 * MINUTE);
    reporter.onTestModuleEnd(file);
    at(5.4 * MINUTE);
    expect(reporter.check()).toEqual([]);
    at(5.5 * MINUTE);
    expect(reporter.check()).toEqual(['no test file has started or ended for 5 min']);
    expect(reporter.check()).toEqual([]);
    reporter.onTestRunEnd();
  });
});

describe('the process tree', () => {
  let child: ReturnType<typeof spawn> | undefined;
  afterEach(() => {
    child?.kill();
  });

  it('lists a process’s children with their state, kernel wait and command', async () => {
    child = spawn('sleep', ['30']);
    await once(child, 'spawn');
    const tree = describeProcessTree(process.pid).split('\n');
    expect(tree[0]).toMatch(new RegExp(`^  ${process.pid} [RS] \\S+ .*node`));
    const line = tree.find((l) => l.includes(` ${child!.pid} `));
    // One level below this process, asleep in the kernel.
    expect(line).toMatch(new RegExp(`^    ${child.pid} S \\S+ sleep 30$`));
  });

  it('says so for a process that is gone', () => {
    expect(describeProcessTree(2 ** 22 + 1)).toBe(`  (process ${2 ** 22 + 1} is gone)`);
  });
});
