export type TemplateValue = string | number | boolean | string[] | undefined;
export type RenderResult = { ok: true; text: string } | { ok: false; missing: string[] };

/** `{{name}}`, whitespace allowed inside the braces; names as contact attribute names (letters, digits, _ . -). */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g;

/**
 * Fills `{{name}}` placeholders from the request's variables and the contact's attributes (CONTRACT §1
 * SendRequest). Lists are joined with ", ". Every placeholder without a value is reported; a malformed one
 * (`{{ }}`) is left as it is, for checkContent to block as UNRESOLVED_PLACEHOLDER (CONTRACT §3).
 */
export function renderTemplate(body: string, values: Record<string, TemplateValue>): RenderResult {
  const missing = new Set<string>();
  const text = body.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) {
      missing.add(name);
      return placeholder;
    }
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
  return missing.size > 0 ? { ok: false, missing: [...missing] } : { ok: true, text };
}
