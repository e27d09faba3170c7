import { contrastRatio, formatRatio, isHexColour, textColourOn } from './lib/contrast'

/**
 * The profile form's colours: keeps each picker and its text box the same, shows the contrast as the admin
 * picks, and colours the header preview. The server measures again on save; without this script the form
 * works the same, showing the contrast of the colours last sent.
 */
const form = document.querySelector<HTMLFormElement>('form[data-profile-form]')
const fields = ['primary', 'accent'] as const
type Field = (typeof fields)[number]

const pickerOf = (field: Field) => document.getElementById(`${field}-picker`) as HTMLInputElement | null
const textOf = (field: Field) => document.getElementById(field) as HTMLInputElement | null

const current = (field: Field) => {
  const value = textOf(field)?.value.trim() ?? ''
  return isHexColour(value) ? value.toLowerCase() : undefined
}

/** Writes one colour's measure into its line: against what, the ratio, and whether it is enough. */
const show = (field: Field, against: string, ratio: number) => {
  const line = document.getElementById(`${field}-contrast`)
  if (!line) return
  const ok = ratio >= Number(line.dataset.minimum)
  const set = (selector: string, text: string) => {
    const el = line.querySelector(selector)
    if (el) el.textContent = text
  }
  set('.contrast-against', against)
  set('.contrast-ratio', `${formatRatio(ratio, line.dataset.lang ?? 'id')}:1`)
  set('.contrast-verdict', (ok ? line.dataset.ok : line.dataset.low) ?? '')
  line.classList.toggle('contrast--ok', ok)
  line.classList.toggle('contrast--low', !ok)
}

const update = () => {
  const primary = current('primary')
  const accent = current('accent')
  if (primary) {
    const onPrimary = textColourOn(primary)
    show('primary', onPrimary, contrastRatio(primary, onPrimary))
  }
  if (accent) show('accent', '#ffffff', contrastRatio(accent, '#ffffff'))
  // Custom properties set through the CSSOM, which the page's CSP allows (no style attribute is written).
  const preview = document.getElementById('brand-preview')
  if (preview && primary) {
    preview.style.setProperty('--brand', primary)
    preview.style.setProperty('--on-brand', textColourOn(primary))
  }
  if (preview && accent) preview.style.setProperty('--accent', accent)
}

if (form) {
  for (const field of fields) {
    const picker = pickerOf(field)
    const text = textOf(field)
    if (!picker || !text) continue
    picker.addEventListener('input', () => {
      text.value = picker.value
      update()
    })
    text.addEventListener('input', () => {
      const value = text.value.trim()
      if (isHexColour(value)) picker.value = value.toLowerCase()
      update()
    })
  }
}
