import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const openssl = (args: string[], cwd: string) =>
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * A real RFC 3161 time-stamp authority for tests: a throwaway CA, a TSA certificate with the
 * critical timeStamping extended key usage, and `openssl ts -reply` answering each query over
 * HTTP on a free 127.0.0.1 port. `down()` stops listening (connections are refused) and `up()`
 * listens again on the same port.
 */
export async function startLocalTsa() {
  const dir = mkdtempSync(join(tmpdir(), 'webtagger-tsa-'));
  writeFileSync(
    join(dir, 'tsa.ext'),
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=critical,timeStamping\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
  );
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '3650',
      '-subj',
      '/CN=WebTagger Test Root CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  openssl(
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'tsa.key',
      '-out',
      'tsa.csr',
      '-subj',
      '/CN=WebTagger Test TSA',
    ],
    dir,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'tsa.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'tsa.pem',
      '-days',
      '3650',
      '-extfile',
      'tsa.ext',
    ],
    dir,
  );
  writeFileSync(join(dir, 'serial'), '01\n');
  writeFileSync(
    join(dir, 'tsa.cnf'),
    `[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = ${dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/ca.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`,
  );
  let answered = 0;
  let queue = Promise.resolve();
  const handle: Parameters<typeof createServer>[1] = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      // One openssl at a time: it advances the serial file.
      queue = queue.then(() => {
        try {
          const n = answered++;
          const query = join(dir, `q${n}.tsq`);
          const reply = join(dir, `r${n}.tsr`);
          writeFileSync(query, Buffer.concat(chunks));
          openssl(['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', query, '-out', reply], dir);
          res.writeHead(200, { 'content-type': 'application/timestamp-reply' });
          res.end(readFileSync(reply));
        } catch {
          res.writeHead(500).end();
        }
      });
    });
  };
  const sockets = new Set<Socket>();
  const listen = (port: number) =>
    new Promise<Server>((resolve, reject) => {
      const server = createServer(handle);
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve(server));
    });
  let server = await listen(0);
  const port = (server.address() as AddressInfo).port;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    /** The throwaway root CA, as the operator's WEBTAGGER_TSA_CA_FILE. */
    caFile: join(dir, 'ca.pem'),
    dir,
    get answered() {
      return answered;
    },
    down: close,
    async up() {
      if (!server.listening) server = await listen(port);
    },
    async stop() {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type LocalTsa = Awaited<ReturnType<typeof startLocalTsa>>;
