import { Module } from '@nestjs/common';

import { ProducerApiController } from './producer-api.controller';
import { ProducerApiService } from './producer-api.service';

@Module({
  controllers: [ProducerApiController],
  providers: [ProducerApiService],
})
export class ProducerApiModule {}
