import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { ServerBindings } from '../../http/env';
import { plainAddress } from '../../http/trusted-proxies';

const MAX_USER_AGENT = 500;

/**
 * The address of the client, as the HTTP server resolved it: the connection's peer, or, when that
 * peer is one of the configured trusted proxies (`WEBTAGGER_TRUSTED_PROXIES`), the address the
 * proxy forwarded. A client's own X-Forwarded-For is never believed. Served some other way, it is
 * the connection's peer; without a Node connection (app.request in tests) it is 'unknown'.
 */
export function clientAddress(c: Context): string {
  const resolved = (c.env as Partial<ServerBindings> | undefined)?.clientAddress;
  if (resolved) return resolved;
  try {
    return plainAddress(getConnInfo(c).remote.address || 'unknown');
  } catch {
    return 'unknown';
  }
}

/** Where a request came from, as consent records and the audit log keep it. */
export function requestOrigin(c: Context): { ip: string; userAgent: string | null } {
  const userAgent = c.req.header('user-agent');
  return { ip: clientAddress(c), userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT) : null };
}
