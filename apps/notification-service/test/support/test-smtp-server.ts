import type { AddressInfo } from 'node:net';
import { eventually, type DeadlineOptions } from '@capstone/platform/testing';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { readMail, type ReceivedMail } from './received-mail';

/**
 * A real SMTP server on an ephemeral port: it records what it accepts, can refuse recipients with
 * a permanent 550 or a temporary 451, and can go down and come back on the same port.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer;
  /** The reply code RCPT TO gets for each refused address. */
  private readonly refused = new Map<string, 451 | 550>();

  private constructor(private port: number) {
    this.server = this.create();
  }

  static async start(): Promise<TestSmtpServer> {
    const smtp = new TestSmtpServer(0);
    await smtp.listen();
    return smtp;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Answers RCPT TO for this address with 550, a permanent rejection. */
  refuse(address: string): void {
    this.refused.set(address.toLowerCase(), 550);
  }

  /** Answers RCPT TO for this address with 451, a temporary failure, on every attempt. */
  defer(address: string): void {
    this.refused.set(address.toLowerCase(), 451);
  }

  /** Connections are refused until `resume`. */
  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  async resume(): Promise<void> {
    this.server = this.create();
    await this.listen();
  }

  close(): Promise<void> {
    return this.stop();
  }

  mailTo(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  /** The first email to this address, or the first with this subject, once it has arrived. */
  awaitMailTo(
    address: string,
    { subject, ...deadline }: DeadlineOptions & { subject?: string } = {},
  ): Promise<ReceivedMail> {
    return eventually(() => {
      const mail = this.mailTo(address).find(
        (candidate) => subject === undefined || candidate.subject === subject,
      );
      if (!mail)
        throw new Error(
          `no email ${subject ? `"${subject}" ` : ''}to ${address} yet (${this.received.length} received)`,
        );
      return mail;
    }, deadline);
  }

  private create(): SMTPServer {
    return new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        const responseCode = this.refused.get(address.address.toLowerCase());
        if (responseCode === undefined) return callback();
        const reason = responseCode === 550 ? '5.1.1 mailbox unavailable' : '4.2.1 try again later';
        callback(Object.assign(new Error(reason), { responseCode }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
          };
          this.received.push(readMail(Buffer.concat(chunks).toString('utf8'), envelope));
          callback();
        });
      },
    });
  }

  private listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.port = (this.server.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }
}
