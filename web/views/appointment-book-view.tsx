import type { IsoDate, TimeZone } from '@mpp/core/business-day'
import type { Agency, Service } from '@mpp/core/catalog'
import { phoneCodeRules } from '@mpp/core/phone-code'
import type { AppointmentSettings } from '@mpp/core/queue'
import { Layout } from '../components/layout'
import { formatDate } from '../components/local-time'
import type { PageContext } from '../components/page-context'
import { ServiceFormHeader } from '../components/service-form-header'
import type { ServiceGroup } from '../components/service-groups'
import { type DateChoice, DateLinks, SlotSelect } from '../components/slot-picker'

interface ListProps {
  ctx: PageContext
  groups: ServiceGroup[]
}

/** Step one of booking: the services that have a queue, grouped by agency. */
export const AppointmentServiceList = ({ ctx, groups }: ListProps) => {
  const t = ctx.m.appointments
  return (
    <Layout ctx={ctx} title={t.title} styles={['citizen-queue.css']}>
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <h2>{t.chooseService}</h2>
      {groups.length === 0 ? (
        <p>{ctx.m.takeTicket.noServices}</p>
      ) : (
        groups.map(({ agency, services }) => (
          <section class="service-group" aria-labelledby={`agency-${agency.id}`}>
            <h3 id={`agency-${agency.id}`}>{agency.name}</h3>
            <ul class="pick-list">
              {services.map((s) => (
                <li>
                  <a href={`/janji?layanan=${s.id}`}>{s.name}</a>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </Layout>
  )
}

interface FormProps {
  ctx: PageContext
  service: Service
  agency: Agency | undefined
  timeZone: TimeZone
  settings: AppointmentSettings
  dates: DateChoice[]
  date: IsoDate
  slots: { time: string; left: number }[]
  time?: string
  phone?: string
  /** The number a code was sent to, masked: the form asks for that code to book. */
  codeSentTo?: string
  error?: string
  errorField?: 'phone' | 'time' | 'code'
  /** The service has no queue: the form is replaced by this message. */
  unavailable?: string
}

/** Step two: a date (links, so it works without script), a free slot and the phone number. */
export const AppointmentForm = ({
  ctx,
  service,
  agency,
  timeZone,
  settings,
  dates,
  date,
  slots,
  time,
  phone,
  codeSentTo,
  error,
  errorField,
  unavailable,
}: FormProps) => {
  const { m, lang } = ctx
  const t = m.appointments
  const free = slots.filter((s) => s.left > 0)
  const describedBy = (hint: string, field: 'phone' | 'time' | 'code') =>
    errorField === field ? `booking-error ${hint}` : hint
  return (
    <Layout ctx={ctx} title={`${t.title}: ${service.name}`} styles={['citizen-queue.css']}>
      <ServiceFormHeader
        m={m}
        title={t.title}
        service={service}
        agency={agency}
        backHref="/janji"
        backLabel={t.otherService}
      />
      {unavailable ? (
        <p class="alert" role="alert">
          {unavailable}
        </p>
      ) : (
        <>
          <section aria-labelledby="date-heading">
            <h2 id="date-heading">{t.dateHeading}</h2>
            <DateLinks
              ctx={ctx}
              dates={dates}
              date={date}
              hrefOf={(d) => `/janji?layanan=${service.id}&tanggal=${d}`}
            />
          </section>
          <section aria-labelledby="slot-heading">
            <h2 id="slot-heading">{t.slotHeading(formatDate(date, lang))}</h2>
            {free.length === 0 && !error ? (
              <p class="notice">{t.noSlots}</p>
            ) : (
              <form method="post" action="/janji" class="form narrow" novalidate>
                {error && (
                  <p class="alert" role="alert" id="booking-error">
                    {error}
                  </p>
                )}
                <input type="hidden" name="layanan" value={service.id} />
                <input type="hidden" name="tanggal" value={date} />
                <SlotSelect
                  ctx={ctx}
                  slots={slots}
                  time={time}
                  timeZone={timeZone}
                  describedBy={describedBy('slot-hint', 'time')}
                  invalid={errorField === 'time'}
                />
                <label for="telepon">{t.phoneLabel}</label>
                <p class="hint" id="phone-hint">
                  {t.phoneHint(settings.maxNoShows, settings.noShowWindowDays)}
                </p>
                <input
                  id="telepon"
                  name="telepon"
                  type="tel"
                  inputmode="tel"
                  autocomplete="tel"
                  required
                  value={phone ?? ''}
                  aria-describedby={describedBy('phone-hint', 'phone')}
                  aria-invalid={errorField === 'phone' ? 'true' : undefined}
                />
                {codeSentTo && (
                  <>
                    <input type="hidden" name="terkirim" value={codeSentTo} />
                    <label for="kode">{t.codeLabel}</label>
                    <p class="hint" id="code-hint" role="status">
                      {t.codeSent(codeSentTo, phoneCodeRules.minutes)}
                    </p>
                    <input
                      id="kode"
                      name="kode"
                      inputmode="numeric"
                      autocomplete="one-time-code"
                      maxlength={6}
                      required
                      aria-describedby={describedBy('code-hint', 'code')}
                      aria-invalid={errorField === 'code' ? 'true' : undefined}
                    />
                  </>
                )}
                <p class="hint">{t.checkInRule(settings.checkInEarlyMinutes, settings.checkInLateMinutes)}</p>
                <button type="submit" class="button">
                  {codeSentTo ? t.submit : t.sendCode}
                </button>
                {codeSentTo && (
                  <button
                    type="submit"
                    name="kirimUlang"
                    value="ya"
                    class="button button--secondary"
                    formnovalidate
                  >
                    {t.resendCode}
                  </button>
                )}
              </form>
            )}
          </section>
        </>
      )}
    </Layout>
  )
}
