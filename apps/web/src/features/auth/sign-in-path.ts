/** The sign-in page's address: the auth feature owns it, the router mounts it there. */
export const SIGN_IN_PATH = '/sign-in';
