/// <reference path="../../../src/webparts/portfolio/loc/mystrings.d.ts" />
// The portfolio web parts' SPFx strings files as the hub bundles them (see loc.d.ts).

declare module '*/portfolio/loc/en-us.js' { const strings: IPortfolioWebPartStrings; export default strings; }
declare module '*/portfolio/loc/sv-se.js' { const strings: IPortfolioWebPartStrings; export default strings; }
declare module '*/portfolio/loc/da-dk.js' { const strings: IPortfolioWebPartStrings; export default strings; }
declare module '*/portfolio/loc/nl-nl.js' { const strings: IPortfolioWebPartStrings; export default strings; }
