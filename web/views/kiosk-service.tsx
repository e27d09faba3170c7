import type { Agency, Service } from '@mpp/core/catalog'
import type { PageContext } from '../components/page-context'
import { KioskFrame } from './kiosk-frame'

interface Props {
  ctx: PageContext
  service: Service
  agency: Agency | undefined
  /** One key per button, made when this screen was drawn: pressing it again gives the same ticket. */
  keys: { regular: string; priority: string }
  error?: string
  /** The service has no queue: no buttons, this message instead. */
  unavailable?: string
}

/** Two huge buttons for one service: the regular line or the priority line. */
export const KioskService = ({ ctx, service, agency, keys, error, unavailable }: Props) => {
  const t = ctx.m.kiosk
  const button = (priority: boolean) => (
    <form method="post" action="/kios/tiket" class="kiosk-choice">
      <input type="hidden" name="layanan" value={service.id} />
      <input type="hidden" name="prioritas" value={priority ? 'ya' : 'tidak'} />
      <input type="hidden" name="kunci" value={priority ? keys.priority : keys.regular} />
      <button
        type="submit"
        class={
          priority
            ? 'kiosk-button kiosk-button--huge kiosk-button--accent'
            : 'kiosk-button kiosk-button--huge'
        }
        aria-describedby={priority ? 'priority-who' : undefined}
      >
        {priority ? t.priority : t.regular}
      </button>
      {priority && (
        <p class="kiosk-explain" id="priority-who">
          {t.priorityWho}
        </p>
      )}
    </form>
  )
  return (
    <KioskFrame ctx={ctx} title={service.name}>
      <h1>{service.name}</h1>
      {agency && <p class="kiosk-lead">{agency.name}</p>}
      {error && (
        <p class="kiosk-alert" role="alert">
          {error}
        </p>
      )}
      {unavailable ? (
        <p class="kiosk-alert" role="alert">
          {unavailable}
        </p>
      ) : (
        <div class="kiosk-choices">
          {button(false)}
          {button(true)}
        </div>
      )}
      <p>
        <a class="kiosk-back" href="/kios">
          {t.back}
        </a>
      </p>
    </KioskFrame>
  )
}
