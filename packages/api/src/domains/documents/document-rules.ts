import { createHash } from 'node:crypto';
import { schema } from '@nanshan/db';
import { domainError } from '../../errors';

export const DOCUMENT_OWNER_TYPES = ['provider', 'enterprise', 'order'] as const;
export type DocumentOwnerType = (typeof DOCUMENT_OWNER_TYPES)[number];

/**
 * What a document is: the filing materials of the Art. 9 notice (application form, business licence, tax
 * certificate, social-insurance proof, proof of owned equipment), any other evidence for a checklist item, and the
 * evidence a reviewer expects with an order (contract, proof of payment, 发票, delivery or usage record).
 */
export const DOCUMENT_KINDS = [
  'application_form',
  'business_licence',
  'tax_certificate',
  'social_insurance',
  'equipment_proof',
  'filing_evidence',
  'contract',
  'payment_proof',
  'invoice',
  'delivery_record',
  'related_party_declaration',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_MIME_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type DocumentMimeType = (typeof DOCUMENT_MIME_TYPES)[number];

/** 10 MB, the limit the database enforces too (`document_size`). */
export const MAX_DOCUMENT_BYTES = schema.MAX_DOCUMENT_BYTES;

/** Base64 of the largest document, plus slack: longer input is refused by validation before it is decoded. */
export const MAX_BASE64_CHARS = Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4 * 2;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Each type's leading bytes: a file is stored only if its content is what its type says. */
const SIGNATURES: Record<DocumentMimeType, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

/**
 * Decodes and checks an upload: strict base64 (Node's decoder would silently skip bad characters), not empty, at
 * most 10 MB, and content that matches the declared type. Returns the bytes and their SHA-256.
 */
export function decodeDocument(contentBase64: string, mimeType: DocumentMimeType) {
  const text = contentBase64.replace(/\s+/g, '');
  if (text.length % 4 !== 0 || !BASE64.test(text)) throw domainError('document_not_base64', 'BAD_REQUEST');
  // The decoded size is known before decoding: 3 bytes per 4 characters, less the padding.
  const size = (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
  if (size > MAX_DOCUMENT_BYTES) throw domainError('document_too_large', 'PAYLOAD_TOO_LARGE');
  if (size === 0) throw domainError('document_empty', 'BAD_REQUEST');
  const content = Buffer.from(text, 'base64');
  const signature = SIGNATURES[mimeType];
  if (content.length < signature.length || signature.some((b, i) => content[i] !== b)) {
    throw domainError('document_type_mismatch', 'BAD_REQUEST');
  }
  return { content, sizeBytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}

/** A file name as shown back to people: no directories, no control characters. */
export function cleanFilename(filename: string): string {
  const printable = [...filename].filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f).join('');
  return (printable.split(/[\\/]/).pop() ?? '').trim();
}
