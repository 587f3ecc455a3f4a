import { connect, createServer, type Socket } from 'node:net';
import { freePort } from './server';

/**
 * A TCP proxy in front of the server that can hold chosen requests: while held, what a client
 * sends is kept back (the client waits for an answer that does not come); on release it is
 * delivered, even if the client has gone meanwhile — the server then answers no one: a lost answer.
 */
export async function startHoldingProxy(upstreamPort: number) {
  const port = await freePort();
  let holding: string | undefined;
  const held: { upstream: Socket; chunks: Buffer[]; clientGone: boolean }[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((client) => {
    const upstream = connect(upstreamPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    const pending = { upstream, chunks: [] as Buffer[], clientGone: false };
    client.on('data', (chunk) => {
      const isHeld = held.includes(pending);
      if (isHeld || (holding !== undefined && chunk.toString('latin1').startsWith(holding))) {
        if (!isHeld) held.push(pending);
        pending.chunks.push(chunk);
      } else {
        upstream.write(chunk);
      }
    });
    upstream.on('data', (chunk) => {
      if (!client.destroyed) client.write(chunk);
    });
    client.on('close', () => {
      pending.clientGone = true;
      // A connection whose request is held stays open upstream until released.
      if (!held.includes(pending)) upstream.end();
    });
    upstream.on('close', () => {
      // A request the server never got (it was down) is not held: the client sees it fail.
      const at = held.indexOf(pending);
      if (at !== -1) held.splice(at, 1);
      client.destroy();
    });
    client.on('error', () => undefined);
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${port}`,
    /** Starts holding requests that begin with this text (e.g. `POST /api/sync/push`). */
    hold(requestStart: string) {
      holding = requestStart;
    },
    /** The text of the requests held so far. */
    heldText(): string {
      return held.map((h) => Buffer.concat(h.chunks).toString('latin1')).join('\n');
    },
    /** Delivers what was held and stops holding. */
    release() {
      holding = undefined;
      for (const h of held.splice(0)) {
        for (const chunk of h.chunks) h.upstream.write(chunk);
        if (h.clientGone) h.upstream.end();
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
