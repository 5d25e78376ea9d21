/** Minimal XML writing for awsQuery responses: escaping and element building. */

/** Escapes text for element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

/** `<name>inner</name>`; `inner` must already be XML (escape text with escapeXml). */
export function element(name: string, inner: string): string {
  return `<${name}>${inner}</${name}>`;
}
