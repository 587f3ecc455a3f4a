/**
 * The node flags of every start of the compiled server: `npm run server`, `npm start`, the
 * systemd unit (deploy/systemd/webtagger.service) and whatever spawns the build as they do.
 *
 * `--max-semi-space-size=4` caps V8's young generation at 2 × 4 MB. V8 reads that cap only when
 * the process starts, so it is a flag here rather than a setting the server applies to itself
 * (server/heap-sizing.ts). Given the cap, the server lets the young generation grow up to it:
 * scavenges come a quarter as often, and fewer of a push's short-lived objects (its request, rows
 * and answer) are still alive, to be copied, when one comes. Started without it, the server keeps
 * the young generation at 2 × 1 MB: about 10 MB less under load, at more CPU per push
 * (docs/deploy.md#memory).
 *
 * `--enable-source-maps` maps stack traces to the TypeScript sources; the build's source maps
 * hold positions only, not the sources themselves, which node would otherwise keep in memory.
 */
export const SERVER_NODE_FLAGS = ['--enable-source-maps', '--max-semi-space-size=4'] as const;
