/** Injection tokens for what has no class of its own. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const LOGGER = Symbol('LOGGER');
export const KAFKA_ADMIN = Symbol('KAFKA_ADMIN');
export const STREAM_STATE = Symbol('STREAM_STATE');

export interface StreamState {
  readonly ready: boolean;
}
