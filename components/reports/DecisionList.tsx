/** Published decisions as a list; values already formatted for the page's language. */
export function DecisionList({
  decisions,
  labels,
}: {
  decisions: { id: string; number: string; issuedOn: string; agency: string; summary: string }[];
  labels: { issuedOn: string; agency: string };
}) {
  return (
    <ul className="card-list">
      {decisions.map((decision) => (
        <li key={decision.id}>
          <h3>{decision.number}</h3>
          <p className="meta-line">
            <span>
              {labels.issuedOn}: {decision.issuedOn}
            </span>
            <span>
              {labels.agency}: {decision.agency}
            </span>
          </p>
          <p>{decision.summary}</p>
        </li>
      ))}
    </ul>
  );
}
