import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/*
 * Where a process spent its CPU, from the V8 profile `node --cpu-prof` writes: self time by
 * function and by where the function lives (one of the project's source files inside the compiled
 * server, a package, Node's own modules, or native code such as SQLite behind better-sqlite3).
 */

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame };
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export type ProfileShare = { name: string; ms: number; share: number };
export type ProfileSummary = {
  /** Sampled time the process was busy (idle samples left out), milliseconds. */
  busyMs: number;
  byPlace: ProfileShare[];
  byFunction: ProfileShare[];
};

// V8's pseudo-frames: `(idle)` is time waiting, the others are work of their own.
const IDLE = '(idle)';

/**
 * The source file of each line of an unminified esbuild bundle: esbuild puts `// path/to/file.ts`
 * before each module's code. Returns a lookup from a 0-based line to that path.
 */
type SourceOf = (line: number) => string | undefined;

export function bundleSources(bundle: string): SourceOf {
  const starts: { line: number; path: string }[] = [];
  bundle.split('\n').forEach((text, line) => {
    const marker = /^\/\/ ((?:server|shared)\/\S+\.tsx?)$/.exec(text);
    if (marker) starts.push({ line, path: marker[1]! });
  });
  return (line) => {
    let found: string | undefined;
    for (const start of starts) {
      if (start.line > line) break;
      found = start.path;
    }
    return found;
  };
}

/**
 * Where a frame's code lives, in words short enough for a table. The compiled server is split in
 * chunks (its entry and what it imports) in one folder, `bundleFolder` as a file URL.
 */
function placeOf(frame: CallFrame, bundleFolder: string, sourceIn: (url: string) => SourceOf) {
  const { url, functionName } = frame;
  if (url === '') return functionName.startsWith('(') ? functionName : 'native code';
  if (url.startsWith(`${bundleFolder}/`)) {
    return sourceIn(url)(frame.lineNumber) ?? 'the server bundle';
  }
  if (url.startsWith('node:')) return 'Node (node:*)';
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/.][^/]*)/.exec(path);
  return pkg ? pkg[1]! : path;
}

function ranked(totals: Map<string, number>, busyMs: number, most: number): ProfileShare[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, most)
    .map(([name, ms]) => ({ name, ms, share: ms / busyMs }));
}

/**
 * Self time of a profile by place and by function (`name (place)`), largest first. `bundlePath`
 * is the compiled server's entry the profile was taken of: the lines of its chunks map back to the
 * project's files.
 */
export function summarizeProfile(
  profile: CpuProfile,
  bundlePath: string,
  most = 10,
): ProfileSummary {
  const bundleFolder = pathToFileURL(dirname(bundlePath)).href;
  const chunks = new Map<string, SourceOf>();
  const sourceIn = (url: string) => {
    let sourceOf = chunks.get(url);
    if (!sourceOf) {
      sourceOf = bundleSources(readFileSync(fileURLToPath(url), 'utf8'));
      chunks.set(url, sourceOf);
    }
    return sourceOf;
  };
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busyMs = 0;
  for (const [id, ms] of selfMs) {
    const frame = frames.get(id)!;
    if (frame.functionName === IDLE) continue;
    busyMs += ms;
    const place = placeOf(frame, bundleFolder, sourceIn);
    byPlace.set(place, (byPlace.get(place) ?? 0) + ms);
    const name = frame.functionName.startsWith('(')
      ? frame.functionName
      : `${frame.functionName || '(anonymous)'} (${place})`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  }
  return {
    busyMs,
    byPlace: ranked(byPlace, busyMs, most),
    byFunction: ranked(byFunction, busyMs, most),
  };
}

/** The summary as a line of a note: `place 23 %, place 12 %, …`. */
export function sharesLine(shares: ProfileShare[]): string {
  return shares.map((s) => `${s.name} ${Math.round(s.share * 100)} %`).join(', ');
}
