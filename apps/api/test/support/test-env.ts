/** Set by the global setup: the PostgreSQL server every test database lives on, and the template's name. */
export const SERVER_URL_VAR = 'CIVICDESK_TEST_SERVER_URL';
export const TEMPLATE_VAR = 'CIVICDESK_TEST_TEMPLATE';
