import { startTracing } from '@optline/platform';

// Loaded first, before http and pg, so their calls are traced.
startTracing('ingestion');
