/// <reference path="../../../src/common/loc/mystrings.d.ts" />
/// <reference path="../../../src/webparts/projectRegister/loc/mystrings.d.ts" />
// The SPFx strings files as the hub bundles them (tools/hub/amdLocPlugin.ts): each AMD
// module's value becomes the module's export, typed by the interface of its mystrings.d.ts.
// One declaration per file: a module pattern holds a single wildcard.

declare module '*/common/loc/en-us.js' { const strings: IPmoHubCommonStrings; export default strings; }
declare module '*/common/loc/sv-se.js' { const strings: IPmoHubCommonStrings; export default strings; }
declare module '*/common/loc/da-dk.js' { const strings: IPmoHubCommonStrings; export default strings; }
declare module '*/common/loc/nl-nl.js' { const strings: IPmoHubCommonStrings; export default strings; }

declare module '*/projectRegister/loc/en-us.js' { const strings: IProjectRegisterWebPartStrings; export default strings; }
declare module '*/projectRegister/loc/sv-se.js' { const strings: IProjectRegisterWebPartStrings; export default strings; }
declare module '*/projectRegister/loc/da-dk.js' { const strings: IProjectRegisterWebPartStrings; export default strings; }
declare module '*/projectRegister/loc/nl-nl.js' { const strings: IProjectRegisterWebPartStrings; export default strings; }

/** The web part manifests, read at build time (tools/hub/manifestsPlugin.ts). */
declare module 'pmohub:web-part-manifests' {
  const entries: import('./toolboxEntry').ToolboxEntry[];
  export default entries;
}
