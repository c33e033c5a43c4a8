import { Module } from '@nestjs/common';

import { RecipientKeys } from './recipient-keys';
import { RecipientsRepository } from './recipients.repository';

@Module({
  providers: [RecipientKeys, RecipientsRepository],
  exports: [RecipientKeys, RecipientsRepository],
})
export class RecipientsModule {}
