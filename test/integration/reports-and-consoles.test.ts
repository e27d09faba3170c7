import { listMail } from '@mpp/db/mail-repository'
import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { createTestApp, loginCookie, platformHost, type TestApp, tenants } from '../support/test-app'

let t: TestApp
let ministry: string
let admin: string
const clock = createClock('2026-11-23T02:00:00Z') // Monday 09:00 WIB
const newHost = 'bukittinggi.localhost'
let newAdmin: string
let applicationId: string

const post = async (host: string, path: string, fields: Record<string, string>, cookie = '') => {
  const res = await t.request(host, path, {
    method: 'POST',
    headers: { cookie, origin: `http://${host}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
  return { status: res.status, location: res.headers.get('location') ?? '', res }
}
const page = async (host: string, path: string, cookie: string) => {
  const res = await t.request(host, path, { headers: { cookie } })
  expect(res.status, path).toBe(200)
  return res.text()
}
/** A link from the newest mail that has one containing `part`. */
const mailedLink = async (part: string) => {
  const text = (await listMail(t.db)).map((m) => m.text).findLast((x) => x.includes(part)) ?? ''
  return new URL(new RegExp(`https?://\\S*${part}\\S+`).exec(text)?.[0] ?? 'http://x/')
}
/** The words a person sees: text outside tags, scripts and styles, plus labels read out (aria-label, alt, title). */
const visibleText = (html: string) => {
  const spoken = [...html.matchAll(/\s(?:aria-label|alt|title|placeholder)="([^"]*)"/g)].map((x) => x[1])
  const text = html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
  return `${text} ${spoken.join(' ')}`
}

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  // A regency applies and confirms its email on Monday; the ministry looks three days later.
  const filed = await post(platformHost, '/daftar', {
    regency: 'Kota Bukittinggi, Sumatera Barat (13.75)',
    subdomain: 'bukittinggi',
    name: 'Rahmat Hidayat',
    position: 'Kepala DPMPTSP',
    email: 'dpmptsp@bukittinggi.go.id',
    phone: '0752-21234',
    plannedAgencies: 'Disdukcapil\nDPMPTSP',
    plannedServices: 'KTP-el, KK, NIB',
    urgencyStudy:
      'Layanan kini tersebar di sembilan kantor; warga Bukittinggi datang berkali-kali untuk satu izin usaha.',
    commitment: 'yes',
  })
  expect(filed.status).toBe(303)
  const verify = await mailedLink('/daftar/verifikasi/')
  expect((await post(platformHost, verify.pathname, {})).status).toBeLessThan(400)
  clock.advanceMinutes(3 * 24 * 60 + 30)
  ministry = await loginCookie(t, platformHost, 'kementerian@panrb.test')
  admin = await loginCookie(t, tenants.lubuklinggau.host, 'admin@lubuklinggau.test')
}, 60_000)

describe("the ministry's landing", () => {
  it('lists the applications waiting for a decision, with how long each has waited', async () => {
    const html = await page(platformHost, '/kementerian', ministry)
    expect(html).toContain('1 permohonan menunggu keputusan')
    const row =
      /<tr><td><a href="\/kementerian\/permohonan\/([\w-]+)">Kota Bukittinggi<\/a><\/td>(.*?)<\/tr>/.exec(
        html,
      )
    expect(row, html).not.toBeNull()
    applicationId = row?.[1] as string
    expect(row?.[2]).toContain('Sumatera Barat')
    expect(row?.[2]).toContain('23 November 2026')
    expect(row?.[2]).toContain('3 hari')
    const en = await page(platformHost, '/kementerian?lang=en', ministry)
    expect(en).toContain('1 application waiting for a decision')
    expect(en).toContain('3 days')
  })

  it('says so when nothing waits, once the application is decided', async () => {
    const approved = await post(
      platformHost,
      `/kementerian/permohonan/${applicationId}/keputusan`,
      { action: 'approve', note: 'Lengkap' },
      ministry,
    )
    expect(approved.status).toBe(303)
    const html = await page(platformHost, '/kementerian?lang=id', ministry)
    expect(html).toContain('Tidak ada permohonan yang menunggu keputusan Kementerian saat ini.')
    expect(html).not.toContain(`/kementerian/permohonan/${applicationId}`)
  })
})

describe('coverage', () => {
  it('counts the new trial MPP as on the platform but not as serving citizens', async () => {
    const res = await t.request(platformHost, '/api/stats/national?from=2026-11&to=2026-11', {
      headers: { cookie: ministry },
    })
    const body = await res.json()
    // Four demo MPPs and the new one are open; nobody was served on the platform this month.
    expect(body.coverage).toMatchObject({ onPlatform: 5, serving: 0 })
    expect(body.coverage.stages).toMatchObject({ trial: 1 })
    const html = await page(platformHost, '/kementerian/statistik?from=2026-11&to=2026-11', ministry)
    expect(html).toContain(
      '5 dari 514 kabupaten/kota sudah membuka MPP di platform; 0 di antaranya melayani warga pada periode ini.',
    )
  })
})

describe("the ministry's words", () => {
  it('never says "tenant" to an official, in Indonesian or English', async () => {
    const paths = [
      '/kementerian',
      '/kementerian/permohonan',
      '/kementerian/permohonan?status=approved',
      `/kementerian/permohonan/${applicationId}`,
      '/kementerian/tenant/16.73',
      '/kementerian/tenant/13.75',
      '/kementerian/statistik?from=2026-11&to=2026-11',
      '/kementerian/statistik/16.73?from=2026-11&to=2026-11',
      '/kementerian/surat',
      '/kementerian/akun',
    ]
    for (const lang of ['id', 'en']) {
      for (const path of paths) {
        const html = await page(
          platformHost,
          `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`,
          ministry,
        )
        expect(html).toContain(`<html lang="${lang}"`)
        expect(visibleText(html), `${lang} ${path}`).not.toMatch(/tenant/i)
        // The ministry's menu marks the section it is in, once.
        const nav = /<nav aria-label="[^"]+" class="subnav">(.*?)<\/nav>/.exec(html)?.[1] ?? ''
        expect(nav.match(/aria-current="(page|true)"/g), `${lang} ${path}`).toHaveLength(1)
      }
    }
  })
})

describe("a new admin's first page", () => {
  beforeAll(async () => {
    const invite = await mailedLink('/undangan/')
    expect(invite.hostname).toBe('bukittinggi.localhost')
    const done = await post(newHost, invite.pathname, {
      name: 'Rahmat',
      password: 'kata-sandi-aman-1',
      confirm: 'kata-sandi-aman-1',
    })
    expect(done.location).toBe('/staf')
    newAdmin = (done.res.headers.getSetCookie()[0] ?? '').split(';')[0] as string
  })

  const steps = (html: string): Record<string, { done: boolean; href: string }> =>
    Object.fromEntries(
      [...html.matchAll(/<li class="setup-(done|open)" data-step="(\w+)"><a href="([^"]+)"/g)].map((x) => [
        x[2],
        { done: x[1] === 'done', href: x[3] },
      ]),
    )

  it('shows a setup checklist with every step open, each linking to its page', async () => {
    const html = await page(newHost, '/staf', newAdmin)
    expect(html).toContain('Persiapan MPP')
    expect(html).toContain('5 dari 5 langkah belum selesai')
    expect(steps(html)).toEqual({
      profile: { done: false, href: '/admin/profil' },
      services: { done: false, href: '/admin/katalog' },
      schedule: { done: false, href: '/admin/antrean#schedule' },
      queues: { done: false, href: '/admin/antrean' },
      staff: { done: false, href: '/admin/staf' },
    })
  })

  it('ticks a step once the data is there', async () => {
    const saved = await post(
      newHost,
      '/admin/antrean/jadwal',
      {
        mon: '08:00-16:00',
        tue: '08:00-16:00',
        wed: '08:00-16:00',
        thu: '08:00-16:00',
        fri: '08:00-11:30, 13:00-16:00',
        sat: '',
        sun: '',
        holidays: '2026-12-25 Hari Raya Natal',
      },
      newAdmin,
    )
    expect(saved.status).toBe(303)
    const html = await page(newHost, '/staf', newAdmin)
    expect(steps(html).schedule?.done).toBe(true)
    expect(steps(html).services?.done).toBe(false)
    expect(html).toContain('4 dari 5 langkah belum selesai')
  })

  it('says setup is complete for an MPP that has done every step, and not once its phone is gone', async () => {
    const host = tenants.lubuklinggau.host
    const before = await page(host, '/staf', admin)
    expect(before).toContain('Semua langkah persiapan sudah selesai.')
    expect(Object.values(steps(before)).every((s) => s.done)).toBe(true)
    const json = { cookie: admin, origin: `http://${host}`, 'content-type': 'application/json' }
    const {
      contrast: _,
      logoUrl: __,
      ...profile
    } = await (await t.request(host, '/api/admin/profile', { headers: json })).json()
    const save = async (body: object) => {
      const saved = await t.request(host, '/api/admin/profile', {
        method: 'PUT',
        headers: json,
        body: JSON.stringify(body),
      })
      expect(saved.status, await saved.clone().text()).toBe(200)
    }
    await save({ ...profile, phone: undefined })
    const html = await page(host, '/staf', admin)
    expect(Object.entries(steps(html)).filter(([, s]) => !s.done)).toEqual([
      ['profile', { done: false, href: '/admin/profil' }],
    ])
    await save(profile)
  })

  it('shows no checklist to an officer', async () => {
    const officer = await loginCookie(t, tenants.lubuklinggau.host, 'petugas@lubuklinggau.test')
    const html = await page(tenants.lubuklinggau.host, '/staf', officer)
    expect(html).not.toContain('Persiapan MPP')
    expect(html).not.toContain('aria-label="Menu admin"')
  })
})

describe("the admin's navigation", () => {
  it('is on every admin page, marking where the admin is', async () => {
    const pages: [string, string, 'page' | 'true'][] = [
      ['/staf', '/staf', 'page'],
      ['/admin/profil', '/admin/profil', 'page'],
      ['/admin/katalog', '/admin/katalog', 'page'],
      ['/admin/katalog/instansi/disdukcapil', '/admin/katalog', 'true'],
      ['/admin/katalog/layanan/disdukcapil-ktp-el', '/admin/katalog', 'true'],
      ['/admin/katalog/layanan-baru', '/admin/katalog', 'true'],
      ['/admin/katalog/impor', '/admin/katalog', 'true'],
      ['/admin/antrean', '/admin/antrean', 'page'],
      ['/admin/layanan-bergerak', '/admin/layanan-bergerak', 'page'],
      ['/admin/fasilitas', '/admin/fasilitas', 'page'],
      ['/admin/staf', '/admin/staf', 'page'],
      ['/admin/kepuasan', '/admin/kepuasan', 'page'],
    ]
    for (const [path, section, current] of pages) {
      const html = await page(tenants.lubuklinggau.host, path, admin)
      const nav = /<nav aria-label="Menu admin" class="subnav admin-nav">(.*?)<\/nav>/.exec(html)?.[1]
      expect(nav, path).toBeDefined()
      expect(nav?.match(/<a /g)).toHaveLength(8)
      expect(nav?.match(/aria-current/g), path).toHaveLength(1)
      expect(nav, path).toContain(`<a href="${section}" aria-current="${current}">`)
    }
  })
})

describe('the printed SKM report', () => {
  it("carries the MPP's letterhead and a signature block", async () => {
    const html = await page(
      tenants.lubuklinggau.host,
      '/admin/kepuasan/cetak?from=2026-11-01&to=2026-11-30',
      admin,
    )
    const head = /<header class="letterhead">(.*?)<\/header>/.exec(html)?.[1] ?? ''
    expect(head).toMatch(/<img src="\/logo(\.svg|\?v=\w+)" alt="" width="72" height="72"\/?>/)
    expect(head).toContain('<p class="letterhead-name">Mal Pelayanan Publik Kota Lubuklinggau</p>')
    expect(head).toContain('Kota Lubuklinggau')
    expect(head).toContain('(0733) 000 1234')
    // The letterhead comes before the title, the signature after everything else.
    expect(html.indexOf('class="letterhead"')).toBeLessThan(html.indexOf('<h1>'))
    const signature = /<section class="signature"[^>]*>(.*?)<\/section>/.exec(html)?.[1] ?? ''
    expect(signature).toMatch(/Lubuk ?[Ll]inggau, 26 November 2026/)
    expect(signature).toContain('Kepala Mal Pelayanan Publik Kota Lubuklinggau')
    expect(signature).toContain('NIP.')
    expect(html).toMatch(/Periode 1\s?–\s?30 November 2026/)
    const en = await page(
      tenants.lubuklinggau.host,
      '/admin/kepuasan/cetak?from=2026-11-01&to=2026-11-30&lang=en',
      admin,
    )
    expect(en).toContain('Head of Mal Pelayanan Publik Kota Lubuklinggau')
    expect(en).toMatch(/Period 1\s?–\s?30 November 2026/)
  })
})
