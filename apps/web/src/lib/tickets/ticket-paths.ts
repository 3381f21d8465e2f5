/** Addresses of the ticket screens, shared by the features that link to them and the router. */
export const GET_HELP_PATH = '/help';
export const MY_TICKETS_PATH = '/tickets';
export const TICKET_PATH_PATTERN = '/tickets/:number';

export function ticketPath(number: string): string {
  return `${MY_TICKETS_PATH}/${encodeURIComponent(number)}`;
}
