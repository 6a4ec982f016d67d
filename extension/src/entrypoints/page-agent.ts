import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createPageAgent, type PageAgent } from '../capture/page-agent.ts';

// Injected on demand with scripting.executeScript (activeTab); the background then calls
// `__wardguardAgent` through small executeScript functions in the same isolated world.
declare global {
  var __wardguardAgent: PageAgent | undefined;
}

export default defineUnlistedScript(() => {
  globalThis.__wardguardAgent ??= createPageAgent(document, window);
});
