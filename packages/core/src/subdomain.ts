import { z } from 'zod'
import { rule } from './issue-rules'

/** Names that belong to the platform itself and can never be a tenant's subdomain. */
export const reservedSubdomains: ReadonlySet<string> = new Set([
  'www',
  'api',
  'admin',
  'static',
  'assets',
  'cdn',
  // origin.{rootDomain} is the HTTP API's own domain name, CloudFront's origin (infra/custom-domain.ts).
  'origin',
  'app',
  'mail',
  'smtp',
  'ftp',
  'status',
  'docs',
  'help',
  'support',
  'blog',
  'dev',
  'test',
  'staging',
  'login',
  'auth',
  'kementerian',
  'panrb',
  'menpan',
  'ministry',
  'platform',
  'mpp',
  'localhost',
])

export const subdomain = z
  .string()
  .min(3)
  .max(40)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, rule('slug'))
  .refine((s) => !reservedSubdomains.has(s), rule('reservedSubdomain'))
