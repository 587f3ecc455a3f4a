import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SeededAccount } from '../../server/testing/seed';
import type { SpawnedServer } from '../../server/testing/spawned-server';
import { type CpuProfile, sharesLine, summarizeProfile } from './cpu-profile';
import { ANALYSTS } from './ingest-rounds';
import type { BenchContext } from './measure';
import { type PushBatch, sendPush } from './push-batches';
import { compiledServer } from './server-bundle';
import { round } from './stats';

/** A server ready for the profiled pass, spawned with `nodeArgs`, and its analysts. */
export type ProfiledServer = { server: SpawnedServer; analysts: SeededAccount[] };

/**
 * After the timed rounds, the same pushes once more, untimed, to a fresh server running under
 * `node --cpu-prof`: where the server's CPU goes, summarised for the measure's notes. Profiling
 * slows the server, which is why no figure is taken from this pass. With `--profile` the profile
 * file is kept in the temp folder's webtagger-bench-profiles; a quick run takes the pass only then.
 */
export async function profiledPushes(
  ctx: BenchContext,
  batches: PushBatch[][],
  start: (nodeArgs: string[]) => Promise<ProfiledServer>,
): Promise<string[]> {
  // A quick run leaves the pass out unless asked for it: it is a run of the rounds' length again.
  if (ctx.quick && !ctx.options.has('--profile')) return [];
  const dir = join(ctx.workDir, 'cpu-profile');
  mkdirSync(dir, { recursive: true });
  ctx.progress('pushing the same batches once more to a server under --cpu-prof (untimed)');
  const { server, analysts } = await start(['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  try {
    for (let b = 0; b < batches[0]!.length; b++) {
      await Promise.all(
        analysts.map((analyst, i) => sendPush(server.url, analyst, batches[i]![b]!.body)),
      );
    }
  } finally {
    // The profile is written as the process exits (the server exits on SIGTERM).
    await server.stop();
  }
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`the profiled server wrote no profile into ${dir}`);
  if (ctx.options.has('--profile')) {
    const kept = join(tmpdir(), 'webtagger-bench-profiles');
    mkdirSync(kept, { recursive: true });
    copyFileSync(join(dir, file), join(kept, file));
    ctx.progress(`CPU profile kept as ${join(kept, file)}`);
  }
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const summary = summarizeProfile(profile, await compiledServer(), 8);
  const pushes = batches[0]!.length * ANALYSTS;
  const line = `Where the server process's CPU goes (one more pass of the same ${pushes} pushes, untimed, to a fresh server under node --cpu-prof; ${round(summary.busyMs / 1000, 2)} s busy, self time): by place ${sharesLine(summary.byPlace)}; by function ${sharesLine(summary.byFunction)}.`;
  ctx.progress(line);
  return [line];
}
