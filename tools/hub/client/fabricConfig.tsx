// A script of its own, run before the hub's modules and any Fluent UI module (tools/hub/build.ts): Fluent reads
// window.FabricConfig once, when it creates its stylesheet and registers its fonts.
// (Every client file is .tsx so that the Node tools' tsconfig, which has no DOM, skips it.)

interface HubFabricConfig {
  /** '' stops Fluent from declaring Segoe UI web fonts on Microsoft's CDN: the hub loads nothing from elsewhere. */
  fontBaseUrl?: string;
  mergeStyles?: { cspSettings?: { nonce?: string } };
}

/**
 * The page's Content-Security-Policy admits styles from 'self' and from <style> elements
 * carrying this response's nonce; Fluent injects its CSS-in-JS that way. The server puts the
 * nonce in a meta tag because the page may run no inline script to hand it over.
 */
const nonce = document.querySelector<HTMLMetaElement>('meta[name="pmohub-style-nonce"]')?.content ?? '';

(window as Window & { FabricConfig?: HubFabricConfig }).FabricConfig = {
  fontBaseUrl: '',
  mergeStyles: { cspSettings: { nonce } }
};
// Fluent's older SCSS-based pieces (pickers, suggestions) inject through @microsoft/load-themed-styles,
// which reads its nonce from window.CSPSettings instead.
(window as Window & { CSPSettings?: { nonce: string } }).CSPSettings = { nonce };

// The browser's first Intl formatter loads its ICU data: 40-60 ms on the main thread (Chromium, measured
// 7 Dec 2026), paid by whichever web part formats a number first, on the first screen's critical path.
// Here the local hub (standing in for SharePoint's page, whose own scripts run before any web part's) pays it
// while its modules are still downloading and the main thread has nothing else to do.
setTimeout(() => {
  try {
    new Intl.NumberFormat(undefined).format(1);
    new Intl.DateTimeFormat(undefined).format(0);
  } catch {
    // No Intl: the web parts' own formatting reports it.
  }
}, 0);

export {};
