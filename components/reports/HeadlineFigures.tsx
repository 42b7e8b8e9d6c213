import Link from "next/link";

/** A few large numbers with what they count, and a link to how they are computed. */
export function HeadlineFigures({
  title,
  items,
  howHref,
  howText,
  asOf,
}: {
  title: string;
  items: { value: string; label: string }[];
  howHref: string;
  howText: string;
  /** When the figures were computed: they may be a few seconds behind the latest dossier events. */
  asOf: string;
}) {
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">{title}</h2>
      <div className="grid grid--3">
        {items.map((item) => (
          <p className="stat" key={item.label}>
            <span className="stat__value">{item.value}</span>
            {item.label}
          </p>
        ))}
      </div>
      <p className="small muted">{asOf}</p>
      <p>
        <Link href={howHref}>{howText}</Link>
      </p>
    </section>
  );
}
