import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { clientAddressOf, trustedProxies } from './trusted-proxies';

const proxy = trustedProxies(['127.0.0.1', '10.0.0.0/8', '::1']);

describe('clientAddressOf', () => {
  it('is the connection’s peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddressOf('203.0.113.5', '198.51.100.1', trustedProxies([]))).toBe('203.0.113.5');
    expect(clientAddressOf('127.0.0.1', '198.51.100.1', trustedProxies([]))).toBe('127.0.0.1');
  });

  it('is the peer when the peer is not a trusted proxy, even if it claims to forward', () => {
    expect(clientAddressOf('203.0.113.5', '127.0.0.1', proxy)).toBe('203.0.113.5');
  });

  it('is the address a trusted proxy forwarded', () => {
    expect(clientAddressOf('127.0.0.1', '198.51.100.7', proxy)).toBe('198.51.100.7');
    expect(clientAddressOf('::ffff:127.0.0.1', '2001:db8::7', proxy)).toBe('2001:db8::7');
  });

  it('ignores what the client wrote left of the address its proxy appended', () => {
    expect(clientAddressOf('127.0.0.1', '192.0.2.66, 198.51.100.7', proxy)).toBe('198.51.100.7');
  });

  it('walks back through a chain of trusted proxies to the first address none of them is', () => {
    expect(clientAddressOf('127.0.0.1', '198.51.100.7, 10.1.2.3', proxy)).toBe('198.51.100.7');
  });

  it('stops at the nearest trusted hop when the header is missing or garbled', () => {
    expect(clientAddressOf('127.0.0.1', undefined, proxy)).toBe('127.0.0.1');
    expect(clientAddressOf('127.0.0.1', 'unknown', proxy)).toBe('127.0.0.1');
    expect(clientAddressOf('127.0.0.1', '198.51.100.7:4711, 10.1.2.3', proxy)).toBe('10.1.2.3');
  });

  it('gives an IPv4-mapped peer as plain IPv4', () => {
    expect(clientAddressOf('::ffff:203.0.113.5', undefined, proxy)).toBe('203.0.113.5');
  });
});

describe('WEBTAGGER_TRUSTED_PROXIES', () => {
  it('is empty by default', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
  });

  it('takes addresses and CIDR ranges, comma-separated', () => {
    const config = loadConfig({ WEBTAGGER_TRUSTED_PROXIES: ' 127.0.0.1, ::1,10.0.0.0/8 ,' });
    expect(config.trustedProxies).toEqual(['127.0.0.1', '::1', '10.0.0.0/8']);
  });

  it('stops the server on anything else, naming the entry', () => {
    for (const value of ['localhost', '10.0.0.0/33', '10.0.0.0/8/1', '::1/129']) {
      expect(() => loadConfig({ WEBTAGGER_TRUSTED_PROXIES: value })).toThrow(ConfigError);
    }
    expect(() => loadConfig({ WEBTAGGER_TRUSTED_PROXIES: '127.0.0.1,proxy' })).toThrow(/proxy/);
  });
});
