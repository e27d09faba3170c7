import type { Child } from 'hono/jsx'
import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'

/** Where every kiosk screen returns to, and after how long. Read by web/client/kiosk.ts. */
export const kioskHome = '/kios'
export const kioskTimings = {
  /** Back to the start after this long without a touch or a key. */
  idleMs: 60_000,
  /** The print page goes back to the start this long after it opened… */
  returnAfterPrintPageMs: 15_000,
  /** …or this long after the printout, whichever comes first. */
  returnAfterPrintMs: 3_000,
}

interface Props {
  ctx: PageContext
  title: string
  /** The print page: prints once, then returns to the start. Every other screen returns when left idle. */
  print?: boolean
  /** Idle return off (the start screen itself). */
  stay?: boolean
  children?: Child
}

/** The frame of a kiosk screen: no site chrome, the MPP's logo and name on top, large type. */
export const KioskFrame = ({ ctx, title, print = false, stay = false, children }: Props) => {
  const { m, brand } = ctx
  const timing = print
    ? {
        'data-kiosk-print': '',
        'data-kiosk-return-ms': String(kioskTimings.returnAfterPrintPageMs),
        'data-kiosk-after-print-ms': String(kioskTimings.returnAfterPrintMs),
      }
    : stay
      ? {}
      : { 'data-kiosk-idle-ms': String(kioskTimings.idleMs) }
  return (
    <Layout
      ctx={ctx}
      title={title}
      bare
      bodyClass={print ? 'kiosk kiosk--print slip-print' : 'kiosk'}
      scripts={['kiosk.js']}
      styles={print ? ['kiosk.css', 'ticket-slip.css'] : ['kiosk.css']}
    >
      <div class="kiosk-screen" data-kiosk-home={kioskHome} {...timing}>
        <div class="kiosk-top">
          <a class="kiosk-id" href={kioskHome}>
            {brand && <img src={brand.logoUrl} alt="" width="64" height="64" />}
            <span>{brand?.name ?? m.common.platformName}</span>
          </a>
          <a
            class="kiosk-lang"
            href={ctx.switchLangHref}
            hreflang={m.htmlLang === 'id' ? 'en' : 'id'}
            lang={m.htmlLang === 'id' ? 'en' : 'id'}
          >
            {m.switchTo}
          </a>
        </div>
        <div class="kiosk-body">{children}</div>
      </div>
    </Layout>
  )
}
