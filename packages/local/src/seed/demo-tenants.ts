import type { Agency } from '@mpp/core/catalog'
import type { WeeklyHours } from '@mpp/core/opening-hours'
import { defaultQueueSettings } from '@mpp/core/queue'
import { findRegency } from '@mpp/core/regions'
import type { Tenant } from '@mpp/core/tenant'
import type { ServiceKey } from './demo-services'

export interface DemoTenant {
  tenant: Tenant
  /** Two or three letters for the generated logo. */
  initials: string
  agencies: (Omit<Agency, 'order'> & { services: ServiceKey[] })[]
  /** Each queue covers every service of the agencies it names. */
  queues: {
    id: string
    prefix: string
    name: string
    agencies: string[]
    dailyCapacity: number
    onlineSharePercent: number
  }[]
  /** Counter numbers and the queues each calls from. */
  counters: { number: number; queues: string[] }[]
}

const defaults = { holidays: [], queueSettings: defaultQueueSettings }

const allDay = [{ open: '00:00', close: '24:00' }]
/** Open around the clock, so the demo can take tickets at any hour. */
const aroundTheClock: WeeklyHours = {
  mon: allDay,
  tue: allDay,
  wed: allDay,
  thu: allDay,
  fri: allDay,
  sat: allDay,
  sun: allDay,
}
const office = [{ open: '08:00', close: '15:00' }]
/** Real office hours with the Friday prayer break, to show the closed state. */
const officeHours: WeeklyHours = {
  mon: office,
  tue: office,
  wed: office,
  thu: office,
  fri: [
    { open: '08:00', close: '11:30' },
    { open: '13:00', close: '15:00' },
  ],
  sat: [],
  sun: [],
}

/** Code, names and time zone exactly as the official list has them. */
const officialRegency = (code: string) => {
  const regency = findRegency(code)
  if (!regency) throw new Error(`no regency ${code}`)
  return {
    id: code,
    regencyName: regency.name,
    provinceName: regency.provinceName,
    timeZone: regency.timeZone,
  }
}

const osm = (place: string) => `https://www.openstreetmap.org/search?query=${encodeURIComponent(place)}`

/** The four MPPs of the seed articles, with the agencies those articles name. */
export const demoTenants: DemoTenant[] = [
  {
    initials: 'LLG',
    tenant: {
      ...officialRegency('16.73'),
      slug: 'lubuklinggau',
      name: 'Mal Pelayanan Publik Kota Lubuklinggau',
      stage: 'live',
      tagline: 'Melayani dalam satu gedung menuju kota metropolis yang madani',
      address: 'Gedung eks Ruang Paripurna DPRD Kota Lubuklinggau, Kota Lubuklinggau, Sumatera Selatan',
      // A number no line is assigned to (000…), so the demo rings nobody; the same pattern below.
      phone: '(0733) 000 1234',
      mapUrl: osm('DPRD Kota Lubuklinggau'),
      branding: { primary: '#0b6e4f', accent: '#b07d00' },
      facilities: [
        'service_counters',
        'play_area',
        'reading_corner',
        'atm_center',
        'meeting_room',
        'lactation_room',
        'disability_access',
        'cctv',
      ],
      otherFacilities: [],
      openingHours: aroundTheClock,
      ...defaults,
    },
    agencies: [
      {
        id: 'disdukcapil',
        name: 'Dinas Kependudukan dan Pencatatan Sipil',
        shortName: 'Disdukcapil',
        kind: 'opd',
        services: ['ktp-el', 'kartu-keluarga', 'akta-kelahiran', 'akta-kematian', 'kia'],
      },
      {
        id: 'dpmptsp',
        name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
        shortName: 'DPMPTSP',
        kind: 'opd',
        services: ['nib', 'pbg', 'izin-praktik'],
      },
      {
        id: 'bkd',
        name: 'Badan Kepegawaian Daerah',
        shortName: 'BKD',
        kind: 'opd',
        services: ['legalisir-sk', 'karis-karsu'],
      },
      {
        id: 'kpp-pratama',
        name: 'Kantor Pelayanan Pajak Pratama Lubuklinggau',
        shortName: 'KPP Pratama',
        kind: 'kementerian_lembaga',
        services: ['npwp', 'konsultasi-spt'],
      },
      {
        id: 'bank-sumsel-babel',
        name: 'Bank Sumsel Babel',
        kind: 'bumd',
        services: ['rekening-tabungan', 'pajak-daerah'],
      },
      {
        id: 'bpjs-kesehatan',
        name: 'BPJS Kesehatan',
        kind: 'bumn',
        services: ['jkn-daftar', 'jkn-ubah-data'],
      },
      {
        id: 'bpjs-ketenagakerjaan',
        name: 'BPJS Ketenagakerjaan',
        kind: 'bumn',
        services: ['klaim-jht', 'bpu-daftar'],
      },
    ],
    queues: [
      {
        id: 'kependudukan',
        prefix: 'A',
        name: 'Kependudukan',
        agencies: ['disdukcapil'],
        dailyCapacity: 400,
        onlineSharePercent: 50,
      },
      {
        id: 'perizinan',
        prefix: 'B',
        name: 'Perizinan dan kepegawaian',
        agencies: ['dpmptsp', 'bkd'],
        dailyCapacity: 150,
        onlineSharePercent: 40,
      },
      {
        id: 'pajak-bank',
        prefix: 'C',
        name: 'Pajak dan perbankan',
        agencies: ['kpp-pratama', 'bank-sumsel-babel'],
        dailyCapacity: 150,
        onlineSharePercent: 30,
      },
      {
        id: 'jaminan-sosial',
        prefix: 'D',
        name: 'Jaminan sosial',
        agencies: ['bpjs-kesehatan', 'bpjs-ketenagakerjaan'],
        dailyCapacity: 200,
        onlineSharePercent: 40,
      },
    ],
    counters: [
      { number: 1, queues: ['kependudukan'] },
      { number: 2, queues: ['kependudukan'] },
      { number: 3, queues: ['perizinan'] },
      { number: 4, queues: ['pajak-bank'] },
      { number: 5, queues: ['jaminan-sosial'] },
      { number: 6, queues: ['kependudukan', 'perizinan'] },
    ],
  },
  {
    initials: 'PLG',
    tenant: {
      ...officialRegency('16.71'),
      slug: 'palembang',
      name: 'Mal Pelayanan Publik Kota Palembang',
      stage: 'live',
      tagline: 'Seluruh pelayanan terpadu dalam satu tempat',
      address: 'Sriwijaya Promotion Center, Kota Palembang, Sumatera Selatan',
      phone: '(0711) 000 1234',
      mapUrl: osm('Sriwijaya Promotion Center Palembang'),
      branding: { primary: '#9b1c1c', accent: '#a87400' },
      facilities: [
        'service_counters',
        'atm_center',
        'parking',
        'cafeteria',
        'disability_access',
        'prayer_room',
      ],
      otherFacilities: ['Rumah makan'],
      openingHours: aroundTheClock,
      ...defaults,
    },
    agencies: [
      {
        id: 'dpmptsp',
        name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
        shortName: 'DPMPTSP',
        kind: 'opd',
        services: ['nib', 'pbg', 'izin-praktik'],
      },
      {
        id: 'disdukcapil',
        name: 'Dinas Kependudukan dan Pencatatan Sipil',
        shortName: 'Disdukcapil',
        kind: 'opd',
        services: ['ktp-el', 'kartu-keluarga', 'akta-kelahiran'],
      },
      {
        id: 'samsat',
        name: 'Samsat Palembang (Bapenda Provinsi Sumatera Selatan)',
        shortName: 'Samsat',
        kind: 'pemprov',
        services: ['pkb'],
      },
      {
        id: 'imigrasi',
        name: 'Kantor Imigrasi Kelas I TPI Palembang',
        shortName: 'Imigrasi',
        kind: 'kementerian_lembaga',
        services: ['paspor'],
      },
      {
        id: 'bank-sumsel-babel',
        name: 'Bank Sumsel Babel',
        kind: 'bumd',
        services: ['rekening-tabungan', 'pajak-daerah'],
      },
    ],
    queues: [
      {
        id: 'perizinan',
        prefix: 'A',
        name: 'Perizinan',
        agencies: ['dpmptsp'],
        dailyCapacity: 200,
        onlineSharePercent: 50,
      },
      {
        id: 'kependudukan',
        prefix: 'B',
        name: 'Kependudukan',
        agencies: ['disdukcapil'],
        dailyCapacity: 400,
        onlineSharePercent: 50,
      },
      {
        id: 'kendaraan-bank',
        prefix: 'C',
        name: 'Pajak kendaraan dan perbankan',
        agencies: ['samsat', 'bank-sumsel-babel'],
        dailyCapacity: 300,
        onlineSharePercent: 30,
      },
      {
        id: 'paspor',
        prefix: 'D',
        name: 'Paspor',
        agencies: ['imigrasi'],
        dailyCapacity: 100,
        onlineSharePercent: 80,
      },
    ],
    counters: [
      { number: 1, queues: ['perizinan'] },
      { number: 2, queues: ['kependudukan'] },
      { number: 3, queues: ['kependudukan'] },
      { number: 4, queues: ['kendaraan-bank'] },
      { number: 5, queues: ['paspor'] },
    ],
  },
  {
    initials: 'PKU',
    tenant: {
      ...officialRegency('14.71'),
      slug: 'pekanbaru',
      name: 'Mal Pelayanan Publik Kota Pekanbaru',
      stage: 'live',
      tagline: 'Dua lantai berornamen khas Riau, satu sistem layanan terpadu',
      address: 'Kota Pekanbaru, Riau (lantai 1 pusat layanan, lantai 2 back office)',
      phone: '(0761) 000 1234',
      mapUrl: osm('Mal Pelayanan Publik Pekanbaru'),
      branding: { primary: '#1d3f72', accent: '#b8860b' },
      facilities: [
        'service_counters',
        'lactation_room',
        'play_area',
        'disability_access',
        'parking',
        'prayer_room',
      ],
      otherFacilities: [],
      openingHours: officeHours,
      ...defaults,
      holidays: [
        { date: '2026-12-25', name: 'Hari Raya Natal' },
        { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi' },
      ],
    },
    agencies: [
      {
        id: 'polda-riau',
        name: 'Kepolisian Daerah Riau',
        shortName: 'Polda Riau',
        kind: 'kementerian_lembaga',
        services: ['skck'],
      },
      {
        id: 'polresta-pekanbaru',
        name: 'Kepolisian Resor Kota Pekanbaru',
        shortName: 'Polresta Pekanbaru',
        kind: 'kementerian_lembaga',
        services: ['sim-perpanjangan', 'skck'],
      },
      {
        id: 'bpjs-kesehatan',
        name: 'BPJS Kesehatan',
        kind: 'bumn',
        services: ['jkn-daftar', 'jkn-ubah-data'],
      },
      {
        id: 'bpjs-ketenagakerjaan',
        name: 'BPJS Ketenagakerjaan',
        kind: 'bumn',
        services: ['klaim-jht', 'bpu-daftar'],
      },
      {
        id: 'taspen',
        name: 'PT Taspen (Persero)',
        shortName: 'Taspen',
        kind: 'bumn',
        services: ['klaim-pensiun'],
      },
      {
        id: 'disdukcapil',
        name: 'Dinas Kependudukan dan Pencatatan Sipil',
        shortName: 'Disdukcapil',
        kind: 'opd',
        services: ['ktp-el', 'kartu-keluarga', 'akta-kelahiran', 'kia'],
      },
      {
        id: 'damkar',
        name: 'Dinas Pemadam Kebakaran dan Penyelamatan',
        shortName: 'Damkar',
        kind: 'opd',
        services: ['rekomendasi-damkar'],
      },
      {
        id: 'pos-indonesia',
        name: 'PT Pos Indonesia (Persero)',
        shortName: 'Pos Indonesia',
        kind: 'bumn',
        services: ['pos-kiriman'],
      },
    ],
    queues: [
      {
        id: 'kepolisian',
        prefix: 'A',
        name: 'SKCK dan SIM',
        agencies: ['polda-riau', 'polresta-pekanbaru'],
        dailyCapacity: 300,
        onlineSharePercent: 40,
      },
      {
        id: 'jaminan-sosial',
        prefix: 'B',
        name: 'BPJS dan Taspen',
        agencies: ['bpjs-kesehatan', 'bpjs-ketenagakerjaan', 'taspen'],
        dailyCapacity: 200,
        onlineSharePercent: 40,
      },
      {
        id: 'kependudukan',
        prefix: 'C',
        name: 'Kependudukan',
        agencies: ['disdukcapil'],
        dailyCapacity: 400,
        onlineSharePercent: 50,
      },
      {
        id: 'lainnya',
        prefix: 'D',
        name: 'Damkar dan Pos',
        agencies: ['damkar', 'pos-indonesia'],
        dailyCapacity: 100,
        onlineSharePercent: 20,
      },
    ],
    counters: [
      { number: 1, queues: ['kepolisian'] },
      { number: 2, queues: ['kepolisian'] },
      { number: 3, queues: ['jaminan-sosial'] },
      { number: 4, queues: ['kependudukan'] },
      { number: 5, queues: ['lainnya', 'jaminan-sosial'] },
    ],
  },
  {
    initials: 'SMD',
    tenant: {
      ...officialRegency('64.72'),
      slug: 'samarinda',
      name: 'Mal Pelayanan Publik Kota Samarinda',
      stage: 'live',
      tagline: 'MPP pertama di Kalimantan Timur',
      address: 'Kota Samarinda, Kalimantan Timur',
      phone: '(0541) 000 1234',
      mapUrl: osm('Mal Pelayanan Publik Samarinda'),
      branding: { primary: '#005f73', accent: '#c27c0e' },
      facilities: [
        'service_counters',
        'lactation_room',
        'play_area',
        'disability_access',
        'prayer_room',
        'parking',
      ],
      otherFacilities: [],
      openingHours: aroundTheClock,
      ...defaults,
    },
    agencies: [
      {
        id: 'disdukcapil',
        name: 'Dinas Kependudukan dan Pencatatan Sipil',
        shortName: 'Disdukcapil',
        kind: 'opd',
        services: ['ktp-el', 'kartu-keluarga', 'akta-kelahiran', 'akta-kematian'],
      },
      {
        id: 'dpmptsp',
        name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
        shortName: 'DPMPTSP',
        kind: 'opd',
        services: ['nib', 'pbg'],
      },
      {
        id: 'samsat',
        name: 'Samsat Samarinda (Bapenda Provinsi Kalimantan Timur)',
        shortName: 'Samsat',
        kind: 'pemprov',
        services: ['pkb'],
      },
      {
        id: 'kpp-pratama',
        name: 'Kantor Pelayanan Pajak Pratama Samarinda Ulu',
        shortName: 'KPP Pratama',
        kind: 'kementerian_lembaga',
        services: ['npwp', 'konsultasi-spt'],
      },
      {
        id: 'bpjs-kesehatan',
        name: 'BPJS Kesehatan',
        kind: 'bumn',
        services: ['jkn-daftar', 'jkn-ubah-data'],
      },
      {
        id: 'perumda-air',
        name: 'Perumda Air Minum Tirta Kencana',
        shortName: 'PDAM',
        kind: 'bumd',
        services: ['sambungan-air'],
      },
    ],
    queues: [
      {
        id: 'kependudukan',
        prefix: 'A',
        name: 'Kependudukan',
        agencies: ['disdukcapil'],
        dailyCapacity: 400,
        onlineSharePercent: 50,
      },
      {
        id: 'perizinan-air',
        prefix: 'B',
        name: 'Perizinan dan air bersih',
        agencies: ['dpmptsp', 'perumda-air'],
        dailyCapacity: 150,
        onlineSharePercent: 40,
      },
      {
        id: 'pajak',
        prefix: 'C',
        name: 'Pajak kendaraan dan pajak',
        agencies: ['samsat', 'kpp-pratama'],
        dailyCapacity: 300,
        onlineSharePercent: 30,
      },
      {
        id: 'bpjs',
        prefix: 'D',
        name: 'BPJS Kesehatan',
        agencies: ['bpjs-kesehatan'],
        dailyCapacity: 150,
        onlineSharePercent: 40,
      },
    ],
    counters: [
      { number: 1, queues: ['kependudukan'] },
      { number: 2, queues: ['kependudukan'] },
      { number: 3, queues: ['perizinan-air'] },
      { number: 4, queues: ['pajak'] },
      { number: 5, queues: ['bpjs'] },
    ],
  },
]
