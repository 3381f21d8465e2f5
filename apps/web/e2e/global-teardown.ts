import { SERVER_KEY, type GlobalWithServer } from './e2e-server';

// Jest needs a default export here.
export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as GlobalWithServer)[SERVER_KEY];
  delete (globalThis as GlobalWithServer)[SERVER_KEY];
  await server?.stop();
}
