import { describe, expect, it } from 'vitest';
import { acceptedMimeType, fileProblem, fileSizeText, MAX_FILE_BYTES } from './file-rules';

describe('file rules', () => {
  it('accepts PDF, PNG and JPEG up to 10 MB', () => {
    expect(fileProblem({ name: 'a.pdf', type: 'application/pdf', size: MAX_FILE_BYTES })).toBeNull();
    expect(fileProblem({ name: 'a.PNG', type: '', size: 10 })).toBeNull();
    expect(acceptedMimeType({ name: 'scan.JPG', type: '' })).toBe('image/jpeg');
  });
  it('refuses other types, empty files and files over 10 MB', () => {
    expect(fileProblem({ name: 'a.docx', type: 'application/msword', size: 10 })).toBe('validation.fileType');
    expect(fileProblem({ name: 'a.gif', type: '', size: 10 })).toBe('validation.fileType');
    expect(fileProblem({ name: 'a.pdf', type: 'application/pdf', size: 0 })).toBe('validation.fileEmpty');
    expect(fileProblem({ name: 'a.pdf', type: 'application/pdf', size: MAX_FILE_BYTES + 1 })).toBe(
      'validation.fileSize',
    );
  });
  it('writes sizes for people', () => {
    expect(fileSizeText(2_500_000)).toBe('2.4 MB');
    expect(fileSizeText(300)).toBe('1 KB');
  });
});
