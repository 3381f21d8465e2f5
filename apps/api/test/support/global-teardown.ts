/** Stops the embedded PostgreSQL, or drops the template on DATABASE_URL's server (see global-setup). */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__civicdeskTeardown?.();
}
