import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.dispose());

const EXTENSION = 'chrome-extension://abcdefghijklmnop';

describe('CORS on the API', () => {
  it('lets the extension read answers and their Retry-After, errors included', async () => {
    for (const [path, status] of [
      ['/api/health', 200],
      ['/api/me', 401],
      ['/api/no-such-endpoint', 404],
    ] as const) {
      const response = await t.app.request(path, { headers: { origin: EXTENSION } });
      expect(response.status, path).toBe(status);
      expect(response.headers.get('access-control-allow-origin'), path).toBe(EXTENSION);
      expect(response.headers.get('access-control-expose-headers'), path).toBe('Retry-After');
      expect(response.headers.get('vary'), path).toBe('Origin');
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('lets no other origin read them', async () => {
    for (const origin of ['https://example.org', 'chrome-extension://UPPER', '']) {
      const response = await t.app.request('/api/health', { headers: { origin } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin'), origin).toBeNull();
      expect(await response.json()).toEqual({ ok: true });
    }
  });

  it('answers the extension’s preflight', async () => {
    const response = await t.app.request('/api/sync/push', {
      method: 'OPTIONS',
      headers: {
        origin: EXTENSION,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(EXTENSION);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST,PUT,DELETE');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
    expect(response.headers.get('access-control-max-age')).toBe('600');
  });
});
