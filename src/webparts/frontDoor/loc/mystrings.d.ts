declare interface IFrontDoorWebPartStrings {
  FrontDoorTitle: string;
  QuickLinks: string;
  QuickReportStatus: string;
  QuickFindTemplate: string;
  QuickAskExpert: string;
  QuickSeePortfolio: string;
  PurposeHeading: string;
  ServicesHeading: string;
  AreaCoordinate: string;
  AreaControl: string;
  AreaSupport: string;
  RolesHeading: string;
  RoleSteeringGroup: string;
  RoleSponsor: string;
  RoleProjectLeader: string;
  RolePmo: string;
  TeamHeading: string;
  MailTo: string;
  EventsHeading: string;
  NoEvents: string;
  AllEvents: string;
  FiguresHeading: string;
  FigureActiveProjects: string;
  FigureReportsOnTime: string;
  FigureTemplates: string;
  FigureExperts: string;
  FiguresNote: string;
  NewsHeading: string;
  NoNews: string;
  PublishedOn: string;
  FallbackNote: string;
  NoContent: string;
  LoadError: string;
  NewsLoadError: string;
  FiguresLoadError: string;
  PropertyPaneDescription: string;
  DataGroupName: string;
  SiteUrlLabel: string;
  SiteUrlDescription: string;
  SiteUrlInvalid: string;
  NewsCountLabel: string;
  NewsCountInvalid: string;
}

declare module 'FrontDoorWebPartStrings' {
  const strings: IFrontDoorWebPartStrings;
  export = strings;
}
