import { Module } from '@nestjs/common';

import { SERVICE_CONFIG, type ServiceConfig } from '@optline/platform';

import { DELIVERY_CONFIG, loadDeliveryConfig } from './config/delivery.config';
import { ProviderGateway } from './providers/provider-gateway';
import { SimulatorReceiptsWorker } from './providers/simulator-receipts.worker';
import { SimulatorRepository } from './providers/simulator.repository';
import { ReceiptsConsumer } from './receipts/receipts.consumer';
import { ReceiptsService } from './receipts/receipts.service';
import { RecipientStateRepository } from './recipients/recipient-state.repository';
import { RecipientsConsumer } from './recipients/recipients.consumer';
import { RecipientsService } from './recipients/recipients.service';
import { AttemptOwner } from './sending/attempt-owner';
import { AttemptRound } from './sending/attempt-round';
import { RetrySweeper } from './sending/retry-sweeper';
import { SendLedgerRepository } from './sending/send-ledger.repository';
import { SendingConsumer } from './sending/sending.consumer';
import { SendingService } from './sending/sending.service';

@Module({
  controllers: [SendingConsumer, RecipientsConsumer, ReceiptsConsumer],
  providers: [
    {
      provide: DELIVERY_CONFIG,
      useFactory: (config: ServiceConfig) => loadDeliveryConfig(config.env),
      inject: [SERVICE_CONFIG],
    },
    AttemptOwner,
    AttemptRound,
    SendLedgerRepository,
    RecipientStateRepository,
    SimulatorRepository,
    ProviderGateway,
    SendingService,
    RecipientsService,
    ReceiptsService,
    RetrySweeper,
    SimulatorReceiptsWorker,
  ],
})
export class DeliveryModule {}
