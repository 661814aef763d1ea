import { createHash } from 'node:crypto';
import { schema } from '@nanshan/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness';
import { marketSnapshot, PDF_BYTES, PNG_BYTES } from '../../test/marketplace';
import { expectRefusal, newUser } from '../../test/people';
import { AI_API, buy, H800 } from '../../test/purchases';
import { MAX_DOCUMENT_BYTES } from './document-rules';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());
beforeEach(async () => {
  await h.reset();
  h.setNow('2026-11-28T02:00:00Z');
});

const pdf = (filename = 'licence.pdf') => ({
  kind: 'business_licence' as const,
  filename,
  mimeType: 'application/pdf' as const,
  contentBase64: PDF_BYTES.toString('base64'),
});

describe('uploading and reading documents', () => {
  it("stores a provider's document with its hash; only its members and staff can read it", async () => {
    const provider = await h.callerFor('provider');
    const meta = await provider.documents.upload({ ownerType: 'provider', ...pdf('../../etc/营业执照.pdf') });
    const [centre] = await h.db
      .select()
      .from(schema.providers)
      .where(eq(schema.providers.name, '南山智算中心'));
    expect(meta).toMatchObject({
      ownerType: 'provider',
      ownerId: centre!.id,
      kind: 'business_licence',
      filename: '营业执照.pdf', // directories stripped
      mimeType: 'application/pdf',
      sizeBytes: PDF_BYTES.length,
      sha256: createHash('sha256').update(PDF_BYTES).digest('hex'),
    });
    const read = await provider.documents.get({ documentId: meta.id });
    expect(Buffer.from(read.contentBase64, 'base64').equals(PDF_BYTES)).toBe(true);
    expect((await (await h.callerFor('admin')).documents.get({ documentId: meta.id })).sha256).toBe(
      meta.sha256,
    );
    for (const who of ['vendor', 'sme'] as const) {
      await expectRefusal(
        (await h.callerFor(who)).documents.get({ documentId: meta.id }),
        'NOT_FOUND',
        'document_not_found',
      );
    }
    await expectRefusal((await h.callerFor(null)).documents.get({ documentId: meta.id }), 'UNAUTHORIZED');
    // A retried upload returns the document already stored.
    const again = await provider.documents.upload({
      ownerType: 'provider',
      ...pdf('../../etc/营业执照.pdf'),
    });
    expect(again.id).toBe(meta.id);
    expect(await h.db.select({ id: schema.documents.id }).from(schema.documents)).toHaveLength(1);
  });

  it("stores an enterprise's document for its members only", async () => {
    const sme = await h.callerFor('sme');
    const meta = await sme.documents.upload({
      ownerType: 'enterprise',
      kind: 'other',
      filename: 'scan.png',
      mimeType: 'image/png',
      contentBase64: PNG_BYTES.toString('base64'),
    });
    expect((await sme.documents.get({ documentId: meta.id })).mimeType).toBe('image/png');
    for (const who of ['large', 'provider'] as const) {
      await expectRefusal((await h.callerFor(who)).documents.get({ documentId: meta.id }), 'NOT_FOUND');
    }
  });

  it("shares an order's evidence between its buyer and its provider, and nobody else", async () => {
    const sme = await h.callerFor('sme');
    const orderId = await buy(h, sme, H800, 8);
    const otherOrder = await buy(h, await h.callerFor('large'), AI_API, 10);
    const invoice = await sme.documents.upload({
      ownerType: 'order',
      orderId,
      kind: 'invoice',
      filename: 'fapiao.pdf',
      mimeType: 'application/pdf',
      contentBase64: PDF_BYTES.toString('base64'),
    });
    const provider = await h.callerFor('provider');
    const delivery = await provider.documents.upload({
      ownerType: 'order',
      orderId,
      kind: 'delivery_record',
      filename: 'usage.pdf',
      mimeType: 'application/pdf',
      contentBase64: PDF_BYTES.toString('base64'),
    });
    expect(invoice.ownerId).toBe(orderId);
    expect((await provider.documents.get({ documentId: invoice.id })).kind).toBe('invoice');
    expect((await sme.documents.get({ documentId: delivery.id })).kind).toBe('delivery_record');
    for (const who of ['vendor', 'large'] as const) {
      await expectRefusal((await h.callerFor(who)).documents.get({ documentId: invoice.id }), 'NOT_FOUND');
    }
    const before = await marketSnapshot(h);
    // Orders of someone else: not found.
    await expectRefusal(
      provider.documents.upload({ ownerType: 'order', orderId: otherOrder, ...pdf() }),
      'NOT_FOUND',
      'order_not_found',
    );
    await expectRefusal(
      sme.documents.upload({ ownerType: 'order', orderId: otherOrder, ...pdf() }),
      'NOT_FOUND',
      'order_not_found',
    );
    await expectRefusal(sme.documents.upload({ ownerType: 'order', ...pdf() }), 'BAD_REQUEST');
    await expectRefusal(sme.documents.upload({ ownerType: 'enterprise', orderId, ...pdf() }), 'BAD_REQUEST');
    expect(await marketSnapshot(h)).toEqual(before);
  });

  it('refuses wrong owners, types, encodings and sizes, and stores nothing', async () => {
    const sme = await h.callerFor('sme');
    const provider = await h.callerFor('provider');
    const before = await marketSnapshot(h);
    await expectRefusal(
      sme.documents.upload({ ownerType: 'provider', ...pdf() }),
      'FORBIDDEN',
      'document_owner_not_allowed',
    );
    await expectRefusal(
      provider.documents.upload({ ownerType: 'enterprise', ...pdf() }),
      'FORBIDDEN',
      'document_owner_not_allowed',
    );
    // Staff read evidence; they file none.
    await expectRefusal(
      (await h.callerFor('admin')).documents.upload({ ownerType: 'provider', ...pdf() }),
      'FORBIDDEN',
    );
    const loner = await newUser(h, 'loner@compute.cn', 'provider');
    await expectRefusal(
      loner.caller.documents.upload({ ownerType: 'provider', ...pdf() }),
      'PRECONDITION_FAILED',
      'no_provider',
    );
    // A PNG that says it is a PDF.
    await expectRefusal(
      provider.documents.upload({
        ownerType: 'provider',
        ...pdf(),
        contentBase64: PNG_BYTES.toString('base64'),
      }),
      'BAD_REQUEST',
      'document_type_mismatch',
    );
    await expectRefusal(
      provider.documents.upload({ ownerType: 'provider', ...pdf(), mimeType: 'image/gif' as never }),
      'BAD_REQUEST',
    );
    await expectRefusal(
      provider.documents.upload({ ownerType: 'provider', ...pdf(), contentBase64: 'JVBER!!i0xLjQ=' }),
      'BAD_REQUEST',
      'document_not_base64',
    );
    await expectRefusal(
      provider.documents.upload({ ownerType: 'provider', ...pdf(), contentBase64: '====' }),
      'BAD_REQUEST',
    );
    await expectRefusal(
      provider.documents.upload({ ownerType: 'provider', ...pdf(), filename: '../' }),
      'BAD_REQUEST',
    );
    await expectRefusal(
      provider.documents.upload({ ownerType: 'provider', ...pdf(), kind: 'selfie' as never }),
      'BAD_REQUEST',
    );
    // One byte over 10 MB.
    const tooBig = Buffer.alloc(MAX_DOCUMENT_BYTES + 1);
    PDF_BYTES.copy(tooBig);
    await expectRefusal(
      provider.documents.upload({
        ownerType: 'provider',
        ...pdf(),
        contentBase64: tooBig.toString('base64'),
      }),
      'PAYLOAD_TOO_LARGE',
      'document_too_large',
    );
    expect(await marketSnapshot(h)).toEqual(before);
  });

  it('accepts a document of exactly 10 MB', async () => {
    const exact = Buffer.alloc(MAX_DOCUMENT_BYTES, 0x20);
    PDF_BYTES.copy(exact);
    const provider = await h.callerFor('provider');
    const meta = await provider.documents.upload({
      ownerType: 'provider',
      ...pdf('big.pdf'),
      contentBase64: exact.toString('base64'),
    });
    expect(meta.sizeBytes).toBe(MAX_DOCUMENT_BYTES);
    const read = await provider.documents.get({ documentId: meta.id });
    expect(createHash('sha256').update(Buffer.from(read.contentBase64, 'base64')).digest('hex')).toBe(
      meta.sha256,
    );
  });
});
