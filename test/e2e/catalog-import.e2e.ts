import { readFile } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  expectAccessible,
  expectNoSidewaysScroll,
  launchBrowser,
  staffPhonePage,
  url,
} from './support/browser'

let browser: Browser
let page: Page
const slug = 'pekanbaru'

beforeAll(async () => {
  browser = await launchBrowser()
  page = await staffPhonePage(browser, slug, `admin@${slug}.test`)
})
afterAll(async () => {
  await browser?.close()
})

const check = async () => {
  await expectAccessible(page)
  await expectNoSidewaysScroll(page)
}

interface AdminService {
  id: string
  agencyId: string
  name: string
  requirements: string[]
  procedure: string[]
  completionTime: string
  fee: string
  product: string
}

/**
 * A GET on the MPP's host from inside the page, with its session (Node cannot resolve `*.localhost`, the
 * browser does).
 */
const get = (path: string) =>
  page.evaluate(async (p) => {
    const res = await fetch(p)
    return { status: res.status, text: await res.text() }
  }, path)

/** The admin's catalog as the API has it. */
const catalog = async () => {
  const res = await get('/api/admin/catalog')
  expect(res.status).toBe(200)
  return JSON.parse(res.text) as { agencies: { id: string }[]; services: AdminService[] }
}

/** The service page a citizen sees. */
const citizenPage = async (serviceId: string) => {
  const res = await get(`/layanan/${serviceId}`)
  return { status: res.status, html: res.text }
}

/** Chooses a file on the import page and asks for the preview. */
const preview = async (name: string, buffer: Buffer) => {
  await page.goto(url(slug, '/admin/katalog/impor'))
  await page.getByLabel('Berkas CSV').setInputFiles({ name, mimeType: 'text/csv', buffer })
  await page.getByRole('button', { name: 'Periksa dan lihat pratinjau' }).click()
  await page.waitForLoadState('load')
}

describe('a tenant admin imports the catalog from CSV', () => {
  it('imports the downloaded template unchanged: nothing changes, and the preview says why', async () => {
    await page.goto(url(slug, '/admin/katalog/impor'))
    await check()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh templat CSV dengan dua contoh baris' }).click(),
    ])
    const template = await readFile((await download.path()) as string)
    expect(template.toString('utf8')).toContain('CONTOH Akta Kelahiran')
    const before = await catalog()

    await preview('templat-katalog-mpp.csv', template)
    expect(await page.getByRole('alert').first().textContent()).toContain('Tidak ada yang disimpan.')
    const rows = page.locator('.issue-table tbody tr')
    expect(await rows.count()).toBe(2)
    for (const [i, line] of ['2', '3'].entries()) {
      expect(await rows.nth(i).locator('td').first().textContent()).toBe(line)
      expect(await rows.nth(i).textContent()).toContain('baris contoh dari templat')
    }
    expect(await page.locator('body').textContent()).not.toMatch(/Invalid|Quote|line \d/)
    await check()

    // Nothing went live: the catalog is as it was, the real birth certificate standard untouched.
    expect(await catalog()).toEqual(before)
    expect((await citizenPage('contoh-skck')).status).toBe(404)
    expect((await citizenPage('disdukcapil-akta-kelahiran')).html).not.toContain('CONTOH')
  })

  it('imports a semicolon file from Excel after a preview that names each change, and only on confirmation', async () => {
    const akta = (await catalog()).services.find((s) => s.id === 'disdukcapil-akta-kelahiran') as AdminService
    expect(akta.completionTime).not.toBe('2 jam')
    const cell = (v: string) => (/[;"\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
    const line = (cells: string[]) => cells.map(cell).join(';')
    // As Excel in an Indonesian locale saves it: semicolons, CRLF and a byte order mark.
    const csv = [
      line([
        'agency_id',
        'agency_name',
        'agency_kind',
        'service_id',
        'service_name',
        'requirements',
        'procedure',
        'completion_time',
        'fee',
        'product',
      ]),
      line([
        'disdukcapil',
        '',
        '',
        akta.id,
        akta.name,
        akta.requirements.join(' | '),
        akta.procedure.join(' | '),
        '2 jam',
        akta.fee,
        akta.product,
      ]),
      line([
        'disdukcapil',
        '',
        '',
        'disdukcapil-legalisir',
        'Legalisir dokumen kependudukan',
        'Dokumen asli; fotokopi dokumen',
        'Serahkan berkas | Legalisir',
        '15 menit',
        'Gratis',
        'Fotokopi terlegalisir',
      ]),
    ]
    await preview('katalog.csv', Buffer.from(`\uFEFF${csv.join('\r\n')}\r\n`, 'utf8'))

    expect(await page.locator('h1').textContent()).toBe('Pratinjau impor')
    expect(await page.getByRole('heading', { name: 'Akan ditambahkan (1)' }).count()).toBe(1)
    expect(await page.getByRole('heading', { name: 'Akan diubah (1)' }).count()).toBe(1)
    const change = page.locator('.import-changes li')
    expect(await change.count()).toBe(1)
    expect(await change.textContent()).toBe(`completion_time: ${akta.completionTime} → 2 jam`)
    await check()

    // Previewed, not saved: the citizen still sees the old standard and no new service.
    expect((await citizenPage(akta.id)).html).not.toContain('2 jam')
    expect((await citizenPage('disdukcapil-legalisir')).status).toBe(404)

    await page.getByRole('button', { name: 'Konfirmasi dan simpan 2 perubahan' }).click()
    await page.waitForURL('**/admin/katalog/impor?tersimpan*')
    expect(await page.locator('p.notice').textContent()).toBe('Impor tersimpan: 1 ditambahkan dan 1 diubah.')
    await check()
    expect((await citizenPage(akta.id)).html).toContain('2 jam')
    const added = await citizenPage('disdukcapil-legalisir')
    expect(added.status).toBe(200)
    expect(added.html).toContain('Dokumen asli; fotokopi dokumen')
  })
})
