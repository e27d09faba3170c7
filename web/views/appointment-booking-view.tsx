import type { Booking } from '@mpp/core/appointment'
import type { TimeZone } from '@mpp/core/business-day'
import type { AppointmentSettings } from '@mpp/core/queue'
import { Layout } from '../components/layout'
import { formatDate, formatTime } from '../components/local-time'
import type { PageContext } from '../components/page-context'
import { QrCode } from '../components/qr-code'

interface Props {
  ctx: PageContext
  booking: Pick<Booking, 'code' | 'date' | 'time' | 'status'>
  serviceName: string
  timeZone: TimeZone
  settings: AppointmentSettings
  /** The absolute address of this page, for the QR code. */
  pageUrl: string
  /** Where the cancel form posts; absent once it can no longer be cancelled. */
  cancelAction?: string
  error?: string
}

/** A booked appointment, reached by its secret link: the code to check in with, and a way to cancel. */
export const AppointmentBookingPage = ({
  ctx,
  booking,
  serviceName,
  timeZone,
  settings,
  pageUrl,
  cancelAction,
  error,
}: Props) => {
  const { m, lang } = ctx
  const t = m.appointments
  return (
    <Layout ctx={ctx} title={t.bookingTitle} styles={['citizen-queue.css']}>
      <h1>{t.bookingTitle}</h1>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      {booking.status !== 'booked' && (
        <p class={booking.status === 'checked_in' ? 'notice' : 'alert'}>{t.statuses[booking.status]}</p>
      )}
      <div class="booking-card">
        <p class="booking-code-label">{t.code}</p>
        <p class="booking-code">{booking.code}</p>
        <dl class="facts">
          <div>
            <dt>{t.service}</dt>
            <dd>{serviceName}</dd>
          </div>
          <div>
            <dt>{t.date}</dt>
            <dd>{formatDate(booking.date, lang)}</dd>
          </div>
          <div>
            <dt>{t.time}</dt>
            <dd>{formatTime(booking.time, timeZone)}</dd>
          </div>
        </dl>
      </div>
      {booking.status === 'booked' && (
        <p class="notice">{t.checkInRule(settings.checkInEarlyMinutes, settings.checkInLateMinutes)}</p>
      )}
      <figure class="qr-figure">
        <QrCode data={pageUrl} label={t.qrLabel} />
        <figcaption>{t.keepLink}</figcaption>
      </figure>
      {cancelAction && (
        <form method="post" action={cancelAction} class="form narrow">
          <button type="submit" class="button button--danger">
            {t.cancel}
          </button>
        </form>
      )}
      <p>
        <a href="/">{m.common.backHome}</a>
      </p>
    </Layout>
  )
}
