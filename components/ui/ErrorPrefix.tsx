/** "Error: " (Lỗi: ) before a field's message, for screen readers only; the caller gives the word. */
export function ErrorPrefix({ text }: { text: string }) {
  return <span className="visually-hidden">{text}: </span>;
}
