import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { postMutationWithProgress, readFileAsBase64 } from '../../lib/upload';
import type { ValidationKey } from '../../lib/validation';
import { type AcceptedMimeType, acceptedMimeType, fileProblem } from './file-rules';

export type UploadProgress =
  | { phase: 'idle' }
  | { phase: 'reading'; fraction: number }
  | { phase: 'uploading'; fraction: number }
  | { phase: 'done' };

/**
 * One file to a tRPC upload procedure (`path`): refused before any byte is sent when its type, emptiness or size is
 * wrong (`fileError`), then read and posted with progress. `toInput` builds the procedure's input from the file.
 */
export function useFileUpload<TDocument>({
  path,
  toInput,
  onUploaded,
}: {
  path: string;
  toInput: (file: { filename: string; mimeType: AcceptedMimeType; contentBase64: string }) => unknown;
  onUploaded: (document: TDocument) => void;
}) {
  const [progress, setProgress] = useState<UploadProgress>({ phase: 'idle' });
  const [fileError, setFileError] = useState<ValidationKey | null>(null);
  const mutation = useMutation({
    mutationFn: async (file: File) => {
      const mimeType = acceptedMimeType(file);
      if (!mimeType) throw new Error('unreachable: checked before');
      setProgress({ phase: 'reading', fraction: 0 });
      const contentBase64 = await readFileAsBase64(file, (fraction) =>
        setProgress({ phase: 'reading', fraction }),
      );
      setProgress({ phase: 'uploading', fraction: 0 });
      return postMutationWithProgress<TDocument>(
        path,
        toInput({ filename: file.name, mimeType, contentBase64 }),
        (fraction) => setProgress({ phase: 'uploading', fraction }),
      );
    },
    onSuccess: (document) => {
      setProgress({ phase: 'done' });
      onUploaded(document);
    },
    onError: () => setProgress({ phase: 'idle' }),
  });

  function choose(file: File | null) {
    setFileError(null);
    mutation.reset();
    if (!file) return;
    const problem = fileProblem(file);
    if (problem) setFileError(problem);
    else mutation.mutate(file);
  }

  return {
    choose,
    progress,
    fileError,
    error: mutation.isError ? mutation.error : null,
    busy: progress.phase === 'reading' || progress.phase === 'uploading',
  };
}
