// The status bus as the layers below the driver see it: they may post events (e.g. SQL executions) without
// importing the driver. The driver's StatusBus (driver/status/status-events.ts) implements it.

export interface StatusBus {
  post(event: { readonly kind: string } & Record<string, unknown>): void;
  subscribe(listener: (event: { readonly kind: string } & Record<string, unknown>) => void): () => void;
}
