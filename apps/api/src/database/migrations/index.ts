import { Identity1764090000000 } from './1764090000000-Identity.js';
import { Tickets1764200000000 } from './1764200000000-Tickets.js';

/** Applied in order. Never edit a migration once it is on main: add a new one. */
export const MIGRATIONS = [Identity1764090000000, Tickets1764200000000];
