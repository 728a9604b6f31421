import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { PrismaTransactions } from '../../database/prisma-transactions';
import type { Delivery as DeliveryRow, Prisma } from '../../generated/prisma/client';
import type { MailTemplateName } from '../../templates/mail-template';
import { canTransition, type Delivery, type DeliveryStatus } from '../delivery';
import {
  DeliveryRepository,
  type DeliveryChanges,
  type DeliverySearch,
} from '../delivery-repository';
import type { MailRequest } from '../mail-request';

@Injectable()
export class PrismaDeliveryRepository extends DeliveryRepository {
  constructor(private readonly txHost: TransactionHost<PrismaTransactions>) {
    super();
  }

  async record(request: MailRequest): Promise<void> {
    await this.txHost.tx.delivery.createMany({ data: rowOf(request), skipDuplicates: true });
  }

  async recordOrFind(request: MailRequest): Promise<Delivery> {
    // One round trip for a new request; only a repeated one reads back the row its first one wrote.
    const [created] = await this.txHost.tx.delivery.createManyAndReturn({
      data: rowOf(request),
      skipDuplicates: true,
    });
    return toDelivery(
      created ??
        (await this.txHost.tx.delivery.findUniqueOrThrow({ where: { id: request.deliveryId } })),
    );
  }

  async transition(
    id: string,
    from: DeliveryStatus,
    to: DeliveryStatus,
    changes: DeliveryChanges = {},
  ): Promise<boolean> {
    if (!canTransition(from, to))
      throw new RangeError(`a delivery cannot move from ${from} to ${to}`);
    const { countAttempt, ...fields } = changes;
    // Compare-and-set on the status: of two attempts racing for one delivery, exactly one moves it.
    const { count } = await this.txHost.tx.delivery.updateMany({
      where: { id, status: from },
      data: { ...fields, status: to, ...(countAttempt ? { attempts: { increment: 1 } } : {}) },
    });
    return count === 1;
  }

  async search({ recipient, status, limit }: DeliverySearch): Promise<Delivery[]> {
    const rows = await this.txHost.tx.delivery.findMany({
      where: { recipient, status },
      orderBy: { createdAt: 'desc' },
      take: limit,
    });
    return rows.map(toDelivery);
  }
}

function rowOf(request: MailRequest): Prisma.DeliveryCreateManyInput {
  return {
    id: request.deliveryId,
    template: request.template,
    recipient: request.to.email,
    recipientUserId: request.to.userId,
    source: request.source.kind,
    sourceId: request.source.id,
    requestedAt: request.requestedAt,
  };
}

function toDelivery({ source, sourceId, template, ...row }: DeliveryRow): Delivery {
  return { ...row, template: template as MailTemplateName, source: { kind: source, id: sourceId } };
}
