/** Only same-app paths may be a post-sign-in destination (no `//evil.example` or absolute URLs). */
export function safeNextPath(value: string | null | undefined, fallback = '/'): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  return value;
}
