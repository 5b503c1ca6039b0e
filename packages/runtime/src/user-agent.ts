/**
 * The `User-Agent` a certkit client sends: the caller's own product token first (when given), then the package
 * and version, so a provider's support can tell which client and release made a call.
 */
export function buildUserAgent(packageName: string, packageVersion: string, callerUserAgent?: string): string {
  const own = `${packageName}/${packageVersion}`;
  return callerUserAgent ? `${callerUserAgent} ${own}` : own;
}
