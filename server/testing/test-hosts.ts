import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real HTTP server on 127.0.0.1 that counts the connections it accepted. */
export type TestHost = {
  origin: string;
  port: number;
  /** TCP connections accepted so far: the proof that a refused check never reached it. */
  connections(): number;
  requests(): number;
  close(): Promise<void>;
};

/** Starts a test host on a free loopback port with `handle` answering every request. */
export async function startTestHost(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<TestHost> {
  let connections = 0;
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    handle(req, res);
  });
  server.on('connection', () => {
    connections++;
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
