import type { ComplaintCategory } from '@mpp/core/complaint'
import type { Weekday } from '@mpp/core/opening-hours'
import type { ServiceKey } from './demo-services'

/**
 * What a plausible day at a demo MPP looks like: how much each service is asked for, how long it takes at
 * the counter and how citizens rate it. Civil registry is the bulk of the work everywhere; permits and
 * passports take long; the free, quick services are rated best.
 */
export const serviceProfiles: Record<ServiceKey, { demand: number; minutes: number; rating: number }> = {
  'ktp-el': { demand: 10, minutes: 7, rating: 3.3 },
  'kartu-keluarga': { demand: 8, minutes: 9, rating: 3.2 },
  'akta-kelahiran': { demand: 6, minutes: 8, rating: 3.4 },
  'akta-kematian': { demand: 2, minutes: 8, rating: 3.4 },
  kia: { demand: 3, minutes: 5, rating: 3.5 },
  nib: { demand: 4, minutes: 14, rating: 3.1 },
  pbg: { demand: 2, minutes: 22, rating: 2.8 },
  'izin-praktik': { demand: 1, minutes: 15, rating: 3.0 },
  npwp: { demand: 3, minutes: 10, rating: 3.2 },
  'konsultasi-spt': { demand: 2, minutes: 18, rating: 3.1 },
  'legalisir-sk': { demand: 2, minutes: 4, rating: 3.5 },
  'karis-karsu': { demand: 1, minutes: 6, rating: 3.3 },
  'rekening-tabungan': { demand: 3, minutes: 12, rating: 3.4 },
  'pajak-daerah': { demand: 4, minutes: 5, rating: 3.3 },
  'jkn-daftar': { demand: 5, minutes: 11, rating: 3.0 },
  'jkn-ubah-data': { demand: 4, minutes: 8, rating: 3.1 },
  'klaim-jht': { demand: 3, minutes: 16, rating: 2.9 },
  'bpu-daftar': { demand: 1, minutes: 9, rating: 3.2 },
  pkb: { demand: 7, minutes: 6, rating: 3.2 },
  paspor: { demand: 4, minutes: 20, rating: 2.9 },
  skck: { demand: 8, minutes: 10, rating: 3.1 },
  'sim-perpanjangan': { demand: 5, minutes: 15, rating: 2.9 },
  'klaim-pensiun': { demand: 2, minutes: 14, rating: 3.2 },
  'rekomendasi-damkar': { demand: 1, minutes: 10, rating: 3.4 },
  'pos-kiriman': { demand: 2, minutes: 4, rating: 3.5 },
  'sambungan-air': { demand: 2, minutes: 12, rating: 2.9 },
}

/** Mondays bring the weekend's backlog; Fridays are short. */
export const weekdayLoad: Record<Weekday, number> = {
  mon: 1.4,
  tue: 1.1,
  wed: 1,
  thu: 1,
  fri: 0.7,
  sat: 0,
  sun: 0,
}

/** Per element, how far answers lean from the service's rating: nobody pays (U4), waiting is the weak spot (U3). */
export const elementLean = {
  U1: 0,
  U2: -0.1,
  U3: -0.35,
  U4: 0.5,
  U5: 0.1,
  U6: 0,
  U7: 0.15,
  U8: -0.1,
  U9: -0.25,
}

export const praise = [
  'Petugas ramah dan cepat, terima kasih.',
  'Pelayanan sudah baik, ruang tunggu nyaman.',
  'Prosesnya jelas, tidak dipungut biaya.',
  'Antrean tertib, nomor dipanggil sesuai urutan.',
  'Sangat terbantu, semua urusan selesai di satu tempat.',
]
export const criticism = [
  'Antrean terlalu lama, mohon tambah petugas di jam sibuk.',
  'Persyaratan di situs berbeda dengan yang diminta di loket.',
  'Pendingin ruangan tidak menyala, ruang tunggu panas.',
  'Sistem sempat gangguan sehingga harus kembali besok.',
]

export const complaintSamples: { category: ComplaintCategory; text: string; response: string }[] = [
  {
    category: 'waktu',
    text: 'Saya menunggu lebih dari dua jam padahal datang sejak pagi, mohon antrean diperbaiki.',
    response: 'Mohon maaf atas lamanya antrean. Mulai pekan ini loket tambahan dibuka pada jam sibuk.',
  },
  {
    category: 'fasilitas',
    text: 'Pendingin ruangan di ruang tunggu lantai satu rusak sejak minggu lalu.',
    response: 'Terima kasih atas laporannya. Pendingin ruangan sudah diperbaiki oleh teknisi kami.',
  },
  {
    category: 'petugas',
    text: 'Petugas loket kurang ramah ketika saya bertanya tentang persyaratan berkas.',
    response: 'Mohon maaf atas pengalaman Anda. Petugas yang bersangkutan telah kami beri pembinaan.',
  },
  {
    category: 'pelayanan',
    text: 'Berkas saya dinyatakan kurang, padahal persyaratan di situs sudah saya penuhi semua.',
    response: 'Daftar persyaratan di situs sudah kami samakan dengan yang berlaku di loket. Mohon maaf.',
  },
  {
    category: 'biaya',
    text: 'Ada yang menawarkan jasa pengurusan berbayar di halaman parkir gedung pelayanan.',
    response: 'Terima kasih. Petugas keamanan kini berjaga di halaman parkir; layanan kami tanpa calo.',
  },
  {
    category: 'lainnya',
    text: 'Tempat parkir sepeda motor terlalu sempit sehingga banyak warga parkir di bahu jalan.',
    response: 'Kami sedang berkoordinasi dengan dinas perhubungan untuk menambah lahan parkir.',
  },
]

export const citizenNames = ['Siti Aminah', 'Budi Santoso', 'Dewi Lestari', 'Agus Pratama', 'Rina Marlina']
