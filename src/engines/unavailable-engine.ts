import { AppError } from '../errors/app-error.js';
import type { Engine, EngineCapabilities, EngineStatus, Generation } from './engine.js';

/**
 * Stands in for an engine that could not be created, so the server still
 * starts: every AI call answers 503 with the reason and `/readyz` reports it.
 */
export class UnavailableEngine implements Engine {
  readonly kind;
  readonly #status: EngineStatus;

  constructor(kind: Engine['kind'], model: string, detail: string) {
    this.kind = kind;
    this.#status = { state: 'unavailable', engine: kind, model, detail };
  }

  start(): void {}

  status(): EngineStatus {
    return this.#status;
  }

  capabilities(): EngineCapabilities {
    return { infill: false, textCompletion: false };
  }

  #fail(): never {
    throw new AppError('engine_unavailable', this.#status.detail);
  }

  completeText(): Promise<Generation> {
    this.#fail();
  }

  infill(): Promise<Generation> {
    this.#fail();
  }

  chat(): Promise<Generation> {
    this.#fail();
  }

  chatJson(): Promise<never> {
    this.#fail();
  }

  countTokens(): Promise<number> {
    this.#fail();
  }

  async close(): Promise<void> {}
}
