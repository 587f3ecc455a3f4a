import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode, errorBodySchema } from '#shared/schemas/errors';
import type { RequestBodyDoc, ResponseDoc, RouteDoc } from './registry';

type JsonSchema = Record<string, unknown>;

const ERROR_REF = { $ref: '#/components/schemas/Error' };

/** JSON Schema (2020-12, which OpenAPI 3.1 uses) of a zod schema, without the `$schema` line. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

function requestBody(body: RequestBodyDoc) {
  if ('json' in body) {
    return {
      required: true,
      content: { 'application/json': { schema: jsonSchema(body.json, 'input') } },
    };
  }
  if ('multipart' in body) {
    return {
      required: true,
      content: { 'multipart/form-data': { schema: jsonSchema(body.multipart, 'input') } },
    };
  }
  const binary = { type: 'string', contentEncoding: 'binary' };
  return {
    required: true,
    content: Object.fromEntries(body.binary.map((type) => [type, { schema: binary }])),
  };
}

function successResponse(response: ResponseDoc) {
  if (response.schema) {
    return {
      description: response.description,
      content: { 'application/json': { schema: jsonSchema(response.schema, 'output') } },
    };
  }
  if (response.contentTypes) {
    const binary = { type: 'string', contentEncoding: 'binary' };
    return {
      description: response.description,
      content: Object.fromEntries(response.contentTypes.map((type) => [type, { schema: binary }])),
    };
  }
  return { description: response.description };
}

/** One response per error status, naming the stable codes it can carry. */
function errorResponses(codes: readonly ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes)
    byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, statusCodes]) => [
      String(status),
      {
        description: statusCodes.join(', '),
        'x-error-codes': statusCodes,
        content: { 'application/json': { schema: ERROR_REF } },
      },
    ]),
  );
}

function parameters(route: RouteDoc) {
  const inPath = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (!route.query) return inPath;
  const query = jsonSchema(route.query, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  const inQuery = Object.entries(query.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: query.required?.includes(name) ?? false,
    schema,
  }));
  return [...inPath, ...inQuery];
}

function operation(route: RouteDoc) {
  return {
    operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c?: string) => (c ? c.toUpperCase() : ''))}`,
    summary: route.summary,
    tags: route.tags,
    security: route.access === 'public' ? [] : [{ bearer: [] }],
    parameters: parameters(route),
    ...(route.body ? { requestBody: requestBody(route.body) } : {}),
    responses: {
      ...Object.fromEntries(
        Object.entries(route.responses).map(([status, response]) => [
          status,
          successResponse(response),
        ]),
      ),
      ...errorResponses(route.errors),
      '5XX': { description: 'A bug.', content: { 'application/json': { schema: ERROR_REF } } },
    },
  };
}

/** The OpenAPI 3.1 document of the described routes, built from the shared zod schemas. */
export function buildOpenApiDocument(routes: readonly RouteDoc[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  const sorted = [...routes].sort((a, b) => a.path.localeCompare(b.path));
  for (const route of sorted) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'WebTagger API',
      version: '1',
      description:
        'Errors answer `{ error: { code, message, details? } }` with the stable codes listed per response.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: jsonSchema(errorBodySchema, 'output') },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  };
}
