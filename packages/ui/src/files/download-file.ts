/** A file as the API sends it: tRPC carries JSON, so binary content travels as base64. */
export interface Base64File {
  filename: string;
  mimeType: string;
  contentBase64: string;
}

/** Base64 text as bytes (atob gives one char per byte). */
export function base64ToBytes(contentBase64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves a file from the API through a temporary object URL (no pop-up, works on plain-http hosts). */
export function downloadBase64File(file: Base64File): void {
  const blob = new Blob([base64ToBytes(file.contentBase64)], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
