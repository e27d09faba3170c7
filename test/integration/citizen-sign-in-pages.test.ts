import { listOutbox } from '@mpp/db/outbox-repository'
import { en } from '@mpp/web/i18n/en'
import { id } from '@mpp/web/i18n/id'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { createTestApp, type TestApp, tenants } from '../support/test-app'

const host = tenants.lubuklinggau.host
let t: TestApp
const clock = createClock()

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
})

const post = (form: Record<string, string>, cookie?: string) =>
  t.request(host, '/warga/masuk', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: `http://${host}`,
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(form).toString(),
  })

const phoneCode = async (e164: string) => {
  const message = (await listOutbox(t.db, tenants.lubuklinggau.id)).find((m) => m.to === e164)
  return /\b(\d{6})\b/.exec(message?.text ?? '')?.[1] ?? ''
}

describe("the citizen's sign-in page", () => {
  it('asks for an address, in Indonesian first and English on request', async () => {
    const page = await (await t.request(host, '/warga/masuk')).text()
    expect(page).toContain(id.citizenSignIn.title)
    expect(page).toContain('<label for="alamat">')
    expect(page).toContain('name="viewport"')
    expect(page).not.toContain('name="kode"')
    expect(await (await t.request(host, '/warga/masuk?lang=en')).text()).toContain(en.citizenSignIn.title)
  })

  it('keeps what was typed when the address is refused, and says why beside the field', async () => {
    const res = await post({ alamat: 'budi di rumah' })
    expect(res.status).toBe(400)
    const page = await res.text()
    expect(page).toContain('value="budi di rumah"')
    expect(page).toContain(id.issues.emailOrPhone)
    expect(page).toMatch(/aria-invalid="true"/)
    expect(page).toMatch(/aria-describedby="alamat-error/)
  })

  it('sends a code, keeps a wrong one typed with the reason, signs in with the right one, and signs out', async () => {
    const asked = await post({ alamat: '0812-3456-7100' })
    expect(asked.status).toBe(200)
    const step2 = await asked.text()
    expect(step2).toContain(id.citizenSignIn.codeSent('0812••••7100', 10))
    expect(step2).toContain('name="kode"')
    expect(step2).toContain('value="0812-3456-7100"')

    const code = await phoneCode('+6281234567100')
    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const wrong = await post({ alamat: '0812-3456-7100', terkirim: '0812••••7100', kode: wrongCode })
    expect(wrong.status).toBe(401)
    const wrongPage = await wrong.text()
    expect(wrongPage).toContain(`${id.errors.sign_in_code_invalid} ${id.citizenSignIn.triesLeft(4)}`)
    expect(wrongPage).toContain(`value="${wrongCode}"`)

    const notDigits = await post({ alamat: '0812-3456-7100', terkirim: '0812••••7100', kode: '12a' })
    expect(notDigits.status).toBe(400)
    expect(await notDigits.text()).toContain(id.issues.sixDigits)

    // A new code on request replaces the last one (a minute later, so the outbox orders them).
    clock.advanceMinutes(1)
    const resent = await post({
      alamat: '0812-3456-7100',
      terkirim: '0812••••7100',
      kode: '',
      kirimUlang: 'ya',
    })
    expect(resent.status).toBe(200)
    const newCode = await phoneCode('+6281234567100')
    const stale = await post({ alamat: '0812-3456-7100', terkirim: '0812••••7100', kode: code })
    expect(stale.status).toBe(401)
    expect(await stale.text()).toContain(id.citizenSignIn.triesLeft(4))

    const ok = await post({ alamat: '0812-3456-7100', terkirim: '0812••••7100', kode: newCode })
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).toBe('/warga')
    const cookie =
      (ok.headers.getSetCookie().find((c) => c.startsWith('mpp_citizen=')) ?? '').split(';')[0] ?? ''
    const home = await t.request(host, '/warga', { headers: { cookie } })
    expect(await home.text()).toContain(id.citizenSignIn.signedIn('+6281234567100'))
    // Signed in, the sign-in form sends the citizen to their page.
    expect((await t.request(host, '/warga/masuk', { headers: { cookie } })).headers.get('location')).toBe(
      '/warga',
    )

    const out = await t.request(host, '/warga/keluar', {
      method: 'POST',
      headers: { cookie, origin: `http://${host}` },
    })
    expect(out.status).toBe(303)
    const after = await t.request(host, '/warga', { headers: { cookie } })
    expect(after.status).toBe(303)
    expect(after.headers.get('location')).toBe('/warga/masuk')
  })

  it('says when to try again past the limit, keeping the address', async () => {
    for (let i = 0; i < 3; i++) await post({ alamat: 'sibuk@contoh.id' })
    const res = await post({ alamat: 'sibuk@contoh.id' })
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBeTruthy()
    expect(await res.text()).toContain('value="sibuk@contoh.id"')
  })

  it('exists only on an MPP host', async () => {
    expect((await t.request('localhost', '/warga/masuk')).status).toBe(404)
  })
})
