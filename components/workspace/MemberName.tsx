/** A body member in a table: their name, and under it one muted line (their title, role or e-mail). */
export function MemberName({ name, detail }: { name: string; detail: string | null }) {
  return (
    <>
      {name}
      {detail ? (
        <>
          <br />
          <span className="muted small">{detail}</span>
        </>
      ) : null}
    </>
  );
}
