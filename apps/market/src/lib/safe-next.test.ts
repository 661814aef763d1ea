import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it('keeps paths inside the app', () => {
    expect(safeNextPath('/orders/abc?x=1')).toBe('/orders/abc?x=1');
  });
  it('refuses anything that could leave the app', () => {
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'orders',
      '',
      null,
      undefined,
    ]) {
      expect(safeNextPath(bad, '/home')).toBe('/home');
    }
  });
});
