import './instrumentation';

import { join } from 'node:path';

import { runService } from '@optline/platform';

import { DeliveryModule } from './delivery.module';

void runService({ name: 'delivery', module: DeliveryModule, migrations: join(__dirname, '../migrations') });
