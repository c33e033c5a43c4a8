import { startTracing } from '@optline/platform';

// Loaded first, before kafkajs and pg, so their calls are traced.
startTracing('delivery');
