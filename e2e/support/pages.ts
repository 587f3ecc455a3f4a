import { createServer, type Server } from 'node:http';
import { freePort } from './server';

export type PageSpec = { title: string; lang?: string; body?: string };

/** Serves test pages on 127.0.0.1: `/<name>` answers the page registered under that name. */
export async function startPageServer(pages: Record<string, PageSpec>) {
  const port = await freePort();
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').split('?')[0]!.slice(1));
    const page = pages[name];
    if (!page) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="${page.lang ?? 'ru'}"><head><title>${page.title}</title></head>` +
        `<body>${page.body ?? `<h1>${page.title}</h1>`}</body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: (name: string) => `http://127.0.0.1:${port}/${name}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
