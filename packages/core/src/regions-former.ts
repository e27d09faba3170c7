/**
 * Regency codes that are no longer in the current list but still open real NIKs: a NIK keeps the code it was
 * issued under for life, and the 2022 Papua provinces re-coded these regencies (Merauke 91.01 is now 93.01).
 * Taken as the codes of the Permendagri 56/2015 to Kepmendagri 100.1.1-6117/2022 lists absent from
 * Kepmendagri 300.2.2-2138/2025 (github.com/cahyadsn/wilayah, db/archive, MIT).
 */
export const formerRegencyCodes: ReadonlySet<string> = new Set([
  // Papua before Papua Selatan, Papua Tengah and Papua Pegunungan (2022)
  '91.01', // Merauke
  '91.02', // Jayawijaya
  '91.04', // Nabire
  '91.07', // Puncak Jaya
  '91.08', // Paniai
  '91.09', // Mimika
  '91.12', // Pegunungan Bintang
  '91.13', // Yahukimo
  '91.14', // Tolikara
  '91.16', // Boven Digoel
  '91.17', // Mappi
  '91.18', // Asmat
  '91.21', // Mamberamo Tengah
  '91.22', // Yalimo
  '91.23', // Lanny Jaya
  '91.24', // Nduga
  '91.25', // Puncak
  '91.26', // Dogiyai
  '91.27', // Intan Jaya
  '91.28', // Deiyai
  // Papua Barat before Papua Barat Daya (2022)
  '92.01', // Sorong
  '92.04', // Sorong Selatan
  '92.05', // Raja Ampat
  '92.09', // Tambrauw
  '92.10', // Maybrat
  '92.71', // Kota Sorong
])
