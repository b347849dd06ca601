declare interface IPmoHubCommonStrings {
  PhaseIdea: string;
  PhaseInitiation: string;
  PhasePlanning: string;
  PhaseExecution: string;
  PhaseClosing: string;
  PhaseClosed: string;
  RagGreen: string;
  RagAmber: string;
  RagRed: string;
  RagNone: string;
  MethodPMI: string;
  MethodPRINCE2: string;
  MethodIPMA: string;
  MethodAgile: string;
  MethodLean: string;
  MethodInternal: string;
  Loading: string;
  ErrorTitle: string;
  ErrorDetails: string;
  Retry: string;
  Close: string;
  NotSet: string;
  NavHome: string;
  NavProjects: string;
  NavPortfolio: string;
  NavTemplates: string;
  NavCommunity: string;
  ActAs: string;
  Language: string;
  DevelopmentOnly: string;
  ComingLater: string;
  ComingLaterText: string;
  HubTitle: string;
  HomeWelcome: string;
  SkipToContent: string;
  RoleOwner: string;
  RoleMember: string;
  RoleLeader: string;
  RoleVisitor: string;
  SiteNavigation: string;
  ActingAs: string;
  WebPartNotAvailable: string;
  ComingPortfolioDashboards: string;
  ComingPortfolioTimeline: string;
  ComingRiskHeatMap: string;
  ComingKpisOkrs: string;
  ComingTemplatesLibrary: string;
  ComingEvents: string;
  ComingExperts: string;
  ComingLessonsLearned: string;
}

declare module 'PmoHubCommonStrings' {
  const strings: IPmoHubCommonStrings;
  export = strings;
}
