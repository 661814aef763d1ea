import { describe, expect, it } from 'vitest';
import { base64ToBytes } from './download-file';

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

describe('base64ToBytes', () => {
  it('decodes binary content byte for byte', () => {
    const original = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x2c, 0x00, 0xff]);
    expect([...base64ToBytes(toBase64(original))]).toEqual([...original]);
  });

  it('keeps UTF-8 text (a CSV with a BOM and Chinese) intact', () => {
    const text = '\uFEFF企业,金额\n深圳智源,¥1.00\n';
    const bytes = base64ToBytes(toBase64(new TextEncoder().encode(text)));
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(text);
  });
});
