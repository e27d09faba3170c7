/** The address of a tenant's site, on the same scheme and port as the platform request. */
export const tenantUrl = (platformUrl: string, rootDomain: string, slug: string): string => {
  const url = new URL(platformUrl)
  return `${url.protocol}//${slug}.${rootDomain}${url.port ? `:${url.port}` : ''}/`
}
