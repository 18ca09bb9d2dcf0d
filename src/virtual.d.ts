declare module 'virtual:honor-roll/context' {
  /** The validated site.config.yaml. */
  export const siteConfig: import('./schemas/site-config').SiteConfig;
  /** The moment this build started: publishing rules compare `publishDate` with it. */
  export const buildTime: Date;
  /** Which edition is being built. */
  export const audience: import('./lib/publishing').Audience;
  /** The site's cache folder (kept between builds): share images are reused from here. */
  export const cacheDir: string;
  /** Site path of the favicon, when the public folder has one. */
  export const favicon: string | null;
  /** Site path of the 公安备案 icon the unit put into public/ (gov-footer.ts PSB_ICON_FILE), else null. */
  export const psbIcon: string | null;
  /** Absolute path of the worker script that draws share cards (src/data/share-images-worker.mjs). */
  export const shareImagesWorker: string;
  /** The content folder being built (HONOR_ROLL_SITE's, or src/content). */
  export const contentDir: string;
}
