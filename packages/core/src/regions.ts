import data from './regions-id.json' with { type: 'json' }

export interface Regency {
  code: string
  name: string
  kind: 'kabupaten' | 'kota'
  provinceCode: string
  provinceName: string
  timeZone: 'Asia/Jakarta' | 'Asia/Pontianak' | 'Asia/Makassar' | 'Asia/Jayapura'
}

/** All 514 kabupaten/kota (Kepmendagri 300.2.2-2138/2025). */
export const regencies = data.regencies as readonly Regency[]

const byCode = new Map(regencies.map((r) => [r.code, r]))

export const findRegency = (code: string): Regency | undefined => byCode.get(code)
