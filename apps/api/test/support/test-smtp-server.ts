import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  /** Envelope sender and recipients. */
  from: string;
  to: string[];
  subject: string;
  raw: string;
}

/**
 * A real SMTP server on a free loopback port that keeps what it receives. Set rejectRecipients
 * to answer every RCPT TO with 550, as a mail server refusing delivery would.
 */
export class TestSmtpServer {
  readonly received: ReceivedEmail[] = [];
  rejectRecipients = false;
  /** RCPT TO commands seen, accepted or not: one per delivery attempt of a one-recipient e-mail. */
  recipientAttempts: string[] = [];
  /**
   * Called when a message has arrived whole, just before the server accepts it (its 250 goes out
   * when this returns), for a test that must act at that moment: a sender killed here never
   * learns that the server took the message.
   */
  onMessage: ((email: ReceivedEmail) => void) | undefined;
  /** Connection errors, such as a client that died in the middle of a transaction. */
  readonly errors: Error[] = [];
  private readonly server: SMTPServer;
  private port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        this.recipientAttempts.push(address.address);
        if (!this.rejectRecipients) return callback();
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const email: ReceivedEmail = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: header(raw, 'subject') ?? '',
            raw,
          };
          this.received.push(email);
          this.onMessage?.(email);
          callback();
        });
      },
    });
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    // Without a listener an SMTPServer 'error' (a client gone mid-transaction) would be thrown.
    this.server.on('error', (error: Error) => this.errors.push(error));
    await new Promise<void>((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  /** What one address received. */
  to(address: string): ReceivedEmail[] {
    return this.received.filter((m) => m.to.includes(address));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A header of a raw message, unfolded. */
function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1];
}
