import { Module } from '@nestjs/common';

import { ScreenedModule } from './screened/screened.module';

/** Consent: the ledger with proof, replies from handsets, the consent check of each message, erasure. */
@Module({ imports: [ScreenedModule] })
export class ConsentModule {}
