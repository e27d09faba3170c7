import type { Counter, Queue } from '@mpp/core/queue'
import { Layout } from '../components/layout'
import type { PageContext } from '../components/page-context'

/** Where an officer chooses the counter (loket) they work at. */
export const CounterPickPage = ({
  ctx,
  counters,
  queues,
}: {
  ctx: PageContext
  counters: Counter[]
  queues: Queue[]
}) => {
  const t = ctx.m.console
  const nameOf = (id: string) => queues.find((q) => q.id === id)?.name ?? id
  return (
    <Layout ctx={ctx} title={t.pickTitle}>
      <h1>{t.pickTitle}</h1>
      <p>{t.pickLead}</p>
      <ul class="card-list">
        {counters.map((c) => (
          <li>
            {c.active ? (
              <a href={`/staf/loket/${c.id}`}>{t.counter(c.number)}</a>
            ) : (
              <span>{t.counter(c.number)}</span>
            )}
            <span class="muted">
              {t.serves}: {c.queueIds.map(nameOf).join(', ')}
              {c.active ? '' : ` (${t.inactive})`}
            </span>
          </li>
        ))}
      </ul>
    </Layout>
  )
}
