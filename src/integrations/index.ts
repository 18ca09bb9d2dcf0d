/**
 * What astro.config.mjs takes from the project's TypeScript: its integrations and the audience
 * switch. One entry, so the config can load it as one bundle (bundled-import.mjs).
 */
export { atomicOutput } from './atomic-output';
export { buildSummary } from './build-summary';
export { contentSecurityPolicy } from './content-security-policy';
export { editor, EDITOR_ENV } from './editor';
export { honorRoll } from './honor-roll';
export { precompress } from './precompress';
export { privacyGuard } from './privacy-guard';
export { pruneAssets } from './prune-assets';
export { searchIndex } from './search-index';
export { readAudience } from '../lib/site-paths';
