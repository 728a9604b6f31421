/** Markup that is already safe to embed: only `html` produces it, so escaping cannot be skipped by accident. */
export class SafeHtml {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => entities[character]);
}

/** A tagged template that escapes every interpolated value except markup built by `html` itself. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  const markup = strings.reduce((built, literal, index) => {
    if (index === 0) return literal;
    const value = values[index - 1];
    const embedded = value instanceof SafeHtml ? value.markup : escapeHtml(String(value ?? ''));
    return built + embedded + literal;
  }, '');
  return new SafeHtml(markup);
}
