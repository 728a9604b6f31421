/** An email as the test SMTP server received it, decoded far enough to read what a person would. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  messageId: string;
  text: string;
  html: string;
}

type Headers = Record<string, string>;

/** Reads the multipart/alternative messages nodemailer writes: headers, then a text and an HTML part. */
export function readMail(raw: string, envelope: { from: string; to: string[] }): ReceivedMail {
  const { headers, body } = splitEntity(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(headers['content-type'] ?? '')?.[1];
  const parts = boundary
    ? body.split(`--${boundary}`).slice(1, -1).map(splitEntity)
    : [{ headers, body }];
  const partOf = (type: string) => {
    const part = parts.find((entity) => entity.headers['content-type']?.startsWith(type));
    return part ? decode(part.body, part.headers['content-transfer-encoding']) : '';
  };
  return {
    ...envelope,
    subject: headers['subject'] ?? '',
    messageId: headers['message-id'] ?? '',
    text: partOf('text/plain'),
    html: partOf('text/html'),
  };
}

function splitEntity(entity: string): { headers: Headers; body: string } {
  const trimmed = entity.replace(/^\r?\n/, '');
  const end = trimmed.search(/\r?\n\r?\n/);
  const headerBlock = trimmed.slice(0, end).replace(/\r?\n[ \t]+/g, ' ');
  const headers: Headers = {};
  for (const line of headerBlock.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    headers,
    body: trimmed
      .slice(end)
      .replace(/^\r?\n\r?\n/, '')
      .replace(/\r?\n$/, ''),
  };
}

function decode(body: string, encoding = '7bit'): string {
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}
