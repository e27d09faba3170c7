import type { IsoDate, TimeZone } from '@mpp/core/business-day'
import { Layout } from '../components/layout'
import { formatDate } from '../components/local-time'
import type { PageContext } from '../components/page-context'
import { type DateChoice, DateLinks, SlotSelect } from '../components/slot-picker'

interface Props {
  ctx: PageContext
  /** The request's page and its code as shown. */
  base: string
  serviceName: string
  timeZone: TimeZone
  dates: DateChoice[]
  date: IsoDate
  slots: { time: string; left: number }[]
  time?: string
  error?: string
}

/** `/warga/permohonan/{code}/jadwal`: the citizen picks a day (links, no script) and a time to collect. */
export const CollectionSlotPage = ({
  ctx,
  base,
  serviceName,
  timeZone,
  dates,
  date,
  slots,
  time,
  error,
}: Props) => {
  const { m, lang } = ctx
  const t = m.serviceRequestCollection
  const free = slots.filter((s) => s.left > 0)
  return (
    <Layout ctx={ctx} title={t.title} styles={['citizen-queue.css']}>
      <p>
        <a href={base}>{t.back}</a>
      </p>
      <h1>{t.title}</h1>
      <p>{t.lead(serviceName)}</p>
      <section aria-labelledby="date-heading">
        <h2 id="date-heading">{t.dateHeading}</h2>
        <DateLinks ctx={ctx} dates={dates} date={date} hrefOf={(d) => `${base}/jadwal?tanggal=${d}`} />
      </section>
      <section aria-labelledby="slot-heading">
        <h2 id="slot-heading">{t.slotHeading(formatDate(date, lang))}</h2>
        {free.length === 0 && !error ? (
          <p class="notice">{t.noSlots}</p>
        ) : (
          <form method="post" action={`${base}/jadwal`} class="form narrow" novalidate>
            {error && (
              <p class="alert" role="alert" id="collection-error">
                {error}
              </p>
            )}
            <input type="hidden" name="tanggal" value={date} />
            <SlotSelect
              ctx={ctx}
              slots={slots}
              time={time}
              timeZone={timeZone}
              describedBy={error ? 'collection-error slot-hint' : 'slot-hint'}
              invalid={error !== undefined}
            />
            <button type="submit" class="button">
              {t.submit}
            </button>
          </form>
        )}
      </section>
    </Layout>
  )
}
