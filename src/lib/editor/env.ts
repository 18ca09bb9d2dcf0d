/**
 * Holds the 编辑台 session's token; its presence adds the editor integration to the config
 * (astro.config.mjs). Its own module, so `npm run edit` can set it without loading the integration,
 * which the config loads again in its bundle (src/integrations/bundled-import.mjs).
 */
export const EDITOR_ENV = 'HONOR_ROLL_EDITOR';
