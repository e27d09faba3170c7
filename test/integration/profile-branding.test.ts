import { deflateSync } from 'node:zlib'
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { keys } from '@mpp/db/keys'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, loginCookie, type TestApp, tenants } from '../support/test-app'
import { tenantSnapshot } from '../support/test-db'

const { host, id: tenantId } = tenants.lubuklinggau
let t: TestApp
let admin: string

beforeAll(async () => {
  t = await createTestApp()
  admin = await loginCookie(t, host, 'admin@lubuklinggau.test')
})

const send = async (method: string, path: string, body?: BodyInit, contentType?: string, lang?: string) => {
  const res = await t.request(host, `${path}${lang ? `?lang=${lang}` : ''}`, {
    method,
    headers: { cookie: admin, origin: `http://${host}`, ...(contentType && { 'content-type': contentType }) },
    body,
  })
  const text = await res.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return {
    status: res.status,
    headers: res.headers,
    text, // biome-ignore lint/suspicious/noExplicitAny: the tests read whatever JSON came back
    json: json as Record<string, any>,
  }
}
const putJson = (path: string, body: unknown, lang?: string) =>
  send('PUT', path, JSON.stringify(body), 'application/json', lang)
const putLogo = (body: BodyInit, type: string) => send('PUT', '/api/admin/logo', body, type)

const profile = {
  name: 'Mal Pelayanan Publik Kota Lubuklinggau',
  tagline: 'Melayani dengan sepenuh hati',
  address: 'Jl. Garuda No. 1, Kelurahan Kayu Ara, Lubuklinggau Barat I',
  mapUrl: 'https://www.openstreetmap.org/#map=17/-3.29/102.86',
  phone: '0733-123456',
  email: 'mpp@lubuklinggaukota.go.id',
  branding: { primary: '#0b5cab', accent: '#b45309' },
}

const logoItem = async () =>
  (await t.db.doc.send(new GetCommand({ TableName: t.db.tableName, Key: keys.logo(tenantId) }))).Item

/** A valid PNG of `size` x `size` pixels, optionally padded with a text chunk to reach `padTo` bytes. */
const png = (size = 2, padTo = 0) => {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff
    for (const b of bytes) c = (table[(c ^ b) & 0xff] as number) ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), body.length + 4)
    return out
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const raw = Buffer.alloc(size * (1 + size * 3), 0x80)
  for (let y = 0; y < size; y++) raw[y * (1 + size * 3)] = 0
  const parts = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
  ]
  const length = parts.reduce((n, p) => n + p.length, 0) + 12
  if (padTo > length) parts.push(chunk('tEXt', Buffer.alloc(padTo - length - 12, 0x61)))
  parts.push(chunk('IEND', Buffer.alloc(0)))
  return Buffer.concat(parts)
}

const cleanSvg = `<?xml version="1.0" encoding="UTF-8"?>
<!-- made by hand -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 64 64">
  <title>Logo MPP</title>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#0b5cab"/><stop offset="1" stop-color="#b45309"/></linearGradient></defs>
  <style>.ring { stroke: url(#g); fill: none }</style>
  <circle class="ring" cx="32" cy="32" r="28" stroke-width="6"/>
  <rect x="20" y="20" width="24" height="24" fill="url(#g)"/>
  <use xlink:href="#g"/>
  <text x="32" y="38" text-anchor="middle" font-size="12">LLG</text>
</svg>`

describe('profile and branding (JSON)', () => {
  it('reads the profile with the contrast each colour reaches', async () => {
    const res = await send('GET', '/api/admin/profile')
    expect(res.status).toBe(200)
    expect(res.json.name).toContain('Lubuklinggau')
    expect(res.json.contrast.map((c: { field: string }) => c.field)).toEqual(['primary', 'accent'])
    // The demo's dark gold accent (#b07d00) is visible as a focus outline on white.
    expect(res.json.contrast).toEqual([
      { field: 'primary', against: '#ffffff', ratio: 6.25, minimum: 4.5, ok: true },
      { field: 'accent', against: '#ffffff', ratio: 3.63, minimum: 3, ok: true },
    ])
  })

  it('saves the profile; the site and the directory show it at once', async () => {
    const res = await putJson('/api/admin/profile', profile)
    expect(res.status, res.text).toBe(200)
    expect(res.json).toMatchObject({ ...profile, logoUrl: null })

    const home = await (await t.request(host, '/')).text()
    expect(home).toContain('--brand:#0b5cab;--accent:#b45309')
    expect(home).toContain('Melayani dengan sepenuh hati')
    const tenant = await (await t.request(host, '/api/tenant')).json()
    expect(tenant).toMatchObject(profile)

    // Optional fields left out are removed.
    const { tagline: _, phone: __, ...rest } = profile
    expect((await putJson('/api/admin/profile', rest)).status).toBe(200)
    const after = await (await t.request(host, '/api/tenant')).json()
    expect(after.tagline).toBeUndefined()
    expect(after.phone).toBeUndefined()
    expect(after.email).toBe(profile.email)
  })

  it('refuses colours below WCAG AA, naming the measured ratio, and writes nothing', async () => {
    const before = await tenantSnapshot(t.db, tenantId)
    const res = await putJson('/api/admin/profile', {
      ...profile,
      branding: { primary: '#777777', accent: '#dddddd' },
    })
    expect(res.status).toBe(400)
    expect(res.json.error.code).toBe('invalid_request')
    const details = res.json.error.details as {
      path: string
      message: string
      ratio: number
      minimum: number
    }[]
    expect(details.map((d) => d.path)).toEqual(['branding.primary', 'branding.accent'])
    // #777777 reads best with white (4.48:1), just under 4.5; #dddddd on white is 1.35:1.
    expect(details[0]).toMatchObject({ ratio: 4.47, minimum: 4.5, against: '#ffffff' })
    expect(details[0]?.message).toContain('4,47:1')
    expect(details[0]?.message).toContain('4,5:1')
    expect(details[1]).toMatchObject({ ratio: 1.35, minimum: 3 })
    expect(await tenantSnapshot(t.db, tenantId)).toEqual(before)

    const en = await putJson(
      '/api/admin/profile',
      { ...profile, branding: { primary: '#777777', accent: '#0b5cab' } },
      'en',
    )
    expect(en.json.error.details[0].message).toContain('4.47:1')
  })

  it('takes a light primary colour that reads with dark text', async () => {
    const res = await putJson('/api/admin/profile', {
      ...profile,
      branding: { primary: '#f2b705', accent: '#0b5cab' },
    })
    expect(res.status, res.text).toBe(200)
    expect(res.json.contrast[0]).toMatchObject({ against: '#111111', ok: true })
    expect(await (await t.request(host, '/')).text()).toContain('--on-brand:#111111')
    expect((await putJson('/api/admin/profile', profile)).status).toBe(200)
  })

  it('refuses a map link that is not https, and unknown fields', async () => {
    const http = await putJson('/api/admin/profile', { ...profile, mapUrl: 'http://maps.example/x' })
    expect(http.status).toBe(400)
    expect(http.json.error.details[0].path).toBe('mapUrl')
    const js = await putJson('/api/admin/profile', { ...profile, mapUrl: 'javascript:alert(1)' })
    expect(js.status).toBe(400)
    const extra = await putJson('/api/admin/profile', { ...profile, stage: 'live' })
    expect(extra.status).toBe(400)
    const colour = await putJson('/api/admin/profile', {
      ...profile,
      branding: { primary: 'blue', accent: '#000000' },
    })
    expect(colour.status).toBe(400)
  })
})

describe('logo upload', () => {
  it('stores a clean SVG re-serialised and serves it sandboxed at a versioned address', async () => {
    const res = await putLogo(cleanSvg, 'image/svg+xml')
    expect(res.status, res.text).toBe(200)
    expect(res.json.contentType).toBe('image/svg+xml')
    expect(res.json.url).toMatch(/^\/logo\?v=[0-9a-z]+$/)

    const stored = await logoItem()
    expect(stored?.svg).toContain('<circle class="ring"')
    expect(stored?.svg).not.toContain('<?xml')
    expect(stored?.svg).not.toContain('made by hand')

    // Pages link the new version at once.
    const home = await (await t.request(host, '/')).text()
    expect(home).toContain(`src="${res.json.url}"`)
    for (const path of [res.json.url, '/logo.svg']) {
      const served = await t.request(host, path)
      expect(served.status).toBe(200)
      expect(served.headers.get('content-type')).toBe('image/svg+xml')
      expect(served.headers.get('content-security-policy')).toContain('sandbox')
      expect(served.headers.get('content-security-policy')).toContain("default-src 'none'")
      expect(await served.text()).toBe(stored?.svg)
    }
    expect((await send('GET', '/api/admin/profile')).json.logoUrl).toBe(res.json.url)
  })

  const unsafe: [string, string, string][] = [
    [
      'a script',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script><rect width="1" height="1"/></svg>',
      'script',
    ],
    [
      'an onload attribute',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
      'event_handler',
    ],
    [
      'a foreignObject',
      '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>',
      'foreign_object',
    ],
    [
      'an external xlink:href',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="https://evil.example/x.svg#a"/></svg>',
      'external_reference',
    ],
    [
      'a DOCTYPE with an ENTITY',
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&lol2;</text></svg>',
      'doctype',
    ],
    [
      'an external url() in CSS',
      '<svg xmlns="http://www.w3.org/2000/svg"><style>rect { fill: url(https://evil.example/p.svg#x) }</style><rect width="1" height="1"/></svg>',
      'unsafe_style',
    ],
    [
      'an @import in a style attribute',
      '<svg xmlns="http://www.w3.org/2000/svg"><rect style="@import \'https://evil.example/x.css\'" width="1" height="1"/></svg>',
      'unsafe_style',
    ],
    [
      'an iframe',
      '<svg xmlns="http://www.w3.org/2000/svg"><iframe src="https://evil.example"/></svg>',
      'embedded_document',
    ],
    [
      'an element outside the allow-list',
      '<svg xmlns="http://www.w3.org/2000/svg"><a href="#x"><rect width="1" height="1"/></a></svg>',
      'element',
    ],
    [
      'an animation that rewrites a link',
      '<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" to="javascript:alert(1)"/></svg>',
      'element',
    ],
    [
      'a javascript: href',
      '<svg xmlns="http://www.w3.org/2000/svg"><image href="javascript:alert(1)"/></svg>',
      'external_reference',
    ],
    ['HTML, not SVG', '<html><body>hello</body></html>', 'not_svg'],
    ['broken XML', '<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>', 'malformed'],
  ]

  it.each(unsafe)('refuses an SVG with %s, with the reason, and stores nothing', async (_, svg, reason) => {
    const before = await tenantSnapshot(t.db, tenantId)
    const res = await putLogo(svg, 'image/svg+xml')
    expect(res.status, res.text).toBe(400)
    expect(res.json.error.code).toBe('unsafe_svg')
    expect(res.json.error.details.reason).toBe(reason)
    expect(res.json.error.details.message.length).toBeGreaterThan(5)
    expect(await tenantSnapshot(t.db, tenantId)).toEqual(before)
  })

  it('accepts a PNG and serves it as a PNG, also at the old address', async () => {
    const file = png(4)
    const res = await putLogo(file, 'image/png')
    expect(res.status, res.text).toBe(200)
    expect(res.json.contentType).toBe('image/png')
    for (const path of [res.json.url, '/logo.svg']) {
      const served = await t.request(host, path)
      expect(served.headers.get('content-type')).toBe('image/png')
      expect(Buffer.from(await served.arrayBuffer()).equals(file)).toBe(true)
    }
    expect(await (await t.request(host, '/')).text()).toContain(`src="${res.json.url}"`)
  })

  it('refuses a PNG that is not one, a file over 200 KB, and other types', async () => {
    const before = await tenantSnapshot(t.db, tenantId)
    const fake = await putLogo(Buffer.from('GIF89a not a png at all, really not'), 'image/png')
    expect(fake.status).toBe(400)
    expect(fake.json.error).toMatchObject({ code: 'invalid_logo', details: { reason: 'signature' } })
    const cut = await putLogo(png(4).subarray(0, 60), 'image/png')
    expect(cut.status).toBe(400)

    const big = png(4, 200 * 1024 + 1)
    expect(big.length).toBe(200 * 1024 + 1)
    const tooLarge = await putLogo(big, 'image/png')
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.json.error).toMatchObject({ code: 'file_too_large', details: { maxBytes: 204800 } })
    // Just under the limit passes the size check (and is a valid PNG).
    expect((await putLogo(png(4, 200 * 1024), 'image/png')).status).toBe(200)

    const gif = await putLogo(Buffer.from('GIF89a'), 'image/gif')
    expect(gif.status).toBe(415)
    expect(gif.json.error.code).toBe('invalid_logo')
    const after = await tenantSnapshot(t.db, tenantId)
    // Only the accepted PNG changed anything: the logo and the tenant's logo version.
    expect(after.length).toBe(before.length)
  })

  it('removes the logo; the site links the old address again, which draws a plain mark in its colour', async () => {
    expect((await send('DELETE', '/api/admin/logo')).status).toBe(204)
    expect(await logoItem()).toBeUndefined()
    const mark = await t.request(host, '/logo')
    expect(mark.status).toBe(200)
    expect(mark.headers.get('content-type')).toBe('image/svg+xml')
    expect(mark.headers.get('content-security-policy')).toContain('sandbox')
    const svg = await mark.text()
    expect(svg).toContain('>MPP</text>')
    expect(svg).toMatch(/<rect [^>]*fill="#[0-9a-f]{6}"/i)
    expect(await (await t.request(host, '/')).text()).toContain('src="/logo.svg"')
    expect((await send('DELETE', '/api/admin/logo')).status).toBe(404)
  })
})

describe('the profile page', () => {
  const postForm = async (path: string, body: FormData | URLSearchParams) => {
    const res = await t.request(host, path, {
      method: 'POST',
      headers: { cookie: admin, origin: `http://${host}` },
      body,
    })
    return { status: res.status, location: res.headers.get('location'), html: await res.text() }
  }

  const fields = (over: Record<string, string> = {}) =>
    new URLSearchParams({
      name: profile.name,
      tagline: profile.tagline,
      address: profile.address,
      mapUrl: profile.mapUrl,
      phone: profile.phone,
      email: profile.email,
      primary: profile.branding.primary,
      primaryPicker: profile.branding.primary,
      accent: profile.branding.accent,
      accentPicker: profile.branding.accent,
      ...over,
    })

  it('shows the form with the contrast of the saved colours, and is linked from the staff workspace', async () => {
    const res = await t.request(host, '/admin/profil', { headers: { cookie: admin } })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('type="color"')
    expect(html).toContain('id="primary-contrast"')
    expect(html).toContain('enctype="multipart/form-data"')
    expect(html).not.toMatch(/\sstyle="/)
    const home = await (await t.request(host, '/staf', { headers: { cookie: admin } })).text()
    expect(home).toContain('href="/admin/profil"')
    expect(home).toContain('href="/admin/staf"')
    const officer = await loginCookie(t, host, 'petugas@lubuklinggau.test')
    const officerHome = await (await t.request(host, '/staf', { headers: { cookie: officer } })).text()
    expect(officerHome).not.toContain('href="/admin/profil"')
  })

  it('saves and redirects; a refusal keeps what was typed and names the measured contrast', async () => {
    const ok = await postForm('/admin/profil', fields({ tagline: 'Cepat, mudah, terjangkau' }))
    expect(ok.status).toBe(303)
    expect(ok.location).toBe('/admin/profil?tersimpan')

    const refused = await postForm(
      '/admin/profil',
      fields({ name: 'MPP Kota Lubuklinggau Baru', primary: '#777777', tagline: 'Slogan yang diketik' }),
    )
    expect(refused.status).toBe(400)
    expect(refused.html).toContain('role="alert"')
    expect(refused.html).toContain('Warna utama: kontras 4,47:1')
    expect(refused.html).toContain('value="MPP Kota Lubuklinggau Baru"')
    expect(refused.html).toContain('value="Slogan yang diketik"')
    expect(refused.html).toContain('value="#777777"')
    expect((await (await t.request(host, '/api/tenant')).json()).name).toBe(profile.name)
  })

  it('takes the picked colour when the text box was left as it was', async () => {
    const res = await postForm('/admin/profil', fields({ primaryPicker: '#14532d' }))
    expect(res.status).toBe(303)
    expect((await (await t.request(host, '/api/tenant')).json()).branding.primary).toBe('#14532d')
  })

  it('uploads a logo from the form, and shows the reason an unsafe one is refused', async () => {
    const good = new FormData()
    good.set('logo', new File([cleanSvg], 'logo.svg', { type: 'image/svg+xml' }))
    const saved = await postForm('/admin/profil/logo', good)
    expect(saved.status).toBe(303)
    expect(saved.location).toBe('/admin/profil?logo')
    const page = await (await t.request(host, '/admin/profil?logo', { headers: { cookie: admin } })).text()
    expect(page).toContain('Logo tersimpan.')

    const bad = new FormData()
    bad.set('logo', new File(['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'], 'x.svg'))
    const refused = await postForm('/admin/profil/logo', bad)
    expect(refused.status).toBe(400)
    expect(refused.html).toContain('Atribut onload menjalankan skrip.')

    const none = new FormData()
    none.set('logo', new File([], ''))
    expect((await postForm('/admin/profil/logo', none)).status).toBe(400)

    const removed = await postForm('/admin/profil/logo/hapus', new URLSearchParams())
    expect(removed.location).toBe('/admin/profil?logo-dihapus')
  })
})
