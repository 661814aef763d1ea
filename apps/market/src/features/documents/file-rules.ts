import type { ValidationKey } from '../../lib/validation';

/** What the server stores as evidence: PDF, PNG or JPEG, at most 10 MB (`documents.upload`, `document_size`). */
export const ACCEPTED_MIME_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type AcceptedMimeType = (typeof ACCEPTED_MIME_TYPES)[number];
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const BY_EXTENSION: Record<string, AcceptedMimeType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** The file's type as the server names it; browsers sometimes leave `type` empty, so the extension decides then. */
export function acceptedMimeType(file: { name: string; type: string }): AcceptedMimeType | null {
  const declared = ACCEPTED_MIME_TYPES.find((m) => m === file.type);
  if (declared) return declared;
  if (file.type) return null;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? null;
}

/** Refuses a file before any byte is sent: wrong type, empty, or over 10 MB. */
export function fileProblem(file: { name: string; type: string; size: number }): ValidationKey | null {
  if (!acceptedMimeType(file)) return 'validation.fileType';
  if (file.size === 0) return 'validation.fileEmpty';
  return file.size > MAX_FILE_BYTES ? 'validation.fileSize' : null;
}

/** "2.4 MB" / "380 KB" for a byte count (a size, not money: rounding is fine here). */
export function fileSizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
