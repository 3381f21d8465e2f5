import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on a free loopback port that requires a user name and password (as a city's
 * mail relay would), so the app has an SMTP password to keep out of its answers and logs. Set
 * `refuseLogins` to answer every login with 535, as a relay does after a password rotation.
 */
export class AuthSmtpServer {
  refuseLogins = false;
  /** Logins tried, with whether the credentials were the expected ones. */
  readonly logins: { username: string; accepted: boolean }[] = [];
  received = 0;
  private readonly server: SMTPServer;
  private port = 0;

  constructor(
    private readonly username: string,
    private readonly password: string,
  ) {
    this.server = new SMTPServer({
      authMethods: ['PLAIN', 'LOGIN'],
      // Loopback only, inside the test: the app's relay credentials over plain SMTP are fine here.
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (auth, _session, callback) => {
        const accepted = !this.refuseLogins && auth.username === this.username && auth.password === this.password;
        this.logins.push({ username: auth.username ?? '', accepted });
        if (!accepted) return callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
        callback(null, { user: auth.username });
      },
      onData: (stream, _session, callback) => {
        stream.resume();
        stream.on('end', () => {
          this.received += 1;
          callback();
        });
      },
    });
  }

  /** SMTP_URL for the app, credentials included (the password URL-encoded, as an operator writes it). */
  get url(): string {
    return `smtp://${encodeURIComponent(this.username)}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
