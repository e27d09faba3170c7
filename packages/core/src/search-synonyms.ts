/**
 * The everyday words citizens type for common public services, and where each is usually served. Catalog
 * search (search.ts) treats the words of one entry as the same thing, so "izin usaha" finds "Nomor Induk
 * Berusaha (NIB)"; when a search finds nothing at an MPP, `usuallyAt` tells the citizen where else to go.
 * A starter list: each MPP adds its own words per service in the service editor.
 */
export interface SynonymGroup {
  /** The service as citizens name it, for "Paspor is not offered at this MPP". */
  label: string
  /** Words and abbreviations meaning this service (case, accents and punctuation are ignored). */
  terms: string[]
  /** The office that usually serves it, in Indonesian (proper names). */
  usuallyAt: string
}

export const commonSynonyms: SynonymGroup[] = [
  {
    label: 'KTP elektronik',
    terms: ['ktp', 'e-ktp', 'ektp', 'ktp-el', 'ktp elektronik', 'kartu tanda penduduk'],
    usuallyAt: 'Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil)',
  },
  {
    label: 'Kartu Keluarga',
    terms: ['kk', 'kartu keluarga'],
    usuallyAt: 'Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil)',
  },
  {
    label: 'Akta kelahiran',
    terms: ['akta kelahiran', 'akta lahir', 'akte kelahiran', 'akte lahir', 'surat lahir'],
    usuallyAt: 'Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil)',
  },
  {
    label: 'Akta kematian',
    terms: ['akta kematian', 'akte kematian', 'akta mati', 'surat kematian'],
    usuallyAt: 'Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil)',
  },
  {
    label: 'Kartu Identitas Anak',
    terms: ['kia', 'kartu identitas anak', 'ktp anak'],
    usuallyAt: 'Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil)',
  },
  {
    label: 'Izin usaha (NIB)',
    terms: ['nib', 'nomor induk berusaha', 'izin usaha', 'ijin usaha', 'izin berusaha', 'oss', 'siup', 'tdp'],
    usuallyAt: 'Dinas Penanaman Modal dan PTSP (DPMPTSP), atau daring di oss.go.id',
  },
  {
    label: 'Persetujuan Bangunan Gedung',
    terms: ['pbg', 'imb', 'izin mendirikan bangunan', 'izin bangunan', 'persetujuan bangunan gedung'],
    usuallyAt: 'Dinas Penanaman Modal dan PTSP (DPMPTSP)',
  },
  {
    label: 'SIM',
    terms: ['sim', 'surat izin mengemudi', 'sim a', 'sim c', 'perpanjang sim'],
    usuallyAt: 'Satpas Polres (Satuan Penyelenggara Administrasi SIM)',
  },
  {
    label: 'SKCK',
    terms: ['skck', 'surat keterangan catatan kepolisian', 'surat kelakuan baik'],
    usuallyAt: 'Polres atau Polsek',
  },
  {
    label: 'Paspor',
    terms: ['paspor', 'pasport', 'passport'],
    usuallyAt: 'Kantor Imigrasi',
  },
  {
    label: 'NPWP',
    terms: ['npwp', 'nomor pokok wajib pajak'],
    usuallyAt: 'Kantor Pelayanan Pajak (KPP)',
  },
  {
    label: 'Pajak kendaraan bermotor',
    terms: ['pkb', 'pajak kendaraan', 'pajak motor', 'pajak mobil', 'samsat', 'stnk'],
    usuallyAt: 'Samsat',
  },
  {
    label: 'PBB',
    terms: ['pbb', 'pajak bumi dan bangunan', 'pajak bumi'],
    usuallyAt: 'Badan Pendapatan Daerah (Bapenda)',
  },
  {
    label: 'BPJS Kesehatan',
    terms: ['bpjs kesehatan', 'jkn', 'kis', 'kartu indonesia sehat'],
    usuallyAt: 'Kantor BPJS Kesehatan',
  },
  {
    label: 'BPJS Ketenagakerjaan',
    terms: ['bpjs ketenagakerjaan', 'bpjstk', 'jamsostek', 'jht', 'jaminan hari tua'],
    usuallyAt: 'Kantor BPJS Ketenagakerjaan',
  },
  {
    label: 'Sertifikat tanah',
    terms: ['sertifikat tanah', 'sertipikat tanah', 'bpn'],
    usuallyAt: 'Kantor Pertanahan (BPN)',
  },
]
