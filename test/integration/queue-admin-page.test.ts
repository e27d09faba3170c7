import { beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, loginCookie, type TestApp, tenants } from '../support/test-app'

const host = tenants.pekanbaru.host
let t: TestApp
let admin: string

beforeAll(async () => {
  t = await createTestApp()
  admin = await loginCookie(t, host, 'admin@pekanbaru.test')
})

const post = async (path: string, fields: [string, string][]) => {
  const res = await t.request(host, path, {
    method: 'POST',
    headers: { cookie: admin, origin: `http://${host}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
  return { status: res.status, location: res.headers.get('location'), html: await res.text() }
}

const adminApi = async (path: string) => (await t.request(host, path, { headers: { cookie: admin } })).json()

describe('the queue set-up page', () => {
  it('shows queues, counters, hours with the Friday break, holidays and rules', async () => {
    const res = await t.request(host, '/admin/antrean', { headers: { cookie: admin } })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('A · SKCK dan SIM')
    expect(html).toContain('value="08:00-11:30, 13:00-15:00"')
    expect(html).toContain('2026-12-25 Hari Raya Natal')
  })

  it('adds a queue and a counter serving it', async () => {
    const queue = await post('/admin/antrean/antrean', [
      ['id', 'samsat'],
      ['prefix', 'e'],
      ['name', 'Samsat keliling'],
      ['dailyCapacity', '80'],
      ['onlineSharePercent', '25'],
      ['serviceIds', 'pos-indonesia-pos-kiriman'],
    ])
    expect(queue.status).toBe(409) // the Pos service is already in queue D
    expect(queue.html).toContain('Pengaturan ini bertabrakan')
    expect(queue.html).toContain('value="Samsat keliling"')

    const ok = await post('/admin/antrean/antrean/lainnya/hapus', [])
    expect(ok.status).toBe(409) // counter 5 still serves it
    const counter = await post('/admin/antrean/loket', [
      ['id', 'loket-5'],
      ['number', '5'],
      ['queueIds', 'jaminan-sosial'],
      ['active', 'yes'],
    ])
    expect(counter.status).toBe(303)
    expect((await post('/admin/antrean/antrean/lainnya/hapus', [])).status).toBe(303)
    const moved = await post('/admin/antrean/antrean', [
      ['id', 'samsat'],
      ['prefix', 'E'],
      ['name', 'Samsat keliling'],
      ['dailyCapacity', '80'],
      ['onlineSharePercent', '25'],
      ['serviceIds', 'pos-indonesia-pos-kiriman'],
    ])
    expect(moved.status).toBe(303)
    const { queues } = await adminApi('/api/admin/queues')
    expect(queues.find((q: { id: string }) => q.id === 'samsat')).toMatchObject({
      prefix: 'E',
      dailyCapacity: 80,
    })
  })

  it('saves opening hours and holidays, and refuses what it cannot read while keeping it', async () => {
    const days = [
      ['mon', '07:30-14:00'],
      ['tue', '07:30-14:00'],
      ['wed', '07:30-14:00'],
      ['thu', '07:30-14:00'],
      ['fri', '07:30-11:00, 13:30-15:00'],
      ['sat', ''],
      ['sun', ''],
    ] as [string, string][]
    const saved = await post('/admin/antrean/jadwal', [
      ...days,
      ['holidays', '2026-12-25 Hari Raya Natal\n2026-12-26 Cuti bersama'],
    ])
    expect(saved.status).toBe(303)
    const tenant = await (await t.request(host, '/api/tenant')).json()
    expect(tenant.openingHours.fri).toEqual([
      { open: '07:30', close: '11:00' },
      { open: '13:30', close: '15:00' },
    ])
    expect(tenant.holidays).toHaveLength(2)

    const bad = await post('/admin/antrean/jadwal', [
      ['mon', 'pagi saja'],
      ...days.slice(1),
      ['holidays', ''],
    ])
    expect(bad.status).toBe(400)
    expect(bad.html).toContain('Jam buka tidak dapat dibaca.')
    expect(bad.html).toContain('value="pagi saja"')
  })

  it('changes the calling rules', async () => {
    const fields: [string, string][] = [
      ['priorityRatio', '3'],
      ['slotMinutes', '20'],
      ['capacityPerSlot', '4'],
      ['daysAhead', '7'],
      ['checkInEarlyMinutes', '20'],
      ['checkInLateMinutes', '5'],
      ['maxNoShows', '2'],
      ['noShowWindowDays', '30'],
      ['blockDays', '14'],
    ]
    expect((await post('/admin/antrean/aturan', fields)).status).toBe(303)
    const tenant = await (await t.request(host, '/api/tenant')).json()
    expect(tenant.queueSettings).toMatchObject({
      priorityRatio: 3,
      appointment: { slotMinutes: 20, blockDays: 14 },
    })
    const bad = await post('/admin/antrean/aturan', [['priorityRatio', '99'], ...fields.slice(1)])
    expect(bad.status).toBe(400)
    expect(bad.html).toContain('value="99"')
    // The message stands beside its field, which points at it; the summary names the field by its label.
    expect(bad.html).toContain('<p class="field-error" id="setting-priorityRatio-error">Paling besar 10</p>')
    expect(bad.html).toMatch(
      /id="setting-priorityRatio"[^>]*aria-invalid="true" aria-describedby="setting-priorityRatio-error"/,
    )
    expect(bad.html).not.toContain('priorityRatio:')
    const late = await post('/admin/antrean/aturan', [
      ...fields.slice(0, 5),
      ['checkInLateMinutes', '-1'],
      ...fields.slice(6),
    ])
    expect(late.html).toContain(
      '<p class="field-error" id="setting-checkInLateMinutes-error">Paling kecil 0</p>',
    )
  })

  it('words a queue refused by its rules beside each field, without repeating unknown ids', async () => {
    const bad = await post('/admin/antrean/antrean', [
      ['id', 'uji'],
      ['prefix', '1'],
      ['name', ''],
      ['dailyCapacity', '10'],
      ['onlineSharePercent', '10'],
      ['serviceIds', 'layanan-hantu'],
    ])
    expect(bad.status).toBe(400)
    expect(bad.html).toContain(
      '<p class="field-error" id="q-new-prefix-error">Satu atau dua huruf kapital, misalnya A</p>',
    )
    expect(bad.html).toContain('<p class="field-error" id="q-new-name-error">Wajib diisi</p>')
    for (const internal of ['String', '/^', '>=', 'Input tidak valid'])
      expect(bad.html).not.toContain(internal)
  })

  it('is for admins only', async () => {
    const officer = await loginCookie(t, host, 'petugas@pekanbaru.test')
    expect((await t.request(host, '/admin/antrean', { headers: { cookie: officer } })).status).toBe(403)
  })
})
