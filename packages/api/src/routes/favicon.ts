import { Hono } from 'hono'
import type { AppEnv } from '../app-env'

/**
 * The platform's icon, 32 × 32 (a white "M" on the platform blue over a gold bar), as a one-image .ico holding
 * a PNG: 197 bytes, so it lives in the code rather than beside the built assets. Browsers ask every host for
 * /favicon.ico; a tenant's logo may be missing or large, so every host gets this one.
 */
const icon = Buffer.from(
  'AAABAAEAICAAAAEAIACvAAAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAgAAAAIAgGAAAAc3p69AAAAHZJREFUeNpjYMACuP27/tMCM+ADtLKUKMfQ23IMRwxKB6ADUg0nRj9e39PDAWBHEGsAsQ4hVd/QcwAuA0lVP/QcQKpFw9cB1JIf+g6ge0E06oBRB4w6YNQBdHcA3RqmuCQ21DJQFQ9eB4x2TAaFAwa8czqQ3XMALnUAyIKG7KEAAAAASUVORK5CYII=',
  'base64',
)

/** Answers on every host, before the site is resolved; cached for a week (an icon rarely changes). */
export const faviconRoute = () =>
  new Hono<AppEnv>().get('/favicon.ico', (c) => {
    c.header('Content-Type', 'image/x-icon')
    c.header('Cache-Control', 'public, max-age=604800')
    return c.body(new Uint8Array(icon))
  })
