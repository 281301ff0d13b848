/** Links in emails point at the app's pages, on the origin the request came in on. */
export function appLink(origin: string, path: '/verify-email' | '/reset-password/confirm' | '/accept-invite', token: string): string {
  const url = new URL(path, origin)
  url.searchParams.set('token', token)
  return url.toString()
}
