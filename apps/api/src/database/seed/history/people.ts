import type { Random } from './random.js';

const FIRST = [
  'Aaliyah Aaron Abigail Adam Aisha Alan Alicia Amir Ana Andre Angela Anthony Ava Beatriz Benjamin',
  'Brenda Brian Caleb Camila Carlos Carmen Charles Chloe Chris Claire Daniel Darius Deborah Derek',
  'Diana Dmitri Elena Eli Emily Emma Eric Fatima Felix Gabriel Gloria Hannah Hector Hiro Ian Imani',
  'Isaac Isabel Jacob Jamal Janet Jasmine Jason Jessica Joseph Julia Karen Kevin Kiara Laura Leah Leon',
  'Linda Lucas Maria Mark Maya Michael Mia Nadia Nathan Noah Olivia Oscar Patricia Paul Rachel Rafael',
  'Rebecca Robert Rosa Ryan Samuel Sara Sofia Stephen Tamara Theo Thomas Tyrone Valeria Victor Wei',
  'William Yara Yusuf Zoe',
]
  .join(' ')
  .split(' ');
const LAST = [
  'Abbott Adams Ahmed Alvarez Anderson Baker Banerjee Barnes Bennett Brooks Campbell Castillo Chen',
  'Clark Collins Cooper Cruz Diaz Dubois Edwards Evans Fischer Flores Foster Garcia Gonzalez Gordon',
  'Green Gupta Hall Harris Hayes Hernandez Hill Huang Hughes Ibrahim Jackson James Jensen Johnson',
  'Jones Kaur Kelly Kim King Kowalski Lee Lewis Lopez Martin Martinez Mendoza Miller Mitchell Moore',
  'Morales Murphy Nguyen Novak Okafor Olsen Ortiz Park Patel Perez Phillips Price Quinn Ramirez Reed',
  'Reyes Rivera Roberts Robinson Rodriguez Rossi Russell Sanchez Scott Silva Singh Smith Sullivan',
  'Tanaka Taylor Thomas Thompson Torres Turner Walker Wang Ward Washington White Williams Wilson',
  'Wright Young Zhang',
]
  .join(' ')
  .split(' ');

export interface Person {
  name: string;
  email: string;
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

/**
 * `count` people with distinct names and e-mails (first.last@civicdesk.test) none of which is in
 * `taken`, drawn from common first and last names.
 */
export function people(random: Random, count: number, taken: ReadonlySet<string>): Person[] {
  if (count > FIRST.length * LAST.length - taken.size) throw new Error(`cannot name ${count} people`);
  const used = new Set(taken);
  const out: Person[] = [];
  while (out.length < count) {
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    const email = `${slug(first)}.${slug(last)}@civicdesk.test`;
    if (used.has(email)) continue;
    used.add(email);
    out.push({ name: `${first} ${last}`, email });
  }
  return out;
}
