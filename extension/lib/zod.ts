// Every `zod` import of the extension's build resolves here (wxt.config.ts), so this runs before any
// schema is made: zod then validates without compiling code through `new Function`, which the
// extension's content security policy forbids and add-on reviewers flag as eval.
import { config } from 'zod/v4';

config({ jitless: true });

export * from 'zod/v4';
export { default, z } from 'zod/v4';
