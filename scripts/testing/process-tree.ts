import { readFileSync } from 'node:fs';
import { processIds, procStat } from '../../server/testing/proc';

type Proc = { pid: number; ppid: number; state: string; wchan: string; command: string };

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function procOf(pid: number): Proc | undefined {
  const stat = procStat(pid);
  if (!stat) return undefined;
  const command = (read(`/proc/${pid}/cmdline`) ?? '').split('\0').join(' ').trim();
  return {
    pid,
    state: stat.state,
    ppid: stat.ppid,
    wchan: (read(`/proc/${pid}/wchan`) ?? '').trim() || '-',
    command: command.length > 160 ? `${command.slice(0, 157)}...` : command,
  };
}

/**
 * The process and its descendants, one line each, indented by depth: pid, state (R running,
 * S sleeping, D in the kernel…), where the kernel has it waiting (`pipe_write` is blocked on a
 * full pipe, `do_epoll_wait` an event loop with nothing to do, `futex_wait_queue` a lock or a
 * thread), and the command line. Linux only: elsewhere it says so.
 */
export function describeProcessTree(root: number): string {
  const pids = processIds();
  if (pids.length === 0) return '  (no /proc: the processes cannot be listed here)';
  const procs = pids.map(procOf).filter((p): p is Proc => p !== undefined);
  const children = new Map<number, Proc[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const lines: string[] = [];
  const visit = (proc: Proc, depth: number) => {
    lines.push(`${'  '.repeat(depth + 1)}${proc.pid} ${proc.state} ${proc.wchan} ${proc.command}`);
    for (const child of children.get(proc.pid) ?? []) visit(child, depth + 1);
  };
  const top = procs.find((p) => p.pid === root);
  if (!top) return `  (process ${root} is gone)`;
  visit(top, 0);
  return lines.join('\n');
}
