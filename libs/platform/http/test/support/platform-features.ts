import '@fastify/multipart';
import {
  Controller,
  Get,
  Headers,
  HttpCode,
  Post,
  type RawBodyRequest,
  Req,
  Res,
} from '@nestjs/common';
import { MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { UnauthorizedError, ValidationError } from '../../src';

/** Shared by the webhook route and the test that signs its payloads. */
export const webhookSecret = 'whsec-catalog-test';

export function signatureOf(payload: string): string {
  return createHmac('sha256', webhookSecret).update(payload).digest('hex');
}

/** A payment provider's webhook: the signature covers the exact bytes sent, not the parsed JSON. */
@Controller('webhooks')
export class WebhooksController {
  @Post('payments')
  @HttpCode(204)
  receive(
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Headers('x-signature') signature = '',
  ): void {
    const expected = Buffer.from(signatureOf(request.rawBody?.toString('utf8') ?? ''));
    const presented = Buffer.from(signature);
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected))
      throw new UnauthorizedError('The webhook signature does not match its payload');
  }
}

/** Streams an uploaded file through a hash without holding it in memory. */
@Controller('uploads')
export class UploadsController {
  @Post()
  async upload(
    @Req() request: FastifyRequest,
  ): Promise<{ filename: string; bytes: number; sha256: string }> {
    const upload = await request.file();
    if (!upload)
      throw new ValidationError([
        { field: 'file', message: 'a file is required', code: 'required' },
      ]);
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of upload.file as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    // A stream over the limit ends early, marked truncated, instead of failing.
    if (upload.file.truncated) throw new request.server.multipartErrors.RequestFileTooLargeError();
    return { filename: upload.filename, bytes, sha256: hash.digest('hex') };
  }
}

/** Cookies in and out, and the client address as the platform's proxy trust sees it. */
@Controller('visitor')
export class VisitorController {
  @Post('cookie')
  @HttpCode(204)
  remember(@Res({ passthrough: true }) reply: FastifyReply): void {
    reply.setCookie('visitor', 'v-1', { httpOnly: true, sameSite: 'strict', path: '/v1/visitor' });
  }

  @Get()
  describe(@Req() request: FastifyRequest): { ip: string; cookie: string | null } {
    return { ip: request.ip, cookie: request.cookies.visitor ?? null };
  }
}

/** socket.io on the service's own HTTP server, as chat-service runs it. */
@WebSocketGateway({ path: '/socket.io' })
export class EchoGateway {
  @SubscribeMessage('echo')
  echo(@MessageBody() text: string): { echoed: string } {
    return { echoed: text };
  }
}
