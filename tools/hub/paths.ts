import path from 'path';

/** Where `npm start` and the e2e tests serve the hub from (temp/ is ignored by git). */
export const HUB_DIST_DIR: string = path.resolve(__dirname, '../../temp/hub');
/** The URL path of the hub's static files: outside /sites/*, so no SharePoint route can shadow them. */
export const HUB_ASSETS = '/hub/assets/';
export const HUB_BUNDLE = 'hub.js';
/** Fluent's configuration (the style nonce), run before the hub's modules: see build.ts. */
export const HUB_FABRIC_CONFIG = 'fabric-config.js';
export const HUB_FONTS_DIR = 'fonts';
export const HUB_FAVICON = 'favicon.svg';
