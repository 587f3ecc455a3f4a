import { readdirSync, readFileSync } from 'node:fs';

// Linux's /proc, as the tests, the bench and the stalled-test reporter read it.

/** USER_HZ, the unit of the times in /proc/<pid>/stat: 100 on Linux. */
export const CLOCK_TICKS_PER_SECOND = 100;

/** The ids of the processes running now; none where there is no /proc. */
export function processIds(): number[] {
  try {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * The fields of /proc/<pid>/stat after the command name (which may hold spaces), from the state
 * (field 3, index 0 here): ppid at 1, utime at 11, stime 12, cutime 13, cstime 14. Undefined once
 * the process has ended.
 */
export function statFields(pid: number): string[] | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}
