import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '#shared/schemas/errors';
import { createTestApp } from '../../testing/test-app';
import { jsonOf } from '../accounts/testing';
import { describedRoutes, routeKey } from './registry';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Operation = {
  responses: Record<
    string,
    { content?: Record<string, { schema: Record<string, unknown> }>; 'x-error-codes'?: string[] }
  >;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  parameters: { name: string; in: string }[];
  security: unknown[];
};
let document: { openapi: string; paths: Record<string, Record<string, Operation>> };

beforeAll(async () => {
  t = await createTestApp();
  const response = await t.app.request('/api/openapi.json');
  expect(response.status).toBe(200);
  document = await jsonOf(response);
});
afterAll(() => t.dispose());

/** Every route the app answers: method and Hono path, middleware left out. */
const mountedRoutes = () =>
  new Set(
    t.app.routes
      .filter((route) => route.method !== 'ALL' && !route.path.includes('*'))
      .map((route) => routeKey(route.method, route.path)),
  );
const toOpenApi = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1', () => {
    expect(document.openapi).toBe('3.1.0');
  });

  it('describes every route mounted in the app', () => {
    const missing = [...mountedRoutes()].filter((key) => {
      const [method, path] = key.split(' ') as [string, string];
      return !document.paths[toOpenApi(path)]?.[method.toLowerCase()];
    });
    expect(missing).toEqual([]);
  });

  it('describes no route the app does not have', () => {
    const mounted = mountedRoutes();
    const stale = describedRoutes()
      .map((route) => routeKey(route.method, route.path))
      .filter((key) => !mounted.has(key));
    expect(stale).toEqual([]);
  });

  it('gives every operation a success answer and the error shape for each error status', () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const statuses = Object.keys(operation.responses);
        expect(
          statuses.some((s) => s.startsWith('2')),
          `${method} ${path}`,
        ).toBe(true);
        for (const [status, response] of Object.entries(operation.responses)) {
          if (!/^[45]/.test(status)) continue;
          expect(response.content?.['application/json']?.schema).toEqual({
            $ref: '#/components/schemas/Error',
          });
          for (const code of response['x-error-codes'] ?? []) {
            expect(String(ERROR_STATUS[code as keyof typeof ERROR_STATUS])).toBe(status);
          }
        }
      }
    }
  });

  it('takes its schemas from the shared zod schemas', () => {
    const register = document.paths['/api/auth/register']?.post;
    const form = register?.requestBody?.content['multipart/form-data']?.schema as {
      properties: Record<string, { type?: string; minLength?: number; maxItems?: number }>;
      required: string[];
    };
    expect(form.properties.password?.minLength).toBe(10);
    expect(form.properties.documents).toMatchObject({ type: 'array', maxItems: 5 });
    expect(form.required).toEqual(
      expect.arrayContaining(['email', 'policyVersion', 'acceptPolicy', 'documents']),
    );
    expect(register?.responses['409']?.['x-error-codes']).toEqual(['conflict', 'email_taken']);

    const login = document.paths['/api/auth/login']?.post;
    expect(login?.responses['200']?.content?.['application/json']?.schema).toMatchObject({
      properties: { token: { type: 'string' } },
    });
    expect(login?.security).toEqual([]);
  });

  it('names path parameters and query parameters', () => {
    const approve = document.paths['/api/admin/users/{id}/approve']?.post;
    expect(approve?.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path' })]);
    const audit = document.paths['/api/admin/audit']?.get;
    expect(audit?.parameters.map((p) => p.name)).toEqual(['cursor', 'action', 'limit']);
    expect(audit?.security).toEqual([{ bearer: [] }]);
  });

  it('describes the comment for the reporters and the withdrawn materials', () => {
    const decision = document.paths['/api/materials/{id}/decision']?.post;
    const body = decision?.requestBody?.content['application/json']?.schema as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(body.properties)).toEqual(
      expect.arrayContaining(['comment', 'reporterComment', 'expectedVersion']),
    );
    expect(body.required).not.toContain('reporterComment');
    const queue = document.paths['/api/materials']?.get;
    expect(queue?.parameters.map((p) => p.name)).toContain('withdrawn');
    const pull = document.paths['/api/sync/pull']?.get;
    expect(JSON.stringify(pull?.responses['200'])).toContain('reporterComment');
  });
});
