import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

const MAX_USER_AGENT = 500;

/**
 * The address of the connection the request came on. Headers such as X-Forwarded-For are never
 * trusted: anyone can send them. Without a Node connection (app.request in tests) it is 'unknown'.
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Where a request came from, as consent records and the audit log keep it. */
export function requestOrigin(c: Context): { ip: string; userAgent: string | null } {
  const userAgent = c.req.header('user-agent');
  return { ip: clientAddress(c), userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT) : null };
}
