// Local test hosts for P10, in a process of their own so that the arrival times they record are
// not delayed by the checker's event loop: `recheck-hosts.ts <count>`. Answers a mix of live pages,
// 404s, block pages and 451s; tells its ports on start and its statistics when asked (IPC).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const count = Number(process.argv[2] ?? 20);
const load = { active: 0, peak: 0, requests: 0, minGapMs: Number.POSITIVE_INFINITY };
const page = (n: number) =>
  `<html><body>${'<p>материал</p>'.repeat(100 + (n % 400))}</body></html>`;

const ports = await Promise.all(
  Array.from({ length: count }, async () => {
    let last = 0;
    const server = createServer((req, res) => {
      const now = performance.now();
      if (last) load.minGapMs = Math.min(load.minGapMs, now - last);
      last = now;
      load.requests++;
      load.peak = Math.max(load.peak, ++load.active);
      const n = Number(req.url?.split('/').pop() ?? 0);
      const finish = (status: number, body: string) =>
        setTimeout(
          () => {
            load.active--;
            res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
          },
          5 + (n % 20),
        );
      if (n % 10 === 0) finish(404, 'not found');
      else if (n % 10 === 1) finish(200, '<h1>Доступ к данному ресурсу ограничен</h1>');
      else if (n % 10 === 2) finish(451, 'unavailable for legal reasons');
      else finish(200, page(n));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return (server.address() as AddressInfo).port;
  }),
);
process.send?.({ ports });
process.on('message', () => process.send?.({ stats: load }));
process.on('disconnect', () => process.exit(0));
