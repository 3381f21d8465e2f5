import { describe, expect, it } from '@jest/globals';
import { passwordProblem } from './password-policy.js';

describe(passwordProblem.name, () => {
  it.each([
    ['eleven char', 'Password must be at least 12 characters'],
    ['password1234', 'Password is on a list of commonly used passwords'],
    ['QWERTYUIOP123', 'Password is on a list of commonly used passwords'],
    ['aaaaaaaaaaaaaaaa', 'Password repeats too few different characters'],
    ['x'.repeat(257), 'Password must be at most 256 characters'],
  ])('refuses %j', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it('counts characters, not bytes', () => {
    expect(passwordProblem('ééééééééééé')).toBe('Password must be at least 12 characters'); // 11 characters, 22 bytes
  });

  it('refuses the user’s own e-mail or name', () => {
    expect(passwordProblem('jane.doe@city.gov', { email: 'jane.doe@city.gov' })).toMatch(/name or e-mail/);
    expect(passwordProblem('Jonathan Applebee', { name: 'Jonathan Applebee' })).toMatch(/name or e-mail/);
  });

  it('accepts a long passphrase', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('civicdesk-demo')).toBeNull();
  });
});
