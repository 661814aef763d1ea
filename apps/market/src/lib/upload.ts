import superjson, { type SuperJSONResult } from 'superjson';

/**
 * Uploads go through the same tRPC procedure as everything else (`documents.upload`, base64 in JSON), but by
 * XMLHttpRequest rather than fetch: only XHR reports upload progress, and a 10 MB file over a slow line needs a
 * progress bar. The request is exactly what tRPC's HTTP link sends for one mutation (`{ json }` via superjson), and a
 * failure is handed back in the shape `ErrorNotice` reads (`data.code`, `data.reason`, `data.zodIssues`).
 */
export class UploadError extends Error {
  constructor(
    readonly data:
      | { code: string; httpStatus?: number; reason?: string | null; zodIssues?: unknown }
      | undefined,
  ) {
    super(data?.reason ?? data?.code ?? 'upload_failed');
    this.name = data ? 'UploadError' : 'TypeError';
  }
}

export function postMutationWithProgress<TOutput>(
  path: string,
  input: unknown,
  onProgress: (fraction: number) => void,
): Promise<TOutput> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/trpc/${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new UploadError(undefined));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        reject(new UploadError({ code: 'INTERNAL_SERVER_ERROR', httpStatus: xhr.status }));
        return;
      }
      const envelope = body as {
        result?: { data?: SuperJSONResult };
        error?: { json?: { data?: UploadError['data'] } };
      };
      if (xhr.status < 300 && envelope.result?.data) {
        onProgress(1);
        resolve(superjson.deserialize(envelope.result.data) as TOutput);
        return;
      }
      reject(
        new UploadError(
          envelope.error?.json?.data ?? { code: 'INTERNAL_SERVER_ERROR', httpStatus: xhr.status },
        ),
      );
    };
    xhr.send(JSON.stringify(superjson.serialize(input)));
  });
}

/** A file's bytes as base64, reading it with progress (a large scan can take a moment). */
export function readFileAsBase64(file: Blob, onProgress?: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
    };
    reader.onerror = () => reject(reader.error ?? new Error('read_failed'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
