import { hideSecretLinks } from '@mpp/api/mail/secret-links'
import { describe, expect, it } from 'vitest'

describe('secret links in mail', () => {
  it('are hidden with complaint tracking codes, and ordinary links are not', () => {
    const text = [
      'Situs: http://padang.localhost:3000/',
      'Kata sandi: http://padang.localhost:3000/undangan/3q2V9xYk1mZ8pQwErTyUiOp-aSdFgHjK',
      'Konfirmasi: https://mpp.example.go.id/daftar/verifikasi/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e/AbCdEfGhIjKlMnOpQrStUvWxYz012345?x=1',
      'Kode pelacakan: KX7P-M2QD-9R',
      'Lacak: https://llg.mpp.example.go.id/pengaduan/KX7P-M2QD-9R',
      'Layanan: https://llg.mpp.example.go.id/layanan/disdukcapil-ktp-el',
    ].join('\n')
    expect(hideSecretLinks(text, '[rahasia]')).toBe(
      [
        'Situs: http://padang.localhost:3000/',
        'Kata sandi: [rahasia]',
        'Konfirmasi: [rahasia]',
        'Kode pelacakan: [rahasia]',
        'Lacak: https://llg.mpp.example.go.id/pengaduan/[rahasia]',
        'Layanan: https://llg.mpp.example.go.id/layanan/disdukcapil-ktp-el',
      ].join('\n'),
    )
  })

  it('hides a sign-in code on a line of its own, not six digits within a sentence', () => {
    const text = 'Kode masuk Anda:\n\n  048213\n\nBerlaku 10 menit. Nomor 123456 di kalimat tetap.'
    expect(hideSecretLinks(text, '[rahasia]')).toBe(
      'Kode masuk Anda:\n\n  [rahasia]\n\nBerlaku 10 menit. Nomor 123456 di kalimat tetap.',
    )
  })
})
