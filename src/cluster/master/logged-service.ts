// Wraps a service binding so that every refused call (malformed body, unknown id, state conflict) is logged with
// its peer before the error status goes back; the daemons use it for all their services.
import type { CallContext, RpcServiceBinding } from '../../common/rpc/handlers.js';

export function loggedService(binding: RpcServiceBinding, log: (line: string) => void): RpcServiceBinding {
  const implementation: Record<string, (request: never, ctx: CallContext) => unknown> = {};
  for (const [name, handler] of Object.entries(binding.implementation)) {
    implementation[name] = async (request: never, ctx: CallContext) => {
      try {
        return await handler(request, ctx);
      } catch (e) {
        log(`rejected ${ctx.method} from ${ctx.peer}: ${(e instanceof Error ? e.message : String(e)).split('\n', 1)[0]}`);
        throw e;
      }
    };
  }
  return { definition: binding.definition, implementation };
}
