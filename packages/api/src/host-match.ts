import { subdomain } from '@mpp/core/subdomain'

export type HostMatch =
  | { kind: 'platform' }
  | { kind: 'www' }
  | { kind: 'tenant'; slug: string }
  | { kind: 'unknown' }

/** Reads which site a host name is for: the root domain, `www`, one valid label below it, or nothing of ours. */
export const matchHost = (hostname: string, rootDomain: string): HostMatch => {
  const host = hostname.toLowerCase()
  if (host === rootDomain) return { kind: 'platform' }
  if (!host.endsWith(`.${rootDomain}`)) return { kind: 'unknown' }
  const label = host.slice(0, -(rootDomain.length + 1))
  if (label === 'www') return { kind: 'www' }
  return subdomain.safeParse(label).success ? { kind: 'tenant', slug: label } : { kind: 'unknown' }
}
