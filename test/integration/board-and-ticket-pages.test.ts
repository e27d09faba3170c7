import { beforeAll, describe, expect, it } from 'vitest'
import { createClock } from '../support/clock'
import { counterPost, type Issued, take } from '../support/queue-helpers'
import { createTestApp, loginCookie, platformHost, type TestApp, tenants } from '../support/test-app'

const host = tenants.lubuklinggau.host
const clock = createClock('2026-11-23T03:00:00Z') // 10:00 WIB, a Monday
let t: TestApp
let officer: string
// Kependudukan (A, counters 1, 2 and 6) and Jaminan sosial (D, counter 5) of Lubuklinggau.
let a1: Issued
let a2: Issued
let d1: Issued

const page = async (path: string, targetHost: string = host) => {
  const res = await t.request(targetHost, path)
  return { status: res.status, html: await res.text(), headers: res.headers }
}

/** The text of the element carrying `data-field="<name>"` (flat elements only). */
const fieldText = (html: string, name: string) => {
  const match = new RegExp(`data-field="${name}"[^>]*>([^<]*)<`).exec(html)
  return match?.[1]?.trim()
}

/** The strict CSP of every page: no inline scripts, no style attributes. */
const expectCspFriendly = (html: string) => {
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
  expect(html).not.toMatch(/\sstyle=/)
}

beforeAll(async () => {
  t = await createTestApp({ now: clock.now })
  officer = await loginCookie(t, host, 'petugas@lubuklinggau.test')
})

describe('the ticket page', () => {
  it('shows a waiting ticket with the people ahead and no made-up estimate', async () => {
    a1 = await take(t, host, 'disdukcapil-ktp-el')
    a2 = await take(t, host, 'disdukcapil-kartu-keluarga')
    d1 = await take(t, host, 'bpjs-kesehatan-jkn-daftar')
    expect([a1.label, a2.label, d1.label]).toEqual(['A-001', 'A-002', 'D-001'])
    expect(a2.link).toMatch(/^\/tiket\//)

    const { status, html, headers } = await page(a2.link)
    expect(status).toBe(200)
    expect(headers.get('cache-control')).toBe('no-store')
    expect(html).toContain('<html lang="id"')
    expect(html).toContain('Tiket antrean Anda')
    expect(fieldText(html, 'label')).toBe('A-002')
    expect(fieldText(html, 'status')).toBe('Menunggu')
    expect(fieldText(html, 'queue')).toBe('Kependudukan')
    expect(fieldText(html, 'people-ahead')).toBe('1 orang')
    // No counter has served anyone yet: the page says so instead of guessing.
    expect(fieldText(html, 'estimate')).toBe('belum dapat diperkirakan')
    expect(html).toContain('Perkiraan ini dihitung dari rata-rata lama pelayanan terakhir')
    expect(html).toMatch(/data-field="waiting"(?![^>]*hidden)/)
    expect(fieldText(html, 'called')).toBe('')
    // The script refreshes from the JSON API; without script the reload link does.
    const [, , key, secret] = a2.link.split('/')
    expect(html).toContain(`data-api="/api/tickets/${key}/${secret}"`)
    expect(html).toContain(`href="${a2.link}" data-field="reload">Muat ulang</a>`)
    expect(html).toContain('data-time-zone="Asia/Jakarta"')
    expect(html).toMatch(/<script src="[^"]*\/static\/ticket\.js\?v=test" defer/)
    expectCspFriendly(html)

    const first = await page(a1.link)
    expect(fieldText(first.html, 'people-ahead')).toBe('Tidak ada, Anda berikutnya')
  })

  it('tells the citizen which counter to go to once called', async () => {
    const res = await counterPost(t, host, officer, 'loket-1', 'call-next')
    expect(res.status).toBe(200)

    const { html } = await page(a1.link)
    expect(fieldText(html, 'status')).toBe('Dipanggil')
    expect(html).toMatch(/role="status"[^>]*data-field="called">Dipanggil — silakan ke loket 1</)
    expect(html).toContain('data-status="called"')
    expect(html).toMatch(/data-field="waiting" hidden/)

    // The next in line now has nobody ahead, and a counter is serving the queue.
    const next = await page(a2.link)
    expect(fieldText(next.html, 'people-ahead')).toBe('Tidak ada, Anda berikutnya')
    expect(fieldText(next.html, 'estimate')).toBe('sebentar lagi')
  })

  it('says in English what the ticket is with ?lang=en', async () => {
    const { html } = await page(`${a1.link}?lang=en`)
    expect(html).toContain('<html lang="en"')
    expect(html).toContain('Your queue ticket')
    expect(fieldText(html, 'status')).toBe('Called')
    expect(fieldText(html, 'called')).toBe('Called — please go to counter 1')
    expect(html).toContain('>Reload</a>')
  })

  it('is a 404 page for a wrong secret, an unknown key, another MPP and the platform host', async () => {
    const [, , key, secret] = a2.link.split('/')
    const wrong = await page(`/tiket/${key}/AAAAAAAAAAAAAAAAAAAAAA`)
    expect(wrong.status).toBe(404)
    expect(wrong.html).toContain('Halaman tidak ditemukan')
    expect(wrong.html).not.toContain('A-002')
    expect((await page(`/tiket/not-a-key/${secret}`)).status).toBe(404)
    expect((await page(a2.link, tenants.palembang.host)).status).toBe(404)
    expect((await page(a2.link, platformHost)).status).toBe(404)
  })
})

describe('the display board', () => {
  it('renders the calls and the waiting numbers before any script runs', async () => {
    const { status, html, headers } = await page('/layar')
    expect(status).toBe(200)
    expect(headers.get('cache-control')).toBe('no-store')
    expect(html).toContain('<html lang="id"')
    expect(html).toContain('<h1 class="board-title">Mal Pelayanan Publik Kota Lubuklinggau</h1>')
    expect(html).toContain('src="/logo.svg"')
    // The newest call, highlighted, with the data the script needs to spot the next one.
    expect(html).toMatch(
      /<li class="board-call board-call--latest" data-counter="1" data-seq="\d+" data-called-at="2026-11-23T03:00:00\.000Z"><span class="board-call__label">A-001<\/span><span class="board-call__counter">Loket 1<\/span><\/li>/,
    )
    expect(html).toMatch(/data-field="no-calls" hidden/)
    // Each queue: how many wait and the next numbers.
    expect(html).toMatch(/data-queue="kependudukan" data-waiting="1">.*?1 menunggu.*?<li>A-002<\/li>/s)
    expect(html).toMatch(/data-queue="jaminan-sosial" data-waiting="1">.*?1 menunggu.*?<li>D-001<\/li>/s)
    expect(html).toMatch(
      /data-queue="pajak-bank" data-waiting="0">.*?<p class="board-queue__count">Tidak ada yang menunggu<\/p><\/li>/s,
    )
    // The open stretches of the coming days, for the script to sleep outside them.
    const windows = /data-open-windows="([^"]*)"/.exec(html)?.[1]?.replaceAll('&quot;', '"')
    expect(JSON.parse(windows ?? '[]').length).toBeGreaterThan(0)
    // Clock in the MPP's own time zone, the polled API, the sound button (shown by the script).
    expect(html).toContain('data-time-zone="Asia/Jakarta"')
    expect(html).toContain('data-day="2026-11-23"')
    expect(fieldText(html, 'time')).toBe('10.00')
    expect(fieldText(html, 'date')).toBe('Senin, 23 November 2026')
    expect(html).toContain('data-api="/api/board"')
    expect(html).toMatch(/data-field="sound-button" hidden[^>]*>Aktifkan suara</)
    expect(html).toMatch(/<script src="[^"]*\/static\/board\.js\?v=test" defer/)
    expect(html).toMatch(/<link rel="stylesheet" href="[^"]*\/static\/board\.css\?v=test"/)
    expect(html).not.toContain('site-header')
    expectCspFriendly(html)
  })

  it('shows newer calls first', async () => {
    clock.advanceMinutes(2)
    expect((await counterPost(t, host, officer, 'loket-5', 'call-next')).status).toBe(200)
    const { html } = await page('/layar')
    const order = [...html.matchAll(/data-counter="(\d+)"/g)].map((m) => m[1])
    expect(order).toEqual(['5', '1'])
    expect(html).toMatch(/board-call--latest" data-counter="5"/)
    expect(html).toMatch(/data-queue="jaminan-sosial" data-waiting="0">.*?Tidak ada yang menunggu/s)
  })

  it('shows only the queues asked for with ?antrean= and passes the filter to the API', async () => {
    const { status, html } = await page('/layar?antrean=kependudukan')
    expect(status).toBe(200)
    expect(html).toContain('data-api="/api/board?queues=kependudukan"')
    expect(html).toContain('data-queue="kependudukan"')
    expect(html).not.toContain('data-queue="jaminan-sosial"')
    expect([...html.matchAll(/data-counter="(\d+)"/g)].map((m) => m[1])).toEqual(['1'])

    const two = await page('/layar?antrean=kependudukan,jaminan-sosial')
    expect(two.html).toContain('data-api="/api/board?queues=kependudukan%2Cjaminan-sosial"')
    expect(two.html).toContain('data-queue="jaminan-sosial"')

    // No queue of the demo MPP is on a floor named 9.
    const floor = await page('/layar?lantai=9')
    expect(floor.html).toContain('data-api="/api/board?floor=9"')
    expect(floor.html).toContain('Tidak ada antrean untuk layar ini.')
    expect(floor.html).not.toContain('data-counter=')

    expect((await page('/layar?antrean=..%2F..')).status).toBe(400)
  })

  it('is in English with ?lang=en', async () => {
    const { html } = await page('/layar?lang=en')
    expect(html).toContain('<html lang="en"')
    expect(html).toContain('Latest calls')
    expect(html).toContain('<span class="board-call__counter">Counter 1</span>')
    expect(html).toContain('1 waiting')
    expect(fieldText(html, 'date')).toBe('Monday, 23 November 2026')
    expect(html).toMatch(/>Turn on sound</)
  })

  it('exists only on a tenant host', async () => {
    expect((await page('/layar', platformHost)).status).toBe(404)
  })
})
