// Every method and path of api.md, written as api.md writes them.

/** The rows anyone may call, signed in or not. */
export const PUBLIC_OPERATIONS = [
  'GET /api/health',
  'GET /api/openapi.json',
  'POST /api/auth/register',
  'POST /api/auth/login',
  'GET /api/policy/current',
];

/** The rows that need a signed-in user. */
export const SIGNED_IN_OPERATIONS = [
  'POST /api/auth/logout',
  'GET /api/me',
  'POST /api/consent',
  'DELETE /api/consent',
  'POST /api/sync/push',
  'GET /api/sync/pull',
  'GET /api/known-urls',
  'PUT /api/evidence/:sha256',
  'GET /api/materials',
  'GET /api/materials/:id',
  'POST /api/materials/:id/decision',
  'GET /api/stats',
  'GET /api/admin/users',
  'POST /api/admin/users/:id/approve',
  'POST /api/admin/users/:id/block',
  'POST /api/admin/policy',
  'POST /api/admin/disclosures',
  'GET /api/admin/audit',
  'GET /api/me/data',
  'DELETE /api/me',
];

/** A row with its path parameters written the OpenAPI way: `:id` → `{id}`. */
export const inOpenApiForm = (operation: string) => operation.replace(/:(\w+)/g, '{$1}');
