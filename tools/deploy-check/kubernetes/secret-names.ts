// A name whose part ends in one of these holds a credential: POSTGRES_PASSWORD, JWT_SECRET, API_KEY, APIKEY.
const SECRET_WORD = /(PASSWORD|PASSWD|SECRET|TOKEN|KEY)$/;

/** Whether a variable or key name says it holds a credential, which belongs in a Secret. */
export function looksSecret(name: string): boolean {
  return name
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .some((part) => SECRET_WORD.test(part));
}
