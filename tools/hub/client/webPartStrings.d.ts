/// <reference path="../../../src/webparts/statusReports/loc/mystrings.d.ts" />
/// <reference path="../../../src/webparts/risks/loc/mystrings.d.ts" />
// The status reports' and risks' SPFx strings files as the hub bundles them (see loc.d.ts).

declare module '*/statusReports/loc/en-us.js' { const strings: IStatusReportsWebPartStrings; export default strings; }
declare module '*/statusReports/loc/sv-se.js' { const strings: IStatusReportsWebPartStrings; export default strings; }
declare module '*/statusReports/loc/da-dk.js' { const strings: IStatusReportsWebPartStrings; export default strings; }
declare module '*/statusReports/loc/nl-nl.js' { const strings: IStatusReportsWebPartStrings; export default strings; }

declare module '*/risks/loc/en-us.js' { const strings: IRisksWebPartStrings; export default strings; }
declare module '*/risks/loc/sv-se.js' { const strings: IRisksWebPartStrings; export default strings; }
declare module '*/risks/loc/da-dk.js' { const strings: IRisksWebPartStrings; export default strings; }
declare module '*/risks/loc/nl-nl.js' { const strings: IRisksWebPartStrings; export default strings; }

/// <reference path="../../../src/webparts/portfolio/loc-planning/mystrings.d.ts" />
declare module '*/portfolio/loc-planning/en-us.js' { const strings: IPortfolioPlanningWebPartStrings; export default strings; }
declare module '*/portfolio/loc-planning/sv-se.js' { const strings: IPortfolioPlanningWebPartStrings; export default strings; }
declare module '*/portfolio/loc-planning/da-dk.js' { const strings: IPortfolioPlanningWebPartStrings; export default strings; }
declare module '*/portfolio/loc-planning/nl-nl.js' { const strings: IPortfolioPlanningWebPartStrings; export default strings; }
