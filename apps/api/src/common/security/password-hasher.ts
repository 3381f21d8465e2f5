import { Injectable } from '@nestjs/common';
import { hash, verify, type Options } from '@node-rs/argon2';

/** OWASP's Argon2id baseline: 19 MiB memory, 2 iterations, 1 lane. */
export const ARGON2_OPTIONS: Options = {
  algorithm: 2, // Algorithm.Argon2id: a const enum, which isolated modules cannot read
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
};

@Injectable()
export class PasswordHasher {
  /** A hash of a random string, verified against when the account does not exist, so timing does not tell. */
  private readonly decoy = hash('decoy-password-that-never-matches', ARGON2_OPTIONS);

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    try {
      if (passwordHash === undefined) {
        await verify(await this.decoy, password);
        return false;
      }
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }
}
