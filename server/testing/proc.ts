import { readdirSync, readFileSync } from 'node:fs';

// Linux's /proc, as the tests, the bench and the stalled-test reporter read it.

/** USER_HZ, the unit of the times in /proc/<pid>/stat: 100 on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

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

/** What the tests and the bench read of /proc/<pid>/stat; CPU times in seconds. */
export type ProcStat = {
  /** R running, S sleeping, D in the kernel… */
  state: string;
  ppid: number;
  /** The process's own CPU time, user and system. */
  cpuSeconds: number;
  /** The CPU time of its ended children that it has waited for. */
  reapedChildrenCpuSeconds: number;
};

/** A process's stat; undefined once it has ended. */
export function procStat(pid: number): ProcStat | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name sits in parentheses and may hold spaces: the fields after it start at the
  // state (field 3); utime, stime, cutime and cstime are fields 14 to 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number) as number[];
  return {
    state: fields[0] ?? '?',
    ppid: Number(fields[1]),
    cpuSeconds: (utime! + stime!) / CLOCK_TICKS_PER_SECOND,
    reapedChildrenCpuSeconds: (cutime! + cstime!) / CLOCK_TICKS_PER_SECOND,
  };
}
