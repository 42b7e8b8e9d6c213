/** A single search input with its button, as a GET form: works without JavaScript. */
export function SearchBox({
  action,
  id,
  name = "q",
  label,
  hint,
  button,
  defaultValue,
  labelClassName,
}: {
  action: string;
  id: string;
  name?: string;
  label: string;
  hint?: string;
  button: string;
  defaultValue?: string;
  labelClassName?: string;
}) {
  return (
    <form action={action} method="get" role="search">
      <div className="field">
        <label className={["field__label", labelClassName].filter(Boolean).join(" ")} htmlFor={id}>
          {label}
        </label>
        {hint ? (
          <span className="field__hint" id={`${id}-hint`}>
            {hint}
          </span>
        ) : null}
        <div className="search-box">
          <input
            id={id}
            name={name}
            type="search"
            className="input"
            defaultValue={defaultValue}
            aria-describedby={hint ? `${id}-hint` : undefined}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
          />
          <button type="submit" className="button">
            {button}
          </button>
        </div>
      </div>
    </form>
  );
}
