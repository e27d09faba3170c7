/** Figures as label and value pairs, in the reports' definition list. */
export const FactList = ({ facts }: { facts: [string, string][] }) => (
  <dl class="facts report-facts">
    {facts.map(([label, value]) => (
      <div>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    ))}
  </dl>
)
