// `node --import ./ts-source-register.mjs entry.ts`: runs TypeScript source (see ts-source-hooks.mjs).
import { register } from 'node:module';

register('./ts-source-hooks.mjs', import.meta.url);
