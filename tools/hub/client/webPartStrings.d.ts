/// <reference path="../../../src/webparts/portfolio/loc-planning/mystrings.d.ts" />
/// <reference path="../../../src/webparts/statusReports/loc/mystrings.d.ts" />
/// <reference path="../../../src/webparts/risks/loc/mystrings.d.ts" />
/// <reference path="../../../src/webparts/community/loc/mystrings.d.ts" />
/// <reference path="../../../src/webparts/templates/loc/mystrings.d.ts" />
/// <reference path="../../../src/webparts/okr/loc/mystrings.d.ts" />
/// <reference path="../../../src/webparts/pmoKpis/loc/mystrings.d.ts" />
/// <reference path="../../../src/webparts/benefits/loc/mystrings.d.ts" />
/// <reference path="../../../src/webparts/frontDoor/loc/mystrings.d.ts" />
// The web parts' SPFx strings files as the hub bundles them (see loc.d.ts).

declare module '*/statusReports/loc/en-us.js' { const strings: IStatusReportsWebPartStrings; export default strings; }
declare module '*/statusReports/loc/sv-se.js' { const strings: IStatusReportsWebPartStrings; export default strings; }
declare module '*/statusReports/loc/da-dk.js' { const strings: IStatusReportsWebPartStrings; export default strings; }
declare module '*/statusReports/loc/nl-nl.js' { const strings: IStatusReportsWebPartStrings; export default strings; }

declare module '*/risks/loc/en-us.js' { const strings: IRisksWebPartStrings; export default strings; }
declare module '*/risks/loc/sv-se.js' { const strings: IRisksWebPartStrings; export default strings; }
declare module '*/risks/loc/da-dk.js' { const strings: IRisksWebPartStrings; export default strings; }
declare module '*/risks/loc/nl-nl.js' { const strings: IRisksWebPartStrings; export default strings; }
declare module '*/community/loc/en-us.js' { const strings: ICommunityWebPartStrings; export default strings; }
declare module '*/community/loc/sv-se.js' { const strings: ICommunityWebPartStrings; export default strings; }
declare module '*/community/loc/da-dk.js' { const strings: ICommunityWebPartStrings; export default strings; }
declare module '*/community/loc/nl-nl.js' { const strings: ICommunityWebPartStrings; export default strings; }
declare module '*/templates/loc/en-us.js' { const strings: ITemplatesWebPartStrings; export default strings; }
declare module '*/templates/loc/sv-se.js' { const strings: ITemplatesWebPartStrings; export default strings; }
declare module '*/templates/loc/da-dk.js' { const strings: ITemplatesWebPartStrings; export default strings; }
declare module '*/templates/loc/nl-nl.js' { const strings: ITemplatesWebPartStrings; export default strings; }

declare module '*/portfolio/loc-planning/en-us.js' { const strings: IPortfolioPlanningWebPartStrings; export default strings; }
declare module '*/portfolio/loc-planning/sv-se.js' { const strings: IPortfolioPlanningWebPartStrings; export default strings; }
declare module '*/portfolio/loc-planning/da-dk.js' { const strings: IPortfolioPlanningWebPartStrings; export default strings; }
declare module '*/portfolio/loc-planning/nl-nl.js' { const strings: IPortfolioPlanningWebPartStrings; export default strings; }
declare module '*/okr/loc/en-us.js' { const strings: IOkrWebPartStrings; export default strings; }
declare module '*/okr/loc/sv-se.js' { const strings: IOkrWebPartStrings; export default strings; }
declare module '*/okr/loc/da-dk.js' { const strings: IOkrWebPartStrings; export default strings; }
declare module '*/okr/loc/nl-nl.js' { const strings: IOkrWebPartStrings; export default strings; }
declare module '*/pmoKpis/loc/en-us.js' { const strings: IPmoKpisWebPartStrings; export default strings; }
declare module '*/pmoKpis/loc/sv-se.js' { const strings: IPmoKpisWebPartStrings; export default strings; }
declare module '*/pmoKpis/loc/da-dk.js' { const strings: IPmoKpisWebPartStrings; export default strings; }
declare module '*/pmoKpis/loc/nl-nl.js' { const strings: IPmoKpisWebPartStrings; export default strings; }
declare module '*/benefits/loc/en-us.js' { const strings: IBenefitsWebPartStrings; export default strings; }
declare module '*/benefits/loc/sv-se.js' { const strings: IBenefitsWebPartStrings; export default strings; }
declare module '*/benefits/loc/da-dk.js' { const strings: IBenefitsWebPartStrings; export default strings; }
declare module '*/benefits/loc/nl-nl.js' { const strings: IBenefitsWebPartStrings; export default strings; }

declare module '*/frontDoor/loc/en-us.js' { const strings: IFrontDoorWebPartStrings; export default strings; }
declare module '*/frontDoor/loc/sv-se.js' { const strings: IFrontDoorWebPartStrings; export default strings; }
declare module '*/frontDoor/loc/da-dk.js' { const strings: IFrontDoorWebPartStrings; export default strings; }
declare module '*/frontDoor/loc/nl-nl.js' { const strings: IFrontDoorWebPartStrings; export default strings; }
