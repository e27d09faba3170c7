/**
 * Which Lambda answers which path (API Gateway matches paths, not hosts): plain data, read by the stack
 * (infra/constructs/http-api.ts) and the bench. `{proxy+}` is everything below. A path listed for an audience
 * must be answered by that audience's groups exactly as by the whole app (test/unit/audiences.test.ts); every
 * other path (login, invites, the live token, the OpenAPI document, health) goes to `http`, the whole app.
 */
export const audienceFunctions = {
  /** audiences/citizen.ts: the MPP's public site and the platform's landing page. */
  citizen: [
    '/',
    '/ambil',
    '/cari',
    '/janji',
    '/janji/{proxy+}',
    '/layanan/{proxy+}',
    '/layanan-bergerak',
    '/pengaduan',
    '/pengaduan/{proxy+}',
    '/permohonan',
    '/permohonan/{proxy+}',
    '/tiket/{proxy+}',
    '/logo',
    '/logo.svg',
    '/warga',
    '/warga/{proxy+}',
    '/api/tenant',
    '/api/agencies',
    '/api/services',
    '/api/tickets',
    '/api/tickets/{proxy+}',
    '/api/appointments',
    '/api/appointments/{proxy+}',
    '/api/satisfaction',
    '/api/complaints',
    '/api/complaints/{proxy+}',
    '/api/service-requests/{proxy+}',
    '/api/citizen/{proxy+}',
  ],
  /** audiences/staff.ts: officers, admins and the devices they arm. */
  staff: [
    '/staf',
    '/staf/{proxy+}',
    '/admin/{proxy+}',
    '/kios',
    '/kios/{proxy+}',
    '/layar',
    '/api/admin/{proxy+}',
    '/api/board',
    '/api/counters',
    '/api/counters/{proxy+}',
    '/api/staff/{proxy+}',
  ],
  /** audiences/platform.ts: the ministry and regencies applying. */
  platform: [
    '/kementerian',
    '/kementerian/{proxy+}',
    '/daftar',
    '/daftar/{proxy+}',
    '/api/applications',
    '/api/applications/{proxy+}',
    '/api/stats',
    '/api/stats/{proxy+}',
    '/api/tenants',
    '/api/tenants/{proxy+}',
    '/api/ministry/{proxy+}',
    '/api/regencies',
    '/api/subdomains/{proxy+}',
    '/api/mail',
    '/api/mail/{proxy+}',
  ],
} as const satisfies Record<string, readonly string[]>

export type Audience = keyof typeof audienceFunctions

/**
 * The function API Gateway sends a path to: a route without `{proxy+}` matching it whole first, then the
 * `{proxy+}` route with the longest prefix, then `http` (the `$default` route).
 */
export const functionForPath = (path: string): Audience | 'http' => {
  let best: { audience: Audience; length: number } | undefined
  for (const [audience, routes] of Object.entries(audienceFunctions) as [Audience, readonly string[]][])
    for (const route of routes) {
      if (route === path) return audience
      const prefix = route.endsWith('/{proxy+}') ? route.slice(0, -'{proxy+}'.length) : undefined
      if (
        prefix &&
        path.startsWith(prefix) &&
        path.length > prefix.length &&
        prefix.length > (best?.length ?? 0)
      )
        best = { audience, length: prefix.length }
    }
  return best?.audience ?? 'http'
}
